using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Presenter;

/// <summary>
/// The day before: the organiser plans a rehearsal, a colleague's phone asks and votes while the speaker runs through.
/// Then "Go live": nothing of the rehearsal survives on any screen, and the talk starts clean with the same code.
/// A server of its own: the test plans a session.
/// </summary>
[Collection(nameof(RehearsalTests))]
public sealed class RehearsalTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private const string Title = "How open-source software is shaping the future of healthcare";
    private const string Question = "Will the slides be online after the talk?";
    private const string WhoIsHere = "Who is in the room?";

    [Fact]
    public Task Going_live_after_a_rehearsal_leaves_nothing_of_it_on_any_screen_and_keeps_the_code() => RunAsync(async devices =>
    {
        await using var server = await AppServer.StartNewAsync();
        var console = await devices.NewDesktopAsync(server.BaseUrl, "organiser");
        await PresenterPage.SignInAsync(console);
        await console.GotoAsync("/organiser");
        await console.GetByRole(AriaRole.Textbox, new() { Name = "Title" }).FillAsync(Title);
        await console.GetByLabel("Deck", new() { Exact = true }).SelectOptionAsync(TalkDeck.Slug);
        await console.GetByLabel("Start as a rehearsal").CheckAsync();
        await console.GetByRole(AriaRole.Button, new() { Name = "Add session" }).ClickAsync();
        var row = console.GetByRole(AriaRole.Row).Filter(new() { HasText = "Rehearsal" });
        var code = (await row.Locator("code").InnerTextAsync()).Trim();
        await row.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        var presenter = new PresenterPage(console);
        await presenter.ExpectLiveAsync();
        var rehearsalBar = console.GetByRole(AriaRole.Region, new() { Name = "Rehearsal" });
        await Expect(rehearsalBar).ToBeVisibleAsync();

        // The run-through: a question, the first poll answered, the timer running, half the talk shown.
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl, "colleague"), code);
        await phone.AskAsync(Question);
        await phone.SlidesTab.ClickAsync();
        await presenter.NextAsync();
        await phone.ExpectPollInFrontAsync(WhoIsHere);
        await phone.VoteAsync("Clinician");
        await presenter.ShowPollResultsAsync(WhoIsHere);
        await Expect(phone.PollResults).ToBeVisibleAsync();
        await console.Keyboard.PressAsync("t");
        await presenter.GoToSlideAsync(TalkDeck.PillarMost);
        await Expect(phone.QuestionsTab).ToContainTextAsync("1");
        await Expect(console.Locator("#timer")).Not.ToHaveTextAsync("0:00");

        // Go live asks first, saying what goes; Cancel changes nothing.
        await rehearsalBar.GetByRole(AriaRole.Button, new() { Name = "Go live…" }).ClickAsync();
        var dialog = console.GetByRole(AriaRole.Dialog, new() { Name = "Go live?" });
        await Expect(dialog).ToContainTextAsync("1 question");
        await Expect(dialog).ToContainTextAsync("1 poll vote");
        await Expect(dialog).ToContainTextAsync("from 1 phone");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(phone.QuestionsTab).ToContainTextAsync("1");
        await rehearsalBar.GetByRole(AriaRole.Button, new() { Name = "Go live…" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Go live", Exact = true }).ClickAsync();

        // Every screen: the console and the phone back on the first slide, the question and the chart gone.
        await Expect(rehearsalBar).ToHaveCountAsync(0);
        await presenter.ExpectTalkSlideAsync(1);
        await phone.SlidesTab.ClickAsync();
        await phone.ExpectTalkSlideAsync(1);
        await Expect(phone.PollTab).ToBeHiddenAsync();
        await phone.OpenQuestionsAsync();
        await Expect(phone.QuestionTexts).ToHaveCountAsync(0);
        await Expect(presenter.ModerationList.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(0);
        await Expect(console.Locator("#timer")).ToHaveTextAsync("0:00");
        Assert.Equal(code, await presenter.CodeAsync());
        var live = (await server.Services.GetRequiredService<LiveSessionService>().FindAsync(code, CancellationToken.None))!;
        Assert.False(live.Plan.IsRehearsal);

        // The talk itself: the first poll opens again by itself, empty, and the phone may vote again.
        await phone.SlidesTab.ClickAsync();
        await presenter.NextAsync();
        await phone.ExpectPollInFrontAsync(WhoIsHere);
        await Expect(phone.PollChoice("Clinician")).ToHaveAttributeAsync("aria-checked", "false");
        await Expect(presenter.Poll(WhoIsHere)).ToContainTextAsync("No answers yet");
        await phone.VoteAsync("Engineer");
        await Expect(presenter.PollRow(WhoIsHere, "Engineer")).ToContainTextAsync("1");

        // After a reload the console still knows it is live.
        await console.ReloadAsync();
        await presenter.ExpectLiveAsync();
        await Expect(rehearsalBar).ToHaveCountAsync(0);
    });
}
