using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.E2E.Docs;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using OpenHealthLive.Web.Presenter;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Questions;

/// <summary>
/// The Q&amp;A controls as the speaker and the room see them (issue 18): closing and reopening questions with a phone's
/// draft kept, slow mode's wait on the phone, and blocking a phone (its question leaves the other phones, the projector
/// and the board; the phone is refused in ordinary words). With <c>OHL_SCREENSHOTS</c> set, the phone's views are
/// written there for the documentation.
/// </summary>
[Collection(LiveAppCollectionDefinition.Name)]
public sealed partial class QnaControlsTests(LiveAppFixture app, BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private const string Draft = "Will the validation data be published with the paper?";

    private AppServer Server => app.Server;

    [Fact]
    public Task Closing_questions_shows_the_phones_that_they_are_closed_keeps_a_draft_and_reopening_lets_it_be_sent() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "phone-a"), code);
        var other = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "phone-b"), code);
        await other.AskAsync("Asked while questions were open?");
        await phone.OpenQuestionsAsync();
        await phone.QuestionBox.FillAsync(Draft);

        await Expect(presenter.QuestionsOpenSwitch).ToBeCheckedAsync();
        await presenter.QuestionsOpenSwitch.ClickAsync();
        await Expect(presenter.QuestionsOpenSwitch).Not.ToBeCheckedAsync();

        // Where the form was: "Questions are closed", and the draft is said to be kept.
        await Expect(phone.QuestionsClosed).ToBeVisibleAsync();
        await Expect(phone.QuestionsClosed).ToContainTextAsync("Questions are closed");
        await Expect(phone.QuestionsClosed).ToContainTextAsync("What you typed is kept on this phone");
        await Expect(phone.QuestionBox).ToBeHiddenAsync();
        await Expect(phone.AskButton).ToBeHiddenAsync();
        // The room can still rank what was asked.
        await phone.UpvoteButton("Asked while questions were open?").ClickAsync();
        await Expect(other.VoteCount("Asked while questions were open?")).ToHaveTextAsync("1");
        await ShootAsync(phone.Page, "qna-closed-phone.png");

        // A reload (a locked phone, a browser that dropped the tab) keeps it too.
        await phone.Page.ReloadAsync();
        await phone.ExpectLiveAsync();
        await phone.OpenQuestionsAsync();
        await Expect(phone.QuestionsClosed).ToBeVisibleAsync();

        await presenter.QuestionsOpenSwitch.ClickAsync();
        await Expect(presenter.QuestionsOpenSwitch).ToBeCheckedAsync();
        await Expect(phone.QuestionsClosed).ToBeHiddenAsync();
        await Expect(phone.QuestionBox).ToHaveValueAsync(Draft);
        await phone.AskButton.ClickAsync();
        await Expect(phone.AskResult).ToHaveTextAsync("Sent: your question is on the list.");
        await Expect(other.Question(Draft)).ToBeVisibleAsync();
        await Expect(phone.QuestionBox).ToHaveValueAsync(string.Empty);
    });

    [Fact]
    public Task Slow_mode_shows_the_phone_when_it_may_ask_again_and_the_server_holds_another_tab_to_it() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        var phonePage = await devices.NewPhoneAsync(Server.BaseUrl, "phone");
        var phone = await AudiencePage.OpenAsync(phonePage, code);
        // A second tab of the same phone (the same device cookie), open before the first one asks.
        var tab = await AudiencePage.OpenAsync(await phonePage.Context.NewPageAsync(), code);

        await presenter.SlowMode.SelectOptionAsync("2 minutes");
        await Expect(phone.SlowModeNote).ToHaveTextAsync("Slow mode: one question every 2 minutes from each phone.");
        await phone.AskAsync("How long did training take?");
        await Expect(phone.SlowModeNote).ToContainTextAsync(WaitOfAtMostTwoMinutes());
        await Expect(phone.AskButton).ToBeDisabledAsync();
        await phone.QuestionBox.FillAsync("And on which hardware?");
        await ShootAsync(phone.Page, "qna-slow-mode-phone.png");

        // The other tab did not hear of it: the server refuses it, says how long to wait, and keeps its text.
        await tab.OpenQuestionsAsync();
        await tab.QuestionBox.FillAsync("Is the model open?");
        await tab.AskButton.ClickAsync();
        // Worded by the phone from the refusal's code and numbers (120 seconds between questions, the seconds left).
        await Expect(tab.AskResult).ToHaveTextAsync(new Regex($"^(?:{Regex.Escape(tab.Word("Js.Refusal.slow-mode", 120, "§")).Replace("§", @"\d+", StringComparison.Ordinal)}|{Regex.Escape(tab.Word("Js.Refusal.slow-mode.one", 120))})$"));
        await Expect(tab.QuestionBox).ToHaveValueAsync("Is the model open?");

        // The wait comes from the server's clock: 100 s later, a reload shows the rest of it.
        Server.Clock.Advance(TimeSpan.FromSeconds(100));
        await phone.Page.ReloadAsync();
        await phone.ExpectLiveAsync();
        await phone.OpenQuestionsAsync();
        await Expect(phone.SlowModeNote).ToContainTextAsync(WaitOfAtMostTwentySeconds());
        await Expect(phone.AskButton).ToBeDisabledAsync();

        Server.Clock.Advance(TimeSpan.FromSeconds(30));
        await phone.Page.ReloadAsync();
        await phone.ExpectLiveAsync();
        await phone.OpenQuestionsAsync();
        await Expect(phone.SlowModeNote).ToHaveTextAsync("Slow mode: one question every 2 minutes from each phone.");
        await Expect(phone.AskButton).ToBeEnabledAsync();
        await phone.AskAsync("And on which hardware?");

        // Turned off, the note goes and the phone may ask at once.
        await presenter.SlowMode.SelectOptionAsync("Off");
        await Expect(phone.SlowModeNote).ToBeHiddenAsync();
        await Expect(phone.AskButton).ToBeEnabledAsync();
        await phone.AskAsync("One more: is there a demo?");
    });

    [Fact]
    public Task Blocking_a_phone_takes_its_question_off_another_phone_the_projector_and_the_board_and_refuses_it_in_ordinary_words() => RunAsync(async devices =>
    {
        const string Troll = "Why is this talk so boring?";
        var presenterPage = await devices.NewDesktopAsync(Server.BaseUrl);
        var presenter = await PresenterPage.SignInAsync(presenterPage);
        var code = await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        var projector = await presenter.OpenProjectorAsync();
        var (board, _) = await QuestionsBoardPage.OpenAsync(await presenterPage.Context.NewPageAsync(), code);
        var troll = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "troll"), code);
        var room = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "room"), code);

        await troll.AskAsync(Troll);
        await room.AskAsync("Which dataset did you train on?");
        await Expect(room.Question(Troll)).ToBeVisibleAsync();
        await Expect(board.QuestionTexts.GetByText(Troll, new() { Exact = true })).ToBeVisibleAsync();
        await presenter.ModerateAsync(Troll, "Answer now");
        await Expect(projector.AnsweringText).ToHaveTextAsync(Troll);

        await presenter.BlockPhoneAsync(Troll);

        await Expect(room.Question(Troll)).ToHaveCountAsync(0);
        await Expect(room.Question("Which dataset did you train on?")).ToBeVisibleAsync();
        await Expect(board.QuestionTexts).ToHaveTextAsync(["Which dataset did you train on?"]);
        await Expect(projector.AnsweringBanner).ToBeHiddenAsync();
        await Expect(presenter.ModerationItem(Troll)).ToHaveAttributeAsync("data-status", "hidden");
        await ShootAsync(presenterPage.Locator("#qna-pane"), "qna-controls-console.png");

        // The blocked phone is told what any phone behind a busy network is told, and keeps its text.
        await troll.QuestionBox.FillAsync("Let me ask again");
        await troll.AskButton.ClickAsync();
        await Expect(troll.AskResult).ToHaveTextAsync("Too many questions are coming from this network right now. Wait 1 second and send it again.");
        await Expect(troll.QuestionBox).ToHaveValueAsync("Let me ask again");
        await troll.UpvoteButton("Which dataset did you train on?").ClickAsync();
        await Expect(troll.AskResult).ToHaveTextAsync("Too many votes are coming from this network right now. Wait 1 second and try again.");
        await Expect(room.VoteCount("Which dataset did you train on?")).ToHaveTextAsync("0");

        // Unblocked, it may ask again; what it asked before stays hidden.
        await presenter.BlockedPhones.GetByRole(AriaRole.Button, new() { Name = "Unblock" }).ClickAsync();
        await Expect(presenter.BlockedPhones).ToBeHiddenAsync();
        await troll.AskAsync("Sorry. Is the code open source?");
        await Expect(room.Question("Sorry. Is the code open source?")).ToBeVisibleAsync();
        await Expect(room.Question(Troll)).ToHaveCountAsync(0);
    });

    [Fact]
    public Task A_moderator_with_a_link_on_a_phone_closes_and_reopens_questions_and_blocks_a_phone() => RunAsync(async devices =>
    {
        const string Troll = "Is anyone even listening?";
        var code = (await Server.Services.GetRequiredService<LiveSessionService>().StartAsync(GettingStartedDeck.Slug, CancellationToken.None)).Code;
        var link = await Server.Services.GetRequiredService<SessionGrants>().IssueAsync(code, StaffRole.Moderator, CancellationToken.None);
        var moderatorPage = await devices.NewPhoneAsync(Server.BaseUrl, "moderator");
        await moderatorPage.GotoAsync($"/presenter/join#{link.Secret}");
        await Expect(moderatorPage).ToHaveURLAsync(new Regex($"/presenter/{code}/moderate$"));
        // The moderator's page has the console's Questions panel: the same locators.
        var moderator = new PresenterPage(moderatorPage);
        await moderator.ExpectLiveAsync();
        var troll = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "troll"), code);
        var room = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "room"), code);
        await troll.AskAsync(Troll);
        await room.OpenQuestionsAsync();
        await Expect(room.Question(Troll)).ToBeVisibleAsync();

        await moderator.QuestionsOpenSwitch.ClickAsync();
        await Expect(room.QuestionsClosed).ToBeVisibleAsync();
        await moderator.QuestionsOpenSwitch.ClickAsync();
        await Expect(room.QuestionsClosed).ToBeHiddenAsync();
        await Expect(room.QuestionBox).ToBeVisibleAsync();

        await moderator.BlockPhoneAsync(Troll);
        await Expect(room.Question(Troll)).ToHaveCountAsync(0);
    });

    // Real time passes while the test looks: the countdown may have moved on by a few seconds.
    [GeneratedRegex(@"You can ask again in (2:00|1:[0-5][0-9])\.$")]
    private static partial Regex WaitOfAtMostTwoMinutes();

    [GeneratedRegex(@"You can ask again in 0:([01][0-9]|20)\.$")]
    private static partial Regex WaitOfAtMostTwentySeconds();

    /// <summary>With OHL_SCREENSHOTS set (see <see cref="ScreenshotFactAttribute"/>), the phone as it looks now, for the documentation.</summary>
    private static async Task ShootAsync(IPage page, string name)
    {
        if (ScreenshotPath(name) is { } path)
        {
            // The privacy notice is put away, as a phone that has read it shows the controls (it has screenshots of its own).
            var notice = new AudiencePage(page).PrivacyNotice;
            if (await notice.IsVisibleAsync())
            {
                await notice.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
                await Expect(notice).ToBeHiddenAsync();
            }

            await page.ScreenshotAsync(new() { Path = path, Scale = ScreenshotScale.Css, Animations = ScreenshotAnimations.Disabled });
        }
    }

    private static async Task ShootAsync(ILocator element, string name)
    {
        if (ScreenshotPath(name) is { } path)
        {
            await element.ScreenshotAsync(new() { Path = path, Scale = ScreenshotScale.Css, Animations = ScreenshotAnimations.Disabled });
        }
    }

    private static string? ScreenshotPath(string name) =>
        Environment.GetEnvironmentVariable(ScreenshotFactAttribute.Variable) is { Length: > 0 } folder
            ? Path.Combine(Path.GetFullPath(folder, RepositoryPaths.Root), name)
            : null;
}
