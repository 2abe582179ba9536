using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Live;

/// <summary>A server of its own, since it is stopped in the middle; its own collection, so it runs beside the others.</summary>
[Collection(nameof(ServerRestartTests))]
public sealed class ServerRestartTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    // Reconnect attempts back off up to about 12.5 s (10 s with jitter), so one may be just missed.
    private const float ReconnectTimeoutMs = 40_000;

    [Fact]
    public Task Phones_reconnect_without_a_reload_after_a_restart_and_keep_following() => RunAsync(async devices =>
    {
        await using var server = await AppServer.StartNewAsync();
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl));
        await presenter.NextAsync();
        await presenter.ExpectSlideAsync(2);
        await presenter.NextAsync();
        await presenter.ExpectSlideAsync(3);

        AudiencePage[] phones =
        [
            await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl), AppServer.DefaultSessionCode),
            await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl), AppServer.DefaultSessionCode),
        ];
        foreach (var phone in phones)
        {
            await phone.ExpectSlideAsync(3);
            // Gone if the page reloads: proves the phone recovered by itself, in the same page.
            await phone.Page.EvaluateAsync("window.__e2eBeforeRestart = true");
        }

        await server.StopAsync();
        foreach (var phone in phones)
        {
            await Expect(phone.ConnectionStatus).ToHaveTextAsync("Reconnecting…");
            await phone.ExpectSlideAsync(3);
        }

        await server.StartAsync();
        foreach (var phone in phones)
        {
            await phone.ExpectLiveAsync(ReconnectTimeoutMs);
            Assert.True(await phone.Page.EvaluateAsync<bool>("window.__e2eBeforeRestart === true"), "The phone reloaded the page.");
            await phone.ExpectSlideAsync(3);
        }

        await presenter.ExpectLiveAsync(ReconnectTimeoutMs);
        await presenter.NextAsync();
        await presenter.ExpectSlideAsync(4);
        foreach (var phone in phones)
        {
            await phone.ExpectSlideAsync(4);
        }
    });
}
