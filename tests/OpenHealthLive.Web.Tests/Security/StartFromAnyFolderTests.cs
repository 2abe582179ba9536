using System.IO.Compression;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Security;

/// <summary>
/// An operator starts the built app from whatever folder their shell is in (a service unit, a cron job, a
/// terminal in their home folder). It must behave as it does from its own folder: its settings applied (log
/// levels that keep connection tokens out of the log, no runtime re-compression of static files), its scripts
/// readable by a browser.
/// </summary>
public sealed class StartFromAnyFolderTests : IDisposable
{
    private readonly string _emptyFolder = Directory.CreateTempSubdirectory("ohl-cwd-").FullName;
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ohl-data-").FullName;

    [Fact]
    public async Task The_built_app_started_from_an_empty_folder_serves_readable_scripts_and_keeps_connection_tokens_out_of_its_log()
    {
        await using var app = await BuiltAppProcess.StartAsync(
            _emptyFolder,
            "--Storage:DataDirectory=" + _dataDirectory,
            "--Presenter:Key=" + OpenHealthLiveFactory.PresenterKey,
            "--Join:DefaultSessionCode=" + OpenHealthLiveFactory.DefaultCode);
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = app.BaseAddress,
        };

        // A phone's browser asks for a script and accepts Brotli; what comes back must decode to the file.
        using (var request = new HttpRequestMessage(HttpMethod.Get, "js/audience-qna.js"))
        {
            request.Headers.AcceptEncoding.ParseAdd("br");
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var encoding = string.Join(',', response.Content.Headers.ContentEncoding);
            var body = await response.Content.ReadAsByteArrayAsync();
            var expected = await File.ReadAllBytesAsync(Path.Combine(BuiltAppProcess.WebProjectDirectory, "wwwroot", "js", "audience-qna.js"));
            var decoded = Decode(encoding, body);
            Assert.True(decoded is not null, $"The script came labelled Content-Encoding '{encoding}' ({body.Length} bytes) but does not decode as such: a browser cannot run it.");
            Assert.Equal(expected, decoded);
        }

        // A phone connects: negotiate, then the WebSocket whose query string carries the connection token.
        using var page = await http.GetAsync(new Uri($"j/{OpenHealthLiveFactory.DefaultCode}", UriKind.Relative));
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ohl.device=", StringComparison.Ordinal)).Split(';')[0];
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "hubs/live/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Cookie", cookie);
        using var negotiated = await http.SendAsync(negotiate);
        negotiated.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await negotiated.Content.ReadAsStringAsync());
        var token = json.RootElement.GetProperty("connectionToken").GetString()!;
        using (var socket = new ClientWebSocket())
        {
            socket.Options.SetRequestHeader("Cookie", cookie);
            await socket.ConnectAsync(new Uri($"ws://{app.BaseAddress.Authority}/hubs/live?id={Uri.EscapeDataString(token)}"), CancellationToken.None);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }

        // Stopped gracefully, the app has flushed every line it was going to write.
        await app.StopAsync();
        var output = app.Output;
        Assert.Contains("Application is shutting down", output, StringComparison.Ordinal);
        Assert.False(output.Contains(token, StringComparison.Ordinal), "The connection token is in the app's log:\n" + output);
        Assert.DoesNotContain("Request starting", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pointed_at_a_folder_without_its_settings_the_app_refuses_to_start_and_says_why()
    {
        BuiltAppProcess? started = null;
        var thrown = await Record.ExceptionAsync(async () => started = await BuiltAppProcess.StartAsync(
            _emptyFolder,
            "--contentRoot=" + _emptyFolder,
            "--Storage:DataDirectory=" + _dataDirectory,
            "--Presenter:Key=" + OpenHealthLiveFactory.PresenterKey));
        if (started is not null)
        {
            await started.DisposeAsync();
        }

        var error = Assert.IsType<InvalidOperationException>(thrown);

        Assert.Contains("exited", error.Message, StringComparison.Ordinal);
        Assert.Contains($"settings file is not at {Path.Combine(_emptyFolder, "appsettings.json")}", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The body decoded as its Content-Encoding says, or null when it is not what the label claims.</summary>
    private static byte[]? Decode(string encoding, byte[] body)
    {
        try
        {
            using var input = new MemoryStream(body);
            using Stream decoder = encoding switch
            {
                "br" => new BrotliStream(input, CompressionMode.Decompress),
                "gzip" => new GZipStream(input, CompressionMode.Decompress),
                "" => input,
                _ => throw new InvalidDataException(encoding),
            };
            using var output = new MemoryStream();
            decoder.CopyTo(output);
            return output.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        Directory.Delete(_emptyFolder, recursive: true);
        OpenHealthLiveFactory.DeleteDataDirectory(_dataDirectory);
    }
}
