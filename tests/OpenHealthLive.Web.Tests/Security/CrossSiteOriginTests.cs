using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Questions;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Security;

/// <summary>
/// A page on another origin, open in the presenter's own browser, rides on the presenter's cookie. The presenter
/// cookie is SameSite=Strict, but a site ignores ports: a page served from another port of the same host (or of
/// the venue laptop) is "same site" and gets the cookie. These tests send what that browser would send.
/// </summary>
public sealed class CrossSiteOriginTests : IDisposable
{
    private const string HeldQuestion = "Is the unpublished trial arm the one with the adverse events?";

    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task A_WebSocket_opened_by_a_page_on_another_port_cannot_read_the_moderation_queue()
    {
        var server = _factory.StartOnKestrel();
        var presenterCookie = await SignInAsync(server);
        await HoldAQuestionAsync(server, presenterCookie);

        var attackerOrigin = $"http://127.0.0.1:{server.Port + 1}";
        string? read = null;
        WebSocketException? refusal = null;
        try
        {
            using var socket = await RawHub.ConnectAsync(server, presenterCookie, attackerOrigin);
            read = await socket.InvokeAsync(nameof(LiveHub.GetModerationQueue), OpenHealthLiveFactory.DefaultCode);
        }
        catch (WebSocketException ex)
        {
            refusal = ex;
        }

        Assert.True(read is null, $"A page on {attackerOrigin} read the moderation queue: {read}");
        Assert.Contains("403", refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negotiate_request_from_a_page_on_another_port_is_refused_with_a_clear_reason()
    {
        var server = _factory.StartOnKestrel();
        var presenterCookie = await SignInAsync(server);

        using var response = await NegotiateAsync(server, presenterCookie, $"http://127.0.0.1:{server.Port + 1}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("another site", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("http://evil.example")]
    [InlineData("https://127.0.0.1:{port}")]
    [InlineData("http://127.0.0.1.evil.example:{port}")]
    [InlineData("http://localhost:{port}")]
    [InlineData("http://127.0.0.1:{port}, http://evil.example")]
    public async Task A_hub_request_from_any_origin_but_the_site_is_refused(string origin)
    {
        var server = _factory.StartOnKestrel();
        var presenterCookie = await SignInAsync(server);

        using var response = await NegotiateAsync(server, presenterCookie, origin.Replace("{port}", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_sites_own_pages_reach_the_hub_with_their_origin()
    {
        var server = _factory.StartOnKestrel();
        var presenterCookie = await SignInAsync(server);
        await HoldAQuestionAsync(server, presenterCookie);

        using var negotiate = await NegotiateAsync(server, presenterCookie, Origin(server));
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);

        using var socket = await RawHub.ConnectAsync(server, presenterCookie, Origin(server));
        Assert.Contains(HeldQuestion, await socket.InvokeAsync(nameof(LiveHub.GetModerationQueue), OpenHealthLiveFactory.DefaultCode), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_served_from_the_public_base_url_reach_the_hub_behind_a_proxy()
    {
        // Behind a proxy that does not pass the Host header on, the request's own address is the proxy's upstream,
        // and the phones' pages come from PublicAddress:BaseUrl.
        _factory.Settings["PublicAddress:BaseUrl"] = "https://live.example.org/talks/";
        var server = _factory.StartOnKestrel();
        var presenterCookie = await SignInAsync(server);

        using var socket = await RawHub.ConnectAsync(server, presenterCookie, "https://live.example.org");
        Assert.Contains("\"code\":\"TESTAB\"", await socket.InvokeAsync(nameof(LiveHub.GetModerationQueue), OpenHealthLiveFactory.DefaultCode), StringComparison.Ordinal);

        using var otherPort = await NegotiateAsync(server, presenterCookie, "https://live.example.org:8443");
        Assert.Equal(HttpStatusCode.Forbidden, otherPort.StatusCode);
    }

    [Fact]
    public async Task An_origin_on_the_allow_list_reaches_the_hub()
    {
        _factory.Settings["Security:AllowedOrigins:0"] = "https://slides.example.net";
        _factory.Settings["Security:AllowedOrigins:1"] = "http://192.168.1.20:5000";
        var server = _factory.StartOnKestrel();
        var presenterCookie = await SignInAsync(server);

        using var listed = await NegotiateAsync(server, presenterCookie, "https://slides.example.net");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        using var lan = await NegotiateAsync(server, presenterCookie, "http://192.168.1.20:5000");
        Assert.Equal(HttpStatusCode.OK, lan.StatusCode);
        using var unlisted = await NegotiateAsync(server, presenterCookie, "https://other.example.net");
        Assert.Equal(HttpStatusCode.Forbidden, unlisted.StatusCode);
    }

    [Fact]
    public async Task A_client_that_sends_no_origin_is_not_a_browser_page_and_still_connects()
    {
        var server = _factory.StartOnKestrel();
        var presenterCookie = await SignInAsync(server);

        await using var hub = RealServer.Hub(server, presenterCookie);
        await hub.StartAsync();

        var queue = await hub.InvokeAsync<PresenterQna>(nameof(LiveHub.GetModerationQueue), OpenHealthLiveFactory.DefaultCode);
        Assert.Equal(OpenHealthLiveFactory.DefaultCode, queue.Code);
    }

    [Fact]
    public async Task The_hub_over_server_sent_events_and_long_polling_refuses_another_origin_too()
    {
        var server = _factory.StartOnKestrel();
        var presenterCookie = await SignInAsync(server);

        using var client = RealServer.Client(server);
        foreach (var accept in new[] { "text/event-stream", "*/*" })
        {
            // A fresh connection per transport: a connection keeps the transport of its first request.
            using var negotiate = await NegotiateAsync(server, presenterCookie, origin: null);
            using var body = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync());
            var token = body.RootElement.GetProperty("connectionToken").GetString();

            using var request = new HttpRequestMessage(HttpMethod.Get, $"hubs/live?id={token}");
            request.Headers.Add("Cookie", presenterCookie);
            request.Headers.Add("Origin", "http://evil.example");
            request.Headers.Add("Accept", accept);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_sign_in_form_posted_from_another_origin_is_refused()
    {
        var server = _factory.StartOnKestrel();
        using var client = RealServer.Client(server);
        var (token, antiforgery) = await OpenHealthLiveFactory.GetAntiforgeryAsync(client, "/presenter/sign-in");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/presenter/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Key"] = OpenHealthLiveFactory.PresenterKey, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", antiforgery);
        request.Headers.Add("Origin", $"http://127.0.0.1:{server.Port + 1}");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("ohl.presenter=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_console_form_posted_from_another_origin_with_the_presenter_cookie_is_refused()
    {
        var server = _factory.StartOnKestrel();
        var presenterCookie = await SignInAsync(server);
        using var client = RealServer.Client(server);
        var (token, antiforgery) = await AntiforgeryForConsoleAsync(client, presenterCookie);
        var sessionsBefore = (await _factory.GetService<Core.Sessions.LiveSessionService>().ListAsync(CancellationToken.None)).Count;

        using var foreign = StartSessionRequest(token, $"{presenterCookie}; {antiforgery}", $"http://127.0.0.1:{server.Port + 1}");
        using var refused = await client.SendAsync(foreign);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(sessionsBefore, (await _factory.GetService<Core.Sessions.LiveSessionService>().ListAsync(CancellationToken.None)).Count);

        using var own = StartSessionRequest(token, $"{presenterCookie}; {antiforgery}", Origin(server));
        using var accepted = await client.SendAsync(own);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public void An_allow_list_entry_that_is_not_an_origin_stops_the_app_at_start_up()
    {
        _factory.Settings["Security:AllowedOrigins:0"] = "https://slides.example.net/deck";

        var failure = Assert.ThrowsAny<Exception>(() => _factory.CreatePlainClient());

        Assert.Contains("Security:AllowedOrigins", failure.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();

    private static string Origin(Uri server) => server.GetLeftPart(UriPartial.Authority);

    private static async Task<string> SignInAsync(Uri server)
    {
        using var client = RealServer.Client(server);
        return await OpenHealthLiveFactory.SignInAsync(client);
    }

    private static async Task<HttpResponseMessage> NegotiateAsync(Uri server, string cookie, string? origin)
    {
        using var client = RealServer.Client(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, "hubs/live/negotiate?negotiateVersion=1");
        request.Headers.Add("Cookie", cookie);
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        return await client.SendAsync(request);
    }

    private static async Task HoldAQuestionAsync(Uri server, string presenterCookie)
    {
        await using var presenter = RealServer.Hub(server, presenterCookie);
        await presenter.StartAsync();
        await presenter.InvokeAsync<QnaSettingsChanged>(nameof(LiveHub.SetPreModeration), OpenHealthLiveFactory.DefaultCode, true);

        using var browser = RealServer.Client(server, IPAddress.Parse("127.0.0.5"));
        await using var phone = RealServer.Hub(server, await RealServer.DeviceCookieAsync(browser), IPAddress.Parse("127.0.0.5"));
        await phone.StartAsync();
        var asked = await phone.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), OpenHealthLiveFactory.DefaultCode, Guid.NewGuid().ToString("N"), HeldQuestion, null);
        Assert.Equal("held", asked.Status);
    }

    private static async Task<(string Token, string Cookie)> AntiforgeryForConsoleAsync(HttpClient client, string presenterCookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/presenter");
        request.Headers.Add("Cookie", presenterCookie);
        using var page = await client.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookie = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        return (token, cookie);
    }

    private static HttpRequestMessage StartSessionRequest(string token, string cookies, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/presenter?handler=Start")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["deck"] = "getting-started", ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", cookies);
        request.Headers.Add("Origin", origin);
        return request;
    }
}

/// <summary>
/// The hub's WebSocket spoken by hand, as a page's script would with the browser client and
/// <c>skipNegotiation</c>: no negotiate request (which a browser would block cross-origin), straight to the socket.
/// </summary>
internal sealed class RawHub : IDisposable
{
    private const char RecordSeparator = '\u001e';

    private readonly ClientWebSocket _socket;
    private readonly Queue<string> _records = new();

    private RawHub(ClientWebSocket socket) => _socket = socket;

    public static async Task<RawHub> ConnectAsync(Uri server, string cookie, string origin)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Cookie", cookie);
        socket.Options.SetRequestHeader("Origin", origin);
        var hub = new RawHub(socket);
        try
        {
            await socket.ConnectAsync(new Uri($"ws://{server.Authority}/hubs/live"), CancellationToken.None);
            await hub.SendAsync("{\"protocol\":\"json\",\"version\":1}");
            Assert.Equal("{}", await hub.ReceiveAsync());
            return hub;
        }
        catch
        {
            hub.Dispose();
            throw;
        }
    }

    /// <summary>Invokes a hub method and returns the completion message's JSON.</summary>
    public async Task<string> InvokeAsync(string method, params object[] arguments)
    {
        await SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = "1", target = method, arguments }));
        while (true)
        {
            var message = await ReceiveAsync();
            using var json = JsonDocument.Parse(message);
            if (json.RootElement.GetProperty("type").GetInt32() == 3)
            {
                return message;
            }
        }
    }

    public void Dispose() => _socket.Dispose();

    private async Task SendAsync(string json) =>
        await _socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private async Task<string> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        while (_records.Count == 0)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            if (result.EndOfMessage)
            {
                foreach (var record in text.ToString().Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
                {
                    _records.Enqueue(record);
                }

                text.Clear();
            }
        }

        return _records.Dequeue();
    }
}
