using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Https;

/// <summary>
/// docs/hosting.md, "Hosted": the app on plain HTTP behind Caddy, which holds the certificate, with the settings of
/// compose.caddy.yaml (Caddy's address as the one trusted proxy, the public address as <c>PublicAddress:BaseUrl</c>).
/// Here Caddy is on the same machine, so its address is 127.0.0.1 rather than the compose network's 172.31.0.10.
/// </summary>
[Collection(nameof(BehindCaddyTests))]
public sealed class BehindCaddyTests(HttpsBrowserFixture browser) : BrowserTest(browser), IClassFixture<HttpsBrowserFixture>
{
    private static readonly string[] StreamingTransports = ["sse", "longpolling"];

    [CaddyFact]
    public Task Behind_Caddy_phones_get_a_secure_page_an_https_QR_code_and_the_hub_on_every_transport() => RunAsync(async devices =>
    {
        await using var caddy = new CaddyServer();
        await using var server = await AppServer.StartNewAsync(new Dictionary<string, string?>
        {
            ["PublicAddress:BaseUrl"] = caddy.BaseUrl.ToString(),
            ["Proxy:KnownProxies:0"] = "127.0.0.1",
        });
        await caddy.StartAsync(server.BaseUrl);

        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(caddy.BaseUrl));
        var joinUrl = $"https://{TestCertificate.Host}:{caddy.Port}/j/{AppServer.DefaultSessionCode}";
        await Expect(presenter.Page.Locator(".join-url")).ToHaveTextAsync(joinUrl);
        Assert.Equal(joinUrl.ToUpperInvariant(), await QrCode.ReadAsync(presenter.JoinQrCode));

        var page = await devices.NewPhoneAsync(caddy.BaseUrl);
        var phone = await AudiencePage.OpenAsync(page, AppServer.DefaultSessionCode);
        Assert.True(await page.EvaluateAsync<bool>("window.isSecureContext"), "The audience page behind Caddy is not a secure context.");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-offline", "ready");

        // The app saw https (X-Forwarded-Proto from the trusted proxy): the device cookie is Secure.
        var cookies = await page.Context.CookiesAsync();
        Assert.True(cookies.Single(c => c.Name == "ohl.device").Secure, "The device cookie is not Secure: the app did not see that the phone came over https.");

        // Server-Sent Events and long polling too (for networks that break WebSockets): Caddy must not buffer them.
        var phones = new List<AudiencePage> { phone };
        foreach (var transport in StreamingTransports)
        {
            var other = await devices.NewPhoneAsync(caddy.BaseUrl, transport);
            await other.GotoAsync($"/j/{AppServer.DefaultSessionCode}?transport={transport}");
            var audience = new AudiencePage(other);
            await audience.ExpectLiveAsync();
            phones.Add(audience);
        }

        // The hub accepts the pages' https origin through Caddy: every phone follows the talk.
        await presenter.NextAsync();
        foreach (var each in phones)
        {
            await each.ExpectSlideAsync(2);
        }
    });
}

/// <summary>A test that needs Debian's caddy (`.ci/run` installs it); skipped where it is not installed, saying why.</summary>
public sealed class CaddyFactAttribute : FactAttribute
{
    public CaddyFactAttribute()
    {
        if (!CaddyServer.IsInstalled)
        {
            Skip = "Needs caddy (apt-get install caddy), as .ci/run installs it.";
        }
    }
}
