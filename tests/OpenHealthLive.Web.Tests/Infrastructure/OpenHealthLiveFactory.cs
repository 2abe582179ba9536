using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenHealthLive.Web.Infrastructure;

namespace OpenHealthLive.Web.Tests.Infrastructure;

/// <summary>
/// The real app in memory, isolated per test: its own temporary data directory (a real SQLite file),
/// the repository's decks, a known presenter key, and every log line captured.
/// </summary>
public sealed partial class OpenHealthLiveFactory : WebApplicationFactory<Program>
{
    public const string PresenterKey = "test-presenter-key-7c1f0e5d9a";
    public const string DefaultCode = "TESTAB";

    static OpenHealthLiveFactory()
    {
        // A host per test with reloadOnChange would use up this machine's inotify instances (traps.md).
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    /// <param name="dataDirectory">Reuse a directory to simulate a restart; a new temporary one by default.</param>
    public OpenHealthLiveFactory(string? dataDirectory = null)
    {
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("ohl-web-tests-").FullName;
        OwnsDataDirectory = dataDirectory is null;
    }

    public string DataDirectory { get; }

    private bool OwnsDataDirectory { get; }

    /// <summary>Settings applied on top of the test defaults; null removes a default.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Join:DefaultSessionCode"] = DefaultCode,
        ["Presenter:Key"] = PresenterKey,
        ["Decks:ContentPath"] = RepositoryPaths.Content,
        ["Decks:WatchDecks"] = "false",
        ["Decks:DefaultDeck"] = "getting-started",
    };

    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Logs { get; } = new();

    /// <summary>The server's clock, when a test needs to control it (set before the app starts).</summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>Turn on to make the database refuse writes.</summary>
    public WriteSwitch Writes { get; } = new();

    public string AllLogText => string.Join('\n', Logs.Select(l => l.Message));

    /// <summary>What the app wrote to the operator's console outside the log (the first start's presenter key).</summary>
    public StringWriter ConsoleText { get; } = new();

    public Uri HubUrl => new(Server.BaseAddress, "hubs/live");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)).SetMinimumLevel(LogLevel.Debug));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Writes);
            services.AddSingleton(new OperatorConsole(ConsoleText));
            if (Clock is not null)
            {
                services.AddSingleton(Clock);
            }
        });
    }

    /// <summary>An HTTP client that neither follows redirects nor keeps cookies, so tests see every response.</summary>
    public HttpClient CreatePlainClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>Signs in through the real form and returns the presenter cookie (name=value).</summary>
    public async Task<string> SignInAsync(string key = PresenterKey)
    {
        using var client = CreatePlainClient();
        return await SignInAsync(client, key);
    }

    /// <summary>Signs in through the real form at <paramref name="client"/>'s address (a node, a proxy) and returns the presenter cookie.</summary>
    public static async Task<string> SignInAsync(HttpClient client, string key = PresenterKey)
    {
        ArgumentNullException.ThrowIfNull(client);
        var (token, antiforgeryCookie) = await GetAntiforgeryAsync(client, "/presenter/sign-in");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/presenter/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Key"] = key, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ohl.presenter=", StringComparison.Ordinal));
        return cookie.Split(';')[0];
    }

    /// <summary>
    /// Signs in with a speaker or moderator link's secret through the real form (as the link's page posts it) and
    /// returns the cookie and where the page sent the browser.
    /// </summary>
    public async Task<(string Cookie, string Location)> SignInWithLinkAsync(string secret)
    {
        using var client = CreatePlainClient();
        var (token, antiforgeryCookie) = await GetAntiforgeryAsync(client, "/presenter/join");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/presenter/join")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Secret"] = secret, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in with a link answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ohl.presenter=", StringComparison.Ordinal));
        return (cookie.Split(';')[0], response.Headers.Location!.OriginalString);
    }

    public static async Task<(string Token, string Cookie)> GetAntiforgeryAsync(HttpClient client, string path)
    {
        using var page = await client.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        var cookie = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        return (token, cookie);
    }

    /// <summary>Opens the audience page as a phone does and returns the device cookie it is given (name=value).</summary>
    public async Task<string> GetDeviceCookieAsync(string code = DefaultCode)
    {
        using var client = CreatePlainClient();
        using var page = await client.GetAsync($"/j/{code}");
        return page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ohl.device=", StringComparison.Ordinal)).Split(';')[0];
    }

    /// <summary>A phone: a device cookie from the audience page, then a hub connection that carries it.</summary>
    public async Task<HubConnection> ConnectPhoneAsync() => await ConnectAsync(await GetDeviceCookieAsync());

    /// <summary>A started hub connection over WebSockets, carrying <paramref name="cookie"/> (a presenter or device cookie) when given.</summary>
    public async Task<HubConnection> ConnectAsync(string? cookie = null, HttpTransportType transport = HttpTransportType.WebSockets)
    {
        var server = Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(HubUrl, options =>
            {
                options.Transports = transport;
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                if (cookie is not null)
                {
                    options.Headers["Cookie"] = cookie;
                }

                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = server.CreateWebSocketClient();
                    if (cookie is not null)
                    {
                        client.ConfigureRequest = request => request.Headers.Cookie = cookie;
                    }

                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public T GetService<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && OwnsDataDirectory)
        {
            DeleteDataDirectory(DataDirectory);
        }
    }

    public static void DeleteDataDirectory(string path)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finishing background task; the OS temp cleaner takes it.
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
