using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Presenter;

/// <summary>
/// The speaker console with a server of its own (its clock is moved forward in one test), in its own
/// collection so it runs beside the others.
/// </summary>
[Collection(nameof(SpeakerConsoleTests))]
public sealed partial class SpeakerConsoleTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Two_presenter_devices_drive_the_talk_together_and_every_view_agrees() => RunAsync(async devices =>
    {
        await using var server = await AppServer.StartNewAsync();
        var laptop = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl, "laptop"));
        var remotePage = await devices.NewPhoneAsync(server.BaseUrl, "remote");
        await PresenterPage.SignInAsync(remotePage);
        await remotePage.GotoAsync($"/presenter/{AppServer.DefaultSessionCode}/remote");
        await Expect(remotePage.Locator("#live-status")).ToHaveTextAsync("Live");
        var phones = new List<AudiencePage>();
        for (var i = 0; i < 3; i++)
        {
            phones.Add(await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl), AppServer.DefaultSessionCode));
        }

        await laptop.NextAsync();
        await remotePage.GetByRole(AriaRole.Button, new() { Name = "Next →" }).ClickAsync();
        await laptop.NextAsync();
        await remotePage.GetByRole(AriaRole.Button, new() { Name = "← Back" }).ClickAsync();

        // Four clicks from two devices: +1 +1 +1 -1 = slide 3 everywhere, and nobody was moved back past it.
        await laptop.ExpectSlideAsync(3);
        await Expect(remotePage.Locator("#remote-position")).ToHaveTextAsync(new Regex("^Slide 3 of "));
        foreach (var phone in phones)
        {
            await phone.ExpectSlideAsync(3);
        }

        // The timer is shared: started on the remote, running on the laptop.
        await remotePage.GetByRole(AriaRole.Button, new() { Name = "Start timer" }).ClickAsync();
        await Expect(laptop.Page.GetByRole(AriaRole.Button, new() { Name = "Pause timer" })).ToBeVisibleAsync();
        await Expect(laptop.Page.Locator("#speaker-bar")).ToHaveAttributeAsync("data-running", "true");
    });

    [Fact]
    public Task The_console_counts_the_phones_on_the_current_slide_and_an_offline_phone_is_not_counted() => RunAsync(async devices =>
    {
        await using var server = await AppServer.StartNewAsync();
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl));
        var phones = new List<AudiencePage>();
        for (var i = 0; i < 3; i++)
        {
            phones.Add(await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl), AppServer.DefaultSessionCode));
        }

        var delivery = presenter.Page.Locator("#delivery");
        await presenter.NextAsync();
        await Expect(delivery).ToHaveTextAsync(new Regex(@"^3 of 3 phones on slide 2 · p95 \d+ ms$"));

        // One phone loses its network: it cannot show the next slide, and the console says so.
        await phones[2].Page.Context.SetOfflineAsync(true);
        await Expect(phones[2].ConnectionStatus).ToHaveTextAsync(new Regex("Offline|Reconnecting…"));
        await presenter.NextAsync();
        await phones[0].ExpectSlideAsync(3);
        await phones[1].ExpectSlideAsync(3);
        await Expect(delivery).ToHaveTextAsync(new Regex(@"^2 of [23] phones on slide 3"));

        // Back online, it catches up, and the count with it.
        await phones[2].Page.Context.SetOfflineAsync(false);
        await phones[2].ExpectSlideAsync(3);
        await Expect(delivery).ToHaveTextAsync(new Regex(@"^3 of 3 phones on slide 3"), new() { Timeout = 40_000 });
    });

    [Fact]
    public Task Blackout_and_the_join_code_reach_the_projector_from_the_console() => RunAsync(async devices =>
    {
        await using var server = await AppServer.StartNewAsync();
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl));
        var projector = await presenter.OpenProjectorAsync();
        var blackout = projector.Page.Locator("#blackout");
        var blackoutButton = presenter.Page.GetByRole(AriaRole.Button, new() { Name = "Black out projector" });

        await Expect(blackout).ToBeHiddenAsync();
        await presenter.Page.Keyboard.PressAsync("b");
        await Expect(blackout).ToBeVisibleAsync();
        await Expect(blackoutButton).ToHaveAttributeAsync("aria-pressed", "true");
        await blackoutButton.ClickAsync();
        await Expect(blackout).ToBeHiddenAsync();

        await presenter.Page.GetByRole(AriaRole.Button, new() { Name = "QR on projector" }).ClickAsync();
        await Expect(projector.QrOverlay).ToBeVisibleAsync();
        // The projector's own key changes the shared state: the console's button follows.
        await projector.PressAsync("q");
        await Expect(projector.QrOverlay).ToBeHiddenAsync();
        await Expect(presenter.Page.GetByRole(AriaRole.Button, new() { Name = "QR on projector" })).ToHaveAttributeAsync("aria-pressed", "false");
    });

    [Fact]
    public Task Pacing_follows_the_clock_against_the_planned_duration() => RunAsync(async devices =>
    {
        // getting-started plans 5 minutes for 8 slides: 37.5 s a slide.
        await using var server = await AppServer.StartNewAsync();
        var page = await devices.NewDesktopAsync(server.BaseUrl);
        await page.Clock.InstallAsync();
        var presenter = await PresenterPage.SignInAsync(page);
        var pacing = page.Locator("#pacing");
        var timer = page.GetByRole(AriaRole.Timer, new() { Name = "Elapsed time" });
        await Expect(pacing).ToHaveTextAsync("Planned 5 min · start the timer when you begin");

        await page.Keyboard.PressAsync("t");
        await Expect(page.Locator("#speaker-bar")).ToHaveAttributeAsync("data-running", "true");
        // The page's clock, moved by the test: the timer counts on between server messages.
        await page.Clock.RunForAsync(20_000);
        await Expect(timer).ToHaveTextAsync(new Regex("^0:2[01]$"));
        await Expect(pacing).ToHaveAttributeAsync("data-kind", "on-time");

        // Two minutes later on the server's clock, still on slide 1: behind.
        server.Clock.Advance(TimeSpan.FromMinutes(2));
        await page.Keyboard.PressAsync("t");
        await Expect(timer).ToHaveTextAsync(new Regex("^2:0\\d$"));
        await Expect(pacing).ToHaveAttributeAsync("data-kind", "behind");
        await Expect(pacing).ToContainTextAsync("behind · 2:5");

        // On the last slide at two minutes: well ahead of the plan.
        await page.Keyboard.PressAsync("End");
        await presenter.ExpectSlideAsync(8);
        await Expect(pacing).ToHaveAttributeAsync("data-kind", "ahead");
        await Expect(pacing).ToContainTextAsync("ahead");
    });

    [Fact]
    public Task The_question_mark_opens_the_keyboard_help() => RunAsync(async devices =>
    {
        await using var server = await AppServer.StartNewAsync();
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl));
        await presenter.Page.Keyboard.PressAsync("?");
        var help = presenter.Page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" });
        await Expect(help).ToBeVisibleAsync();
        await Expect(help).ToContainTextAsync("Black out the projector");
        await presenter.Page.Keyboard.PressAsync("Escape");
        await Expect(help).ToBeHiddenAsync();
    });
}
