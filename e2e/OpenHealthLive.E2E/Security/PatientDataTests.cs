using System.Collections.Concurrent;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using OpenHealthLive.E2E.Docs;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Security;

/// <summary>
/// An attendee types an NHS number with separators the guard once missed, as a question, as a name and as a
/// word-cloud answer: no other phone, no projector and no public export gets it, and the database files never
/// hold it, not even for the presenter.
/// </summary>
[Collection(LiveAppCollectionDefinition.Name)]
public sealed class PatientDataTests(LiveAppFixture app, BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private const string AsQuestion = "My patient 943•476•5919 had the same finding, what would you do?";
    private const string AsQuestionMasked = "My patient [NHS number ending …919] had the same finding, what would you do?";
    private const string WithName = "Could the model help in a case like mine?";
    private const string Name = "943/476/5919";
    private const string AsWord = "943‧476‧5919";
    private const string Edited = "A patient had the same finding: what would you do?";
    // The phone is told in its own language that the question is held; the guard's detailed reason ("an NHS number …
    // ending …919") is for the presenter's list only.
    private const string Held = "Held for the presenter: it looks like it contains personal details (a name, a number, an address…) that the room must not see.";
    private const string HeldVote = "Held for the presenter: your answer looks like it contains personal details. Only the presenter sees it; it is not counted in the results.";

    // Every form the number was sent in, and its bare digits; none may be anywhere but on the attendee's own screen.
    private static readonly string[] Forms = ["9434765919", "943•476•5919", "943/476/5919", "943‧476‧5919", "5919"];

    private AppServer Server => app.Server;

    [Fact]
    public Task An_nhs_number_with_unusual_separators_reaches_no_other_screen_no_export_and_no_database_file() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(TalkDeck.Slug);
        var projector = await presenter.OpenProjectorAsync();
        var attendee = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "attendee"), code);
        var other = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "other"), code);
        var received = new ConcurrentQueue<string>();
        other.Page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => received.Enqueue(frame.Text ?? string.Empty);
        await other.Page.ReloadAsync();
        await other.ExpectLiveAsync();

        // As a question, and as a name: held, and the attendee is told why.
        await attendee.AskAsync(AsQuestion, expectedResult: Held);
        await attendee.AskAsync(WithName, Name, expectedResult: Held);
        await Expect(presenter.ModerationItem(AsQuestionMasked)).ToHaveAttributeAsync("data-status", "held");
        await Expect(presenter.ModerationItem(AsQuestionMasked)).ToContainTextAsync("an NHS number with a valid check digit (ending …919)");
        await Expect(presenter.ModerationItem(WithName)).ToContainTextAsync("[NHS number ending …919]");

        // The presenter edits the masked question into one for the room, and shows it.
        await presenter.EditQuestionAsync(AsQuestionMasked, Edited);
        await Expect(presenter.ModerationItem(Edited)).ToHaveAttributeAsync("data-status", "held");
        await presenter.ModerateAsync(Edited, "Approve");
        await other.OpenQuestionsAsync();
        await Expect(other.Question(Edited)).ToBeVisibleAsync();
        await other.SlidesTab.ClickAsync();
        await Expect(projector.Page.GetByText(Edited)).ToHaveCountAsync(0);

        // As a word-cloud answer: held for the presenter, not counted; the room's word is.
        await presenter.GoToSlideAsync(TalkDeck.OpenHealthWord);
        // A phone on its Questions tab is not pulled away from it when a poll opens: the attendee taps Poll.
        await attendee.PollTab.ClickAsync();
        await attendee.ExpectPollInFrontAsync(DeckPoll.WordCloud.Question);
        await other.ExpectPollInFrontAsync(DeckPoll.WordCloud.Question);
        await attendee.PollPanel.GetByLabel("Your word").FillAsync(AsWord);
        await attendee.SendVoteAsync(HeldVote);
        await other.SendWordAsync("community");
        var heldAnswers = presenter.PollById(DeckPoll.WordCloud.Id).GetByRole(AriaRole.List, new() { Name = "Held answers" });
        await Expect(heldAnswers).ToContainTextAsync("[NHS number ending …919]");
        await Expect(heldAnswers).ToContainTextAsync("an NHS number with a valid check digit");
        await presenter.ShowPollResultsAsync(DeckPoll.WordCloud.Question);
        await Expect(other.ResultRow("community")).ToBeVisibleAsync();
        await Expect(projector.ResultRow("community")).ToBeVisibleAsync();

        if (Environment.GetEnvironmentVariable(ScreenshotFactAttribute.Variable) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await presenter.Page.SetViewportSizeAsync(1440, 1200);
            await presenter.Page.Locator("#moderation-list").EvaluateAsync("(list) => { list.scrollTop = 0; }");
            await presenter.Page.Locator("#qna-pane").ScreenshotAsync(new() { Path = Path.Combine(folder, "guard-presenter-questions.png") });
            await presenter.PollById(DeckPoll.WordCloud.Id).ScrollIntoViewIfNeededAsync();
            await presenter.PollById(DeckPoll.WordCloud.Id).ScreenshotAsync(new() { Path = Path.Combine(folder, "guard-presenter-poll.png") });
            await presenter.Page.SetViewportSizeAsync(1440, 900);
        }

        // Nothing of it reached the other phone (screen or wire) or the projector.
        Assert.Contains(received, frame => frame.Contains("community", StringComparison.Ordinal));
        AssertNone(string.Join('\n', received), "what the other phone received");
        AssertNone(await other.Page.ContentAsync(), "the other phone's page");
        AssertNone(await projector.Page.ContentAsync(), "the projector");

        // Nor the public exports, which anyone can fetch.
        foreach (var path in new[] { $"/p/{code}/{DeckPoll.WordCloud.Id}.json", $"/p/{code}/{DeckPoll.WordCloud.Id}.csv", $"/p/{code}/polls.json" })
        {
            var response = await other.Page.APIRequest.GetAsync(new Uri(Server.BaseUrl, path).ToString());
            Assert.Equal(200, response.Status);
            var body = await response.TextAsync();
            Assert.Contains("community", body, StringComparison.Ordinal);
            AssertNone(body, path);
        }

        // Nor the database files: it was masked before anything was written.
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Server.DataDirectory, "*.db*"))
        {
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
            }

            foreach (var form in Forms[..4])
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(form)) < 0, $"{Path.GetFileName(file)} holds “{form}”.");
                Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(form)) < 0, $"{Path.GetFileName(file)} holds “{form}” (UTF-16).");
            }
        }
    });

    private static void AssertNone(string text, string where)
    {
        foreach (var form in Forms)
        {
            Assert.False(text.Contains(form, StringComparison.Ordinal), $"{where} holds “{form}”.");
        }
    }
}
