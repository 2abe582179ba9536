using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace OpenHealthLive.Bench;

/// <summary>Phones and the presenter, as the real pages are: cookies from the real pages, then the hub.</summary>
internal static partial class Clients
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>
    /// A phone: opens the audience page (which gives it a device cookie), then connects straight to the hub's WebSocket;
    /// with <paramref name="reconnect"/> it reconnects for ever with the page's backoff.
    /// </summary>
    public static async Task<HubConnection> PhoneAsync(Uri baseAddress, string code, bool reconnect = false) =>
        await ConnectAsync(baseAddress, await DeviceCookieAsync(baseAddress, code), reconnect);

    /// <summary>Opens the audience page as a phone does and returns the device cookie it sets (<c>name=value</c>).</summary>
    public static async Task<string> DeviceCookieAsync(Uri baseAddress, string code)
    {
        using var page = await Http.GetAsync(new Uri(baseAddress, $"j/{code}"));
        page.EnsureSuccessStatusCode();
        return page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ohl.device=", StringComparison.Ordinal)).Split(';')[0];
    }

    /// <summary>The hub's negotiate, as the page's client sends it (stateful reconnect asked for); returns the connection token.</summary>
    public static async Task<string> NegotiateAsync(Uri baseAddress, string cookie, bool statefulReconnect, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "hubs/live/negotiate?negotiateVersion=1" + (statefulReconnect ? "&useStatefulReconnect=true" : string.Empty)));
        request.Headers.Add("Cookie", cookie);
        using var response = await Http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return body.RootElement.GetProperty("connectionToken").GetString()!;
    }

    /// <summary>A presenter device signed in through the real form.</summary>
    public static async Task<(HubConnection Connection, string Cookie)> PresenterAsync(Uri baseAddress, string key)
    {
        var cookie = await SignInAsync(baseAddress, key);
        return (await ConnectAsync(baseAddress, cookie, reconnect: false), cookie);
    }

    public static async Task<string> SignInAsync(Uri baseAddress, string key)
    {
        using var form = await Http.GetAsync(new Uri(baseAddress, "presenter/sign-in"));
        var html = await form.Content.ReadAsStringAsync();
        var token = Token().Match(html).Groups[1].Value;
        var antiforgery = form.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "presenter/sign-in"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Key"] = key, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", antiforgery);
        using var response = await Http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed: {response.StatusCode}");
        }

        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ohl.presenter=", StringComparison.Ordinal)).Split(';')[0];
    }

    public static async Task<string> GetAsync(Uri baseAddress, string path, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, path));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The page's delay before reconnect attempt <paramref name="attempt"/> while on screen (wwwroot/js/live-connection.js): 0.5, 1, 2 s, then 3 s, ±25 % jitter.</summary>
    public static TimeSpan PageRetryDelay(int attempt)
    {
        var baseMs = attempt < RampAttempts ? 500 * Math.Pow(2, attempt) : SteadyRetryMs;
        return TimeSpan.FromMilliseconds(baseMs * (0.75 + (Random.Shared.NextDouble() * 0.5)));
    }

    /// <summary>The page's steady retry period once the ramp is over (<c>--retry-every-ms</c>, to measure another schedule before the page takes it).</summary>
    public static int SteadyRetryMs { get; set; } = 3_000;

    /// <summary>How many doubling attempts (0.5, 1, 2 s…) come before the steady period (<c>--retry-ramp</c>).</summary>
    public static int RampAttempts { get; set; } = 3;

    /// <summary>What a phone meets when the server is away, refuses it or is too slow: counted as a failed connection, not a crash.</summary>
    public static bool IsConnectFailure(Exception exception) =>
        exception is HttpRequestException or IOException or InvalidOperationException or System.Net.WebSockets.WebSocketException or TaskCanceledException or TimeoutException;

    private static async Task<HubConnection> ConnectAsync(Uri baseAddress, string cookie, bool reconnect)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "hubs/live"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.Headers["Cookie"] = cookie;
            });
        if (reconnect)
        {
            builder.WithAutomaticReconnect(new PageLikeRetryPolicy());
        }

        var connection = builder.Build();
        // Longer than the page's 30 s: a harness core busy with thousands of phones must not make them drop by itself.
        connection.ServerTimeout = TimeSpan.FromSeconds(120);
        await connection.StartAsync();
        return connection;
    }

    private sealed class PageLikeRetryPolicy : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) => PageRetryDelay((int)retryContext.PreviousRetryCount);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
