using System.Net;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Security;

/// <summary>
/// An attendee sends X-Forwarded-* headers of their own, to be "someone else" to the server: to dodge the limits
/// on their own address, or to use up the limits of the presenter's.
/// </summary>
public sealed class ForwardedHeadersAttackTests : IDisposable
{
    private static readonly IPAddress Attacker = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress Presenter = IPAddress.Parse("127.0.0.3");

    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task Wrong_keys_from_one_client_are_throttled_whatever_X_Forwarded_For_it_claims()
    {
        var server = _factory.StartOnKestrel();
        using var attacker = new Browser(RealServer.Client(server, Attacker));

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 10 && !statuses.Contains(HttpStatusCode.TooManyRequests); i++)
        {
            using var response = await attacker.SignInAsync($"guess-{i}", ForwardedFor($"203.0.113.{i}"));
            statuses.Add(response.StatusCode);
        }

        Assert.True(statuses.Contains(HttpStatusCode.TooManyRequests), $"Ten wrong keys, each 'for' another address, were all checked: {string.Join(", ", statuses)}.");
    }

    [Fact]
    public async Task An_attendee_cannot_use_up_the_presenters_address_by_claiming_it_in_X_Forwarded_For()
    {
        var server = _factory.StartOnKestrel();
        using var attacker = new Browser(RealServer.Client(server, Attacker));
        for (var i = 1; i <= 10; i++)
        {
            using var _ = await attacker.SignInAsync($"guess-{i}", ForwardedFor(Presenter.ToString()));
        }

        // The presenter, on a device that has never signed in, at the address the attacker claimed.
        using var presenter = new Browser(RealServer.Client(server, Presenter));
        using var signIn = await presenter.SignInAsync(OpenHealthLiveFactory.PresenterKey);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task A_forwarded_scheme_from_an_untrusted_client_does_not_make_its_cookies_https_only()
    {
        var server = _factory.StartOnKestrel();
        using var attacker = new Browser(RealServer.Client(server, Attacker));
        using var page = await attacker.GetAsync($"/j/{OpenHealthLiveFactory.DefaultCode}", new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" });

        var device = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ohl.device=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", device, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Forwarded_headers_are_used_only_from_the_configured_proxies_and_networks()
    {
        _factory.Settings["Proxy:KnownProxies:0"] = "127.0.0.4";
        _factory.Settings["Proxy:KnownNetworks:0"] = "127.0.1.0/24";
        _factory.Settings["Presenter:SignInFailuresPerMinute"] = "1000";
        var server = _factory.StartOnKestrel();

        // A neighbour of the proxy (inside the middleware's default loopback network, but not configured) is not trusted.
        using (var neighbour = new Browser(RealServer.Client(server, Attacker)))
        {
            Assert.Contains(HttpStatusCode.TooManyRequests, await GuessAsync(neighbour, 6, i => $"203.0.113.{i}"));
        }

        // Through the configured proxy, each phone's address is its own: one that used up its attempts is
        // throttled, the next one is not.
        using (var proxy = new Browser(RealServer.Client(server, IPAddress.Parse("127.0.0.4"))))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, (await GuessAsync(proxy, 6, _ => "198.51.100.1"))[^1]);
            Assert.Equal([HttpStatusCode.Unauthorized], await GuessAsync(proxy, 1, _ => "198.51.100.2"));
        }

        // So through a proxy inside a configured network.
        using (var proxy = new Browser(RealServer.Client(server, IPAddress.Parse("127.0.1.7"))))
        {
            Assert.DoesNotContain(HttpStatusCode.TooManyRequests, await GuessAsync(proxy, 6, i => $"198.51.100.{10 + i}"));
        }
    }

    [Theory]
    [InlineData("Proxy:KnownProxies:0", "nginx.local", "Proxy:KnownProxies has 'nginx.local'")]
    [InlineData("Proxy:KnownNetworks:0", "10.0.0.0/33", "Proxy:KnownNetworks has '10.0.0.0/33'")]
    public void A_proxy_setting_that_is_not_an_address_or_a_network_stops_the_start_with_its_name(string setting, string value, string message)
    {
        _factory.Settings[setting] = value;
        var error = Assert.ThrowsAny<Exception>(() => _factory.CreatePlainClient());
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();

    private static Dictionary<string, string> ForwardedFor(string address) => new() { ["X-Forwarded-For"] = address };

    private static async Task<List<HttpStatusCode>> GuessAsync(Browser browser, int count, Func<int, string> forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= count; i++)
        {
            using var response = await browser.SignInAsync($"guess-{i}", ForwardedFor(forwardedFor(i)));
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
