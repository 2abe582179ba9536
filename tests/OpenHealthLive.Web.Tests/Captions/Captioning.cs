using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Captions;

/// <summary>
/// What the caption tests share: links made on the organiser's programme page as the organiser makes them, readers
/// that record every caption event they get, and the Captions rows read straight from the database file. The wire
/// shapes are read as JSON, as docs/captions.md describes them, not taken from the server's types.
/// </summary>
internal static partial class Captioning
{
    /// <summary>The caption events, and <c>SlideChanged</c> to order them against.</summary>
    public static readonly string[] Events = ["CaptionTyping", "CaptionCommitted", "CaptionsCleared", "CaptionSettingsChanged", "SlideChanged", "ProjectorChanged"];

    /// <summary>Makes a link for <paramref name="role"/> of <paramref name="code"/> with the programme page's button and returns its secret.</summary>
    public static async Task<string> IssueLinkAsync(OpenHealthLiveFactory factory, string organiser, string code, string role = "captioner")
    {
        using var client = factory.CreatePlainClient();
        using var programme = await SendAsync(client, HttpMethod.Get, "/organiser", organiser);
        var html = await programme.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        var antiforgery = programme.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        Assert.Contains($"value=\"{role}\"", html, StringComparison.Ordinal);

        using var issued = await SendAsync(client, HttpMethod.Post, "/organiser?handler=Link", $"{organiser}; {antiforgery}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code, ["role"] = role, ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var page = await issued.Content.ReadAsStringAsync();
        var secret = IssuedSecret().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(secret), "no link was issued");
        return secret;
    }

    /// <summary>A staff member signed in with <paramref name="secret"/>, connected to the hub.</summary>
    public static async Task<Listener> StaffAsync(OpenHealthLiveFactory factory, string secret) =>
        new(await factory.ConnectAsync((await factory.SignInWithLinkAsync(secret)).Cookie));

    /// <summary>A phone that has joined the talk and, unless <paramref name="captions"/> is false, turned captions on.</summary>
    public static async Task<Listener> ReaderAsync(OpenHealthLiveFactory factory, string code = OpenHealthLiveFactory.DefaultCode, bool captions = true)
    {
        var listener = new Listener(await factory.ConnectAsync(await factory.GetDeviceCookieAsync(code)));
        await listener.Connection.InvokeAsync<JsonElement>("JoinSession", code);
        if (captions)
        {
            listener.History = await listener.Connection.InvokeAsync<JsonElement>("FollowCaptions", code, true);
        }

        return listener;
    }

    /// <summary>The Captions rows of a session, read from the database file: (slide, text), in the order they were written.</summary>
    public static async Task<List<(int Slide, string Text)>> CaptionRowsAsync(OpenHealthLiveFactory factory, string code)
    {
        await using var connection = new SqliteConnection(SqliteStorage.ConnectionString(factory.DataDirectory));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Slide, Text FROM Captions WHERE SessionCode = $code ORDER BY Id";
        command.Parameters.AddWithValue("$code", code);
        var rows = new List<(int, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>Writes a Captions row straight into the database, as stale data would be (a line kept from a rehearsal, a deck edited since).</summary>
    public static async Task InsertRowAsync(OpenHealthLiveFactory factory, string code, int slide, string text)
    {
        await using var connection = new SqliteConnection(SqliteStorage.ConnectionString(factory.DataDirectory));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO Captions (SessionCode, Slide, CreatedAt, Text) VALUES ($code, $slide, $at, $text)";
        command.Parameters.AddWithValue("$code", code);
        command.Parameters.AddWithValue("$slide", slide);
        command.Parameters.AddWithValue("$at", "2026-12-01 09:00:00+00:00");
        command.Parameters.AddWithValue("$text", text);
        await command.ExecuteNonQueryAsync();
    }

    public static string[] Texts(JsonElement lines) => [.. lines.EnumerateArray().Select(l => l.GetProperty("text").GetString()!)];

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? cookie = null, HttpContent? content = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await client.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("id=\"issued-code\"[^>]*value=\"([A-Z0-9-]+)\"")]
    private static partial Regex IssuedSecret();

    /// <summary>A hub connection recording, in the order they arrive, every caption event and slide change it gets.</summary>
    public sealed class Listener : IAsyncDisposable
    {
        private readonly ConcurrentQueue<(string Event, JsonElement Message)> _received = new();

        public Listener(HubConnection connection)
        {
            Connection = connection;
            foreach (var name in Events)
            {
                connection.On<JsonElement>(name, message => _received.Enqueue((name, message.Clone())));
            }
        }

        public HubConnection Connection { get; }

        /// <summary>The answer to <c>FollowCaptions</c>, for a reader.</summary>
        public JsonElement History { get; set; }

        /// <summary>Every event received so far, in order.</summary>
        public List<(string Event, JsonElement Message)> Received => [.. _received];

        public IEnumerable<JsonElement> Messages(string name) => _received.Where(r => r.Event == name).Select(r => r.Message);

        /// <summary>Waits (at most 10 s) for an event of <paramref name="name"/> that meets <paramref name="condition"/>, and returns it.</summary>
        public async Task<JsonElement> WaitForAsync(string name, Func<JsonElement, bool> condition)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (true)
            {
                foreach (var message in Messages(name))
                {
                    if (condition(message))
                    {
                        return message;
                    }
                }

                if (timeout.IsCancellationRequested)
                {
                    Assert.Fail($"No {name} of the expected kind arrived; got: {string.Join(" | ", _received.Select(r => $"{r.Event} {r.Message.GetRawText()}"))}");
                }

                await Task.Delay(20, CancellationToken.None);
            }
        }

        public Task<JsonElement> WaitForTextAsync(string name, string text) =>
            WaitForAsync(name, m => m.GetProperty("text").GetString() == text);

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }
}
