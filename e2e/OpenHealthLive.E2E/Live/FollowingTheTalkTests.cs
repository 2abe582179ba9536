using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Live;

[Collection(LiveAppCollectionDefinition.Name)]
public sealed class FollowingTheTalkTests(LiveAppFixture app, BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private AppServer Server => app.Server;

    [Fact]
    public Task Phones_follow_the_presenter_and_a_late_phone_lands_on_the_current_slide() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        var first = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl), code);
        var second = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl), code);
        await first.ExpectSlideAsync(1);
        await second.ExpectSlideAsync(1);

        await presenter.NextAsync();
        await presenter.ExpectSlideAsync(2);
        await first.ExpectSlideAsync(2);
        await second.ExpectSlideAsync(2);

        await presenter.NextAsync();
        await presenter.ExpectSlideAsync(3);
        await first.ExpectSlideAsync(3);
        await second.ExpectSlideAsync(3);

        var late = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl), code);
        await late.ExpectSlideAsync(3);

        await presenter.PreviousAsync();
        await presenter.ExpectSlideAsync(2);
        await first.ExpectSlideAsync(2);
        await second.ExpectSlideAsync(2);
        await late.ExpectSlideAsync(2);
    });

    [Fact]
    public Task A_phone_looks_back_at_slides_already_shown_and_returns_to_live() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl), code);
        await presenter.NextAsync();
        await phone.ExpectSlideAsync(2);
        await presenter.NextAsync();
        await phone.ExpectSlideAsync(3);

        // Following live on the furthest slide shown: nothing ahead to go to, nothing to return to.
        await Expect(phone.NextButton).ToBeDisabledAsync();
        await Expect(phone.BackToLiveButton).ToBeHiddenAsync();

        await phone.PreviousButton.ClickAsync();
        await phone.ExpectSlideAsync(2);
        await Expect(phone.BackToLiveButton).ToBeVisibleAsync();
        await phone.PreviousButton.ClickAsync();
        await phone.ExpectSlideAsync(1);
        await Expect(phone.PreviousButton).ToBeDisabledAsync();

        // The talk goes on while the phone looks back: it stays where the person is reading.
        await presenter.NextAsync();
        await presenter.ExpectSlideAsync(4);
        await phone.ExpectSlideAsync(1);

        await phone.BackToLiveButton.ClickAsync();
        await phone.ExpectSlideAsync(4);
        await Expect(phone.BackToLiveButton).ToBeHiddenAsync();
        await Expect(phone.NextButton).ToBeDisabledAsync();

        // A phone that joins now never saw slides 1 to 3 live; it fetches them when it looks back.
        var late = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl), code);
        await late.ExpectSlideAsync(4);
        for (var slide = 3; slide >= 1; slide--)
        {
            await late.PreviousButton.ClickAsync();
            await late.ExpectSlideAsync(slide);
        }

        // After the presenter goes back to the start, phones may look ahead only as far as slides shown.
        await presenter.FirstAsync();
        await phone.ExpectSlideAsync(1);
        for (var slide = 2; slide <= 4; slide++)
        {
            await phone.NextButton.ClickAsync();
            await phone.ExpectSlideAsync(slide);
        }

        await Expect(phone.NextButton).ToBeDisabledAsync();
        await phone.Page.Keyboard.PressAsync("ArrowRight");
        await phone.ExpectSlideAsync(4);

        // The server agrees: a slide not yet shown is refused, not merely hidden by the page.
        var ahead = await phone.Page.APIRequest.GetAsync($"/api/sessions/{code}/slides/4");
        Assert.Equal(403, ahead.Status);
    });

    [Fact]
    public Task After_a_jump_to_the_end_and_back_a_phone_looks_back_at_the_two_slides_shown_and_nothing_in_between() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl), code);
        await presenter.Page.Keyboard.PressAsync("End");
        await phone.ExpectSlideAsync(GettingStartedDeck.SlideCount);
        await presenter.FirstAsync();
        await phone.ExpectSlideAsync(1);

        // Ahead of live there is exactly one slide shown: the last. Swipe, button and arrow key all go straight to it.
        await phone.NextButton.ClickAsync();
        await phone.ExpectSlideAsync(GettingStartedDeck.SlideCount);
        await Expect(phone.NextButton).ToBeDisabledAsync();
        await phone.Page.Keyboard.PressAsync("ArrowLeft");
        await phone.ExpectSlideAsync(1);

        // A phone that joins now gets the same two slides, and the server refuses the skipped ones.
        var late = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl), code);
        await late.NextButton.ClickAsync();
        await late.ExpectSlideAsync(GettingStartedDeck.SlideCount);
        for (var skipped = 1; skipped < GettingStartedDeck.SlideCount - 1; skipped++)
        {
            var response = await late.Page.APIRequest.GetAsync($"/api/sessions/{code}/slides/{skipped}");
            Assert.Equal(403, response.Status);
        }
    });
}
