using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Presenter;

[Collection(LiveAppCollectionDefinition.Name)]
public sealed class OverviewTests(LiveAppFixture app, BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private AppServer Server => app.Server;

    [Fact]
    public Task O_a_word_and_Enter_jump_to_the_slide_that_holds_it_and_phones_follow() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(TalkDeck.Slug);
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl), code);
        await phone.ExpectTalkSlideAsync(TalkDeck.Title);

        await presenter.Page.Keyboard.PressAsync("o");
        await Expect(presenter.Overview).ToBeVisibleAsync();
        await Expect(presenter.OverviewSearch).ToBeFocusedAsync();
        await Expect(presenter.OverviewSlides).ToHaveCountAsync(TalkDeck.SlideCount);

        // Words that no slide holds together leave nothing, and say so.
        await presenter.Page.Keyboard.TypeAsync("WebRTC fetal");
        await Expect(presenter.OverviewSlides).ToHaveCountAsync(0);
        await Expect(presenter.Overview).ToContainTextAsync("No slide holds all of these words.");

        await presenter.OverviewSearch.ClearAsync();
        await presenter.Page.Keyboard.TypeAsync("WebRTC");
        await Expect(presenter.OverviewSlides).ToHaveCountAsync(1);
        await Expect(presenter.OverviewSlides).ToContainTextAsync(TalkDeck.Heading(TalkDeck.ReadyUnderTheHood));
        await presenter.Page.Keyboard.PressAsync("Enter");

        await Expect(presenter.Overview).ToBeHiddenAsync();
        await presenter.ExpectTalkSlideAsync(TalkDeck.ReadyUnderTheHood);
        await phone.ExpectTalkSlideAsync(TalkDeck.ReadyUnderTheHood);
    });
}
