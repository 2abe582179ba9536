using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Presenter;

[Collection(LiveAppCollectionDefinition.Name)]
public sealed class ProjectorTests(LiveAppFixture app, BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private AppServer Server => app.Server;

    [Fact]
    public Task The_projector_follows_the_presenter_and_Q_toggles_the_join_QR_code() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        var projector = await presenter.OpenProjectorAsync();
        await projector.ExpectSlideAsync(1);

        await presenter.NextAsync();
        await projector.ExpectSlideAsync(2);
        await presenter.NextAsync();
        await projector.ExpectSlideAsync(3);

        // The projector window often has the focus: its arrow keys drive the talk too.
        await projector.PressAsync("ArrowLeft");
        await projector.ExpectSlideAsync(2);
        await presenter.ExpectSlideAsync(2);

        await Expect(projector.QrOverlay).ToBeHiddenAsync();
        await projector.PressAsync("q");
        await Expect(projector.QrOverlay).ToBeVisibleAsync();
        var joinUrl = Server.Url($"j/{code}");
        await Expect(projector.QrCode).ToBeVisibleAsync();
        await Expect(projector.QrCode).ToHaveAttributeAsync("alt", $"QR code for {joinUrl}");
        Assert.True(await projector.QrCode.EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth > 0, () => false)"), "The QR image did not load.");
        await Expect(projector.QrOverlay).ToContainTextAsync(joinUrl.ToString());

        await projector.PressAsync("Q");
        await Expect(projector.QrOverlay).ToBeHiddenAsync();

        // The slide under the overlay went on following.
        await presenter.NextAsync();
        await projector.ExpectSlideAsync(3);
    });
}
