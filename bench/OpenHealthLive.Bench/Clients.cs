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

    /// <summary>A phone: opens the audience page (which gives it a device cookie), then connects to the hub.</summary>
    public static Task<HubConnection> PhoneAsync(Uri baseAddress, string code, bool reconnect = false) =>
        PhoneAsync(baseAddress, code, reconnect ? PhoneStyle.Lean with { Reconnect = true } : PhoneStyle.Lean);

    /// <summary>A phone that connects in the given <paramref name="style"/>; handlers are attached before it starts.</summary>
    public static async Task<HubConnection> PhoneAsync(Uri baseAddress, string code, PhoneStyle style, Action<HubConnection>? beforeStart = null)
    {
        var cookie = await DeviceCookieAsync(baseAddress, code);
        return await ConnectAsync(baseAddress, cookie, style, beforeStart);
    }

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
        return (await ConnectAsync(baseAddress, cookie, PhoneStyle.Lean), cookie);
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

    private static async Task<HubConnection> ConnectAsync(Uri baseAddress, string cookie, PhoneStyle style, Action<HubConnection>? beforeStart = null)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "hubs/live"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = !style.Negotiate;
                options.Headers["Cookie"] = cookie;
            });
        if (style.Reconnect)
        {
            // The audience page's policy while on screen (wwwroot/js/live-connection.js): 0.5, 1, 2 s, then 3 s, ±25 % jitter, for ever.
            builder.WithAutomaticReconnect(new PageLikeRetryPolicy());
        }

        if (style.StatefulReconnect)
        {
            builder.WithStatefulReconnect();
        }

        var connection = builder.Build();
        // Longer than the page's 30 s: a harness core busy with thousands of phones must not make them drop by itself.
        connection.ServerTimeout = TimeSpan.FromSeconds(120);
        beforeStart?.Invoke(connection);
        await connection.StartAsync();
        return connection;
    }

    private sealed class PageLikeRetryPolicy : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext)
        {
            var attempt = retryContext.PreviousRetryCount;
            var baseMs = attempt < 3 ? 500 * Math.Pow(2, attempt) : 3_000;
            return TimeSpan.FromMilliseconds(baseMs * (0.75 + (Random.Shared.NextDouble() * 0.5)));
        }
    }

    /// <summary>How a phone connects.</summary>
    /// <param name="Negotiate">POST /negotiate first, as the page does (else straight to the WebSocket).</param>
    /// <param name="StatefulReconnect">Stateful reconnect on, as the page has it (the server then buffers and acknowledges messages).</param>
    /// <param name="Reconnect">Reconnect for ever with the page's backoff.</param>
    public sealed record PhoneStyle(bool Negotiate, bool StatefulReconnect, bool Reconnect)
    {
        /// <summary>The older scenarios' phones: straight to the WebSocket, no stateful reconnect.</summary>
        public static PhoneStyle Lean { get; } = new(false, false, false);

        /// <summary>As wwwroot/js/live-connection.js connects: negotiate, WebSocket, stateful reconnect, reconnect for ever.</summary>
        public static PhoneStyle Page { get; } = new(true, true, true);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
