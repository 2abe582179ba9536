using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Presenter;

/// <summary>The console driven as a speaker does on stage: the mouse now and then, the clicker all the time.</summary>
[Collection(LiveAppCollectionDefinition.Name)]
public sealed class StageKeysTests(LiveAppFixture app, BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private AppServer Server => app.Server;

    [Fact]
    public Task After_ticking_Review_every_question_the_clicker_keys_still_drive_the_talk() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        await presenter.ExpectSlideAsync(1);

        var review = presenter.Page.GetByRole(AriaRole.Switch, new() { Name = "Review every question before it is shown" });
        await review.ClickAsync();
        await Expect(review).ToBeCheckedAsync();
        await Expect(review).ToBeFocusedAsync();

        // What clickers send, pressed with the focus still on the switch.
        await presenter.Page.Keyboard.PressAsync("ArrowRight");
        await presenter.ExpectSlideAsync(2);
        await presenter.Page.Keyboard.PressAsync("PageDown");
        await presenter.ExpectSlideAsync(3);
        await presenter.Page.Keyboard.PressAsync("Space");
        await presenter.ExpectSlideAsync(4);
        await presenter.Page.Keyboard.PressAsync("PageUp");
        await presenter.ExpectSlideAsync(3);
        await presenter.Page.Keyboard.PressAsync("ArrowLeft");
        await presenter.ExpectSlideAsync(2);

        // Space moved the talk and did not untick the switch on its way (questions would then reach the room unreviewed).
        await Expect(review).ToBeCheckedAsync();
        await presenter.Page.ReloadAsync();
        await presenter.ExpectLiveAsync();
        await Expect(review).ToBeCheckedAsync();
    });

    [Fact]
    public Task Space_on_a_button_the_mouse_left_focused_moves_the_talk_and_does_not_press_the_button() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        var timer = presenter.Page.Locator("#timer-toggle");
        await timer.ClickAsync();
        await Expect(timer).ToHaveTextAsync("Pause timer");
        await Expect(timer).ToBeFocusedAsync();

        await presenter.Page.Keyboard.PressAsync("Space");
        await presenter.ExpectSlideAsync(2);
        await presenter.Page.Keyboard.PressAsync("ArrowRight");
        await presenter.ExpectSlideAsync(3);

        // One more step proves every earlier press has been handled; the timer was never paused by them.
        await presenter.Page.Keyboard.PressAsync("PageDown");
        await presenter.ExpectSlideAsync(4);
        await Expect(timer).ToHaveTextAsync("Pause timer");
        await Expect(presenter.Page.Locator("#speaker-bar")).ToHaveAttributeAsync("data-running", "true");

        // Enter still presses the focused button, for whoever works the console from the keyboard.
        await presenter.Page.Keyboard.PressAsync("Enter");
        await Expect(timer).ToHaveTextAsync("Resume timer");
        await presenter.ExpectSlideAsync(4);
    });

    [Fact]
    public Task Keys_typed_in_a_text_field_stay_there_and_do_not_move_the_talk() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        await presenter.Page.Keyboard.PressAsync("o");
        await Expect(presenter.OverviewSearch).ToBeFocusedAsync();
        await presenter.Page.Keyboard.TypeAsync("drive the");
        await presenter.Page.Keyboard.PressAsync("ArrowLeft");
        await presenter.Page.Keyboard.PressAsync("ArrowRight");
        await presenter.Page.Keyboard.PressAsync("Space");
        await presenter.Page.Keyboard.TypeAsync("talk");
        await Expect(presenter.OverviewSearch).ToHaveValueAsync("drive the talk");
        await presenter.Page.Keyboard.PressAsync("Enter");
        await Expect(presenter.Overview).ToBeHiddenAsync();
        await presenter.ExpectSlideAsync(4);
    });

    [Fact]
    public Task The_first_Esc_closes_the_overview_and_the_keys_drive_the_talk_again() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        await presenter.StartSessionAsync(GettingStartedDeck.Slug);

        // Opened by its key, as a speaker does, and by the button.
        await presenter.Page.Keyboard.PressAsync("o");
        await Expect(presenter.Overview).ToBeVisibleAsync();
        await presenter.Page.Keyboard.PressAsync("Escape");
        await Expect(presenter.Overview).ToBeHiddenAsync();
        await presenter.NextAsync();
        await presenter.ExpectSlideAsync(2);

        await presenter.Page.GetByRole(AriaRole.Button, new() { Name = "Overview", Exact = true }).ClickAsync();
        await Expect(presenter.Overview).ToBeVisibleAsync();
        await presenter.Page.Keyboard.TypeAsync("markdown");
        await presenter.Page.Keyboard.PressAsync("Escape");
        await Expect(presenter.Overview).ToBeHiddenAsync();
        await presenter.NextAsync();
        await presenter.ExpectSlideAsync(3);
    });
}
