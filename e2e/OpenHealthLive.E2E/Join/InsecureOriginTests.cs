using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;

namespace OpenHealthLive.E2E.Join;

[Collection(LiveAppCollectionDefinition.Name)]
public sealed class InsecureOriginTests(LiveAppFixture app, InsecureOriginBrowserFixture browser) : BrowserTest(browser), IClassFixture<InsecureOriginBrowserFixture>
{
    private AppServer Server => app.Server;

    [Fact]
    public Task A_phone_on_plain_HTTP_outside_loopback_follows_the_talk() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        await presenter.FirstAsync();
        await presenter.ExpectSlideAsync(1);

        var lan = new Uri($"http://{InsecureOriginBrowserFixture.Host}:{Server.Port}/");
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(lan), AppServer.DefaultSessionCode);
        Assert.False(await phone.Page.EvaluateAsync<bool>("window.isSecureContext"), "http://live.test should not be a secure context");
        // What a real phone on a venue LAN lacks, so the page must not need it.
        Assert.True(await phone.Page.EvaluateAsync<bool>("typeof crypto.randomUUID === 'undefined' && !('serviceWorker' in navigator)"));
        await phone.ExpectSlideAsync(1);

        await presenter.NextAsync();
        await phone.ExpectSlideAsync(2);
    });
}
