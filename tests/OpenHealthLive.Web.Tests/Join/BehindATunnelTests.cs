using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Join;

/// <summary>
/// docs/hosting.md, "A tunnel": the app listens on the laptop's loopback only (both 127.0.0.1 and ::1, as
/// <c>--urls http://localhost:5000</c> does) and a tunnel agent on the same laptop (cloudflared, ngrok, tailscale
/// funnel, ssh -R) brings the phones' requests from a public https address, adding X-Forwarded-For and
/// X-Forwarded-Proto. The agent here is this test's client: from 127.0.0.1 or ::1 (an agent told "localhost" may
/// take either), keeping the public Host or rewriting it to the local one (some agents do, some can be told to).
/// The settings are the guide's, word for word.
/// </summary>
public sealed class BehindATunnelTests : IDisposable
{
    private const string PublicAddress = "https://talk-ohl.example.net";
    private const string PhoneAddress = "203.0.113.7";

    private readonly OpenHealthLiveFactory _factory = new();

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", false)]
    [InlineData("::1", true)]
    public async Task Through_a_tunnel_agent_on_the_laptop_phones_get_https_links_Secure_cookies_and_the_hub(string agent, bool hostRewritten)
    {
        // docs/hosting.md, "A tunnel", step 2.
        _factory.Settings["PublicAddress:BaseUrl"] = PublicAddress;
        _factory.Settings["Proxy:KnownProxies:0"] = "127.0.0.1";
        // Without this line an agent that reached the app over IPv6 loopback was not trusted: no Secure cookie, and
        // every phone would count as the laptop itself for the per-address limits.
        _factory.Settings["Proxy:KnownProxies:1"] = "::1";
        var port = FreePort();
        _factory.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.Listen(IPAddress.IPv6Loopback, port);
        });
        _factory.StartServer();

        var local = new Uri(IPAddress.Parse(agent).AddressFamily == AddressFamily.InterNetworkV6 ? $"http://[{agent}]:{port}/" : $"http://{agent}:{port}/");
        var host = hostRewritten ? local.Authority : new Uri(PublicAddress).Authority;
        var forwarded = new Dictionary<string, string>
        {
            ["Host"] = host,
            ["X-Forwarded-For"] = PhoneAddress,
            ["X-Forwarded-Proto"] = "https",
        };
        using var tunnel = RealServer.Client(local);

        // The phone's first request: the app knew it came over https, so the device cookie is Secure.
        using var page = await SendAsync(tunnel, $"j/{OpenHealthLiveFactory.DefaultCode}", forwarded);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var device = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ohl.device=", StringComparison.Ordinal));
        Assert.True(device.Contains("secure", StringComparison.OrdinalIgnoreCase), $"Through an agent on {agent} the device cookie is not Secure: {device.Split(';')[0].Split('=')[0]}; {string.Join(';', device.Split(';').Skip(1))}");

        // The QR code carries the tunnel's public address, not the laptop's loopback one.
        using var qr = await SendAsync(tunnel, $"j/{OpenHealthLiveFactory.DefaultCode}/qr.png", forwarded);
        Assert.Equal($"{PublicAddress.ToUpperInvariant()}/J/{OpenHealthLiveFactory.DefaultCode}", QrCodeTests.Decode(await qr.Content.ReadAsByteArrayAsync()));

        // The page's WebSocket through the tunnel: its Origin is the public address, and the phone joins the talk.
        await using var phone = RealServer.Hub(local, device.Split(';')[0], headers: new Dictionary<string, string>(forwarded) { ["Origin"] = PublicAddress });
        await phone.StartAsync(CancellationToken.None);
        var state = await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), OpenHealthLiveFactory.DefaultCode, CancellationToken.None);
        Assert.Equal(OpenHealthLiveFactory.DefaultCode, state.Code);
    }

    public void Dispose() => _factory.Dispose();

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, Dictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        foreach (var (name, value) in headers)
        {
            if (name == "Host")
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.Add(name, value);
            }
        }

        return await client.SendAsync(request, CancellationToken.None);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
