using System.Text.RegularExpressions;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Https;

/// <summary>
/// The app on Kestrel with a certificate (the one-laptop set-up of docs/hosting.md), opened as
/// <c>https://live.test:{port}</c> by a browser that trusts the certificate: what a phone gets on a site with a
/// real certificate. A server of its own per test.
/// </summary>
[Collection(nameof(HttpsTests))]
public sealed class HttpsTests(HttpsBrowserFixture browser) : BrowserTest(browser), IClassFixture<HttpsBrowserFixture>
{
    [Fact]
    public Task Over_https_the_audience_page_is_a_secure_context_its_service_worker_registers_and_the_QR_code_carries_the_https_address() => RunAsync(async devices =>
    {
        await using var server = await AppServer.StartNewAsync(certificate: TestCertificate.Certificate);
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl));
        var joinUrl = $"https://{TestCertificate.Host}:{server.Port}/j/{AppServer.DefaultSessionCode}";
        await Expect(presenter.Page.Locator(".join-url")).ToHaveTextAsync(joinUrl);
        Assert.Equal(joinUrl.ToUpperInvariant(), await QrCode.ReadAsync(presenter.JoinQrCode));

        var page = await devices.NewPhoneAsync(server.BaseUrl);
        var phone = await AudiencePage.OpenAsync(page, AppServer.DefaultSessionCode);
        Assert.True(await page.EvaluateAsync<bool>("window.isSecureContext"), "The audience page over HTTPS is not a secure context.");
        Assert.Equal(new Uri(server.BaseUrl, "sw.js").ToString(), await page.EvaluateAsync<string>("navigator.serviceWorker.ready.then(r => r.active.scriptURL)"));

        // The hub over wss:// accepts the page's https origin: the phone follows the talk.
        await presenter.NextAsync();
        await phone.ExpectSlideAsync(2);
    });

    [Fact]
    public Task A_phone_that_loaded_the_page_once_over_https_reloads_it_offline() => RunAsync(async devices =>
    {
        await using var server = await AppServer.StartNewAsync(certificate: TestCertificate.Certificate);
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl));
        await presenter.NextAsync();
        await presenter.ExpectSlideAsync(2);

        // One visit, as a phone that scanned the QR code once: no second load while online.
        var page = await devices.NewPhoneAsync(server.BaseUrl);
        var phone = await AudiencePage.OpenAsync(page, AppServer.DefaultSessionCode);
        await phone.ExpectSlideAsync(2);
        // The page says when it would open offline (the worker has kept it); until then a reload offline could fail.
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-offline", "ready");

        // The wifi drops, and the phone reloads the page (or the browser discards the tab and reloads it).
        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await phone.ExpectSlideAsync(2);
        await Expect(phone.ConnectionStatus).ToHaveTextAsync(new Regex("Offline|Reconnecting…|Connecting…"));
        await Expect(page.Locator("#offline-note")).ToBeVisibleAsync();

        // Back online, it is live again and follows the talk.
        await page.Context.SetOfflineAsync(false);
        await phone.ExpectLiveAsync(40_000);
        await presenter.NextAsync();
        await phone.ExpectSlideAsync(3);
    });
}
