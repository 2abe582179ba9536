using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Questions;

[Collection(LiveAppCollectionDefinition.Name)]
public sealed class QuestionTests(LiveAppFixture app, BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private const string FromAda = "How do the phones follow the slides so quickly?";
    private const string FromAnonymous = "Can we look at the slides again after the talk?";
    private const string WithNhsNumber = "Patient NHS 943 476 5919, what now?";
    // What is kept and shown of it: the number is masked before the question is stored.
    private const string WithNhsNumberMasked = "Patient NHS [NHS number ending …919], what now?";
    private const string NhsDigits = "5919";
    private const string Later = "Is the session recorded?";

    // Declared before the corpus that uses it: static fields are initialised in order.
    private static readonly string LongWord = string.Concat(Enumerable.Repeat("Supercalifragilistic", 25));

    // The issue's corpus: what a phone sends, and what every screen must show (as text) in its place.
    private static readonly (string Sent, string Shown)[] s_xssCorpus =
    [
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
        ("<a href=\"javascript:alert(1)\">x</a>", "<a href=\"javascript:alert(1)\">x</a>"),
        ("<svg onload=alert(1)>", "<svg onload=alert(1)>"),
        ("<iframe src=javascript:alert(1)>", "<iframe src=javascript:alert(1)>"),
        ("\"><b>bold</b>", "\"><b>bold</b>"),
        // The server removes bidirectional overrides, so the file name reads as what it is.
        ("\u202Eevil\u202C.txt", "evil.txt"),
        (LongWord, LongWord),
    ];

    // Elements a question could smuggle in: none may exist on any page (the page's own words for its scripts, a JSON block, aside). Question texts hold text only.
    private const string FindInjected = """
        () => [
          ...document.querySelectorAll('img[src="x"], iframe, svg[onload], a[href^="javascript:"], [onerror], [onload], b, script:not([src]):not(#audience-text)'),
          ...[...document.querySelectorAll('.question-text, .answering-text, .own-question p')].filter((e) => e.children.length > 0),
        ].map((e) => e.outerHTML.slice(0, 120))
        """;

    private AppServer Server => app.Server;

    [Fact]
    public Task Questions_are_asked_voted_sorted_pinned_answered_and_held_across_phones_presenter_and_projector() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        var projector = await presenter.OpenProjectorAsync();
        var a = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "phone-a"), code);
        var b = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "phone-b"), code);
        // Everything phone B receives, to show that a held question never reaches another phone. (The projector
        // is a presenter device: it is sent the moderation queue, and must not show it.)
        var received = new ConcurrentQueue<string>();
        b.Page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => received.Enqueue(frame.Text ?? string.Empty);
        await b.Page.ReloadAsync();
        await b.ExpectLiveAsync();

        await a.AskAsync(FromAda, "Ada");
        await b.AskAsync(FromAnonymous);
        await Expect(b.Question(FromAda)).ToContainTextAsync("Ada");
        await Expect(b.Question(FromAnonymous)).ToContainTextAsync("Anonymous");
        await Expect(a.Question(FromAnonymous)).ToBeVisibleAsync();
        await Expect(b.QuestionsTab).ToContainTextAsync("2");

        // One vote per phone, taken back with a second tap.
        var vote = b.UpvoteButton(FromAda);
        await Expect(vote).ToHaveAttributeAsync("aria-pressed", "false");
        await vote.ClickAsync();
        await Expect(vote).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(b.VoteCount(FromAda)).ToHaveTextAsync("1");
        await Expect(vote).ToHaveAccessibleNameAsync("Take back your vote, 1 vote");
        await Expect(a.VoteCount(FromAda)).ToHaveTextAsync("1");
        await Expect(a.UpvoteButton(FromAda)).ToHaveAccessibleNameAsync("Upvote, 1 vote");
        await Expect(a.UpvoteButton(FromAda)).ToHaveAttributeAsync("aria-pressed", "false");

        // Top: most votes first; Newest: the latest first.
        await Expect(b.QuestionTexts).ToHaveTextAsync([FromAda, FromAnonymous]);
        await b.SortButton("Newest").ClickAsync();
        await Expect(b.SortButton("Newest")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(b.QuestionTexts).ToHaveTextAsync([FromAnonymous, FromAda]);
        await b.SortButton("Top").ClickAsync();
        await Expect(b.QuestionTexts).ToHaveTextAsync([FromAda, FromAnonymous]);

        await vote.ClickAsync();
        await Expect(vote).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(b.VoteCount(FromAda)).ToHaveTextAsync("0");
        await Expect(vote).ToHaveAccessibleNameAsync("Upvote, 0 votes");
        await Expect(a.VoteCount(FromAda)).ToHaveTextAsync("0");

        // The presenter's panel has both, and moderates.
        await Expect(presenter.ModerationItem(FromAda)).ToContainTextAsync("Ada");
        await Expect(presenter.ModerationItem(FromAnonymous)).ToContainTextAsync("Anonymous");
        await presenter.ModerateAsync(FromAnonymous, "Pin");
        await Expect(presenter.ModerationItem(FromAnonymous)).ToContainTextAsync("pinned");
        await Expect(a.Question(FromAnonymous)).ToContainTextAsync("Pinned");
        await Expect(a.QuestionTexts).ToHaveTextAsync([FromAnonymous, FromAda]);

        await Expect(projector.AnsweringBanner).ToBeHiddenAsync();
        await presenter.ModerateAsync(FromAda, "Answer now");
        await Expect(projector.AnsweringBanner).ToBeVisibleAsync();
        await Expect(projector.AnsweringBanner).ToContainTextAsync("Answering now");
        await Expect(projector.AnsweringText).ToHaveTextAsync(FromAda);
        foreach (var phone in new[] { a, b })
        {
            await Expect(phone.AnsweringNow).ToBeVisibleAsync();
            await Expect(phone.AnsweringNow).ToContainTextAsync("Answering now");
            await Expect(phone.AnsweringNow).ToContainTextAsync(FromAda);
            await Expect(phone.Question(FromAda)).ToContainTextAsync("Answering now");
            await Expect(phone.Question(FromAda)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bis-answering\\b"));
        }

        await presenter.ModerateAsync(FromAda, "Mark answered");
        await Expect(presenter.ModerationItem(FromAda)).ToContainTextAsync("answered");
        await Expect(a.Question(FromAda)).ToContainTextAsync("Answered");
        await Expect(projector.AnsweringBanner).ToBeHiddenAsync();
        await Expect(b.AnsweringNow).ToBeHiddenAsync();

        // Patient data: held for the presenter, and its author is told why in the page's words (the guard's own
        // reason, "an NHS number … (ending …919)", is for the presenter).
        await a.AskAsync(WithNhsNumber, expectedResult: a.Word("Js.Held.personal-data"));
        var held = a.OwnQuestions.GetByRole(AriaRole.Listitem).Filter(new() { HasText = WithNhsNumberMasked });
        await Expect(held).ToContainTextAsync("Held for review");
        await Expect(held).ToContainTextAsync(a.Word("Js.Held.personal-data"));
        await Expect(a.Question(WithNhsNumberMasked)).ToHaveCountAsync(0);
        await Expect(presenter.ModerationItem(WithNhsNumberMasked)).ToContainTextAsync("held");
        await Expect(presenter.ModerationItem(WithNhsNumberMasked)).ToContainTextAsync("an NHS number with a valid check digit");
        await Expect(presenter.ModerationItem(WithNhsNumberMasked)).ToHaveAttributeAsync("data-status", "held");

        // A question asked later reaches phone B and the projector; the held one did not, not even over the wire.
        await b.AskAsync(Later);
        await Expect(a.Question(Later)).ToBeVisibleAsync();
        await presenter.ModerateAsync(Later, "Answer now");
        await Expect(projector.AnsweringText).ToHaveTextAsync(Later);
        await Expect(b.AnsweringNow).ToContainTextAsync(Later);
        await Expect(b.QuestionTexts).ToHaveCountAsync(3);
        foreach (var page in new[] { b.Page, projector.Page })
        {
            Assert.DoesNotContain(NhsDigits, await page.ContentAsync(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(received, frame => frame.Contains(NhsDigits, StringComparison.Ordinal));
        Assert.Contains(received, frame => frame.Contains(Later, StringComparison.Ordinal));

        // Approved, it is shown to the room.
        await presenter.ModerateAsync(WithNhsNumberMasked, "Approve");
        await Expect(presenter.ModerationItem(WithNhsNumberMasked)).ToHaveAttributeAsync("data-status", "visible");
        await Expect(b.Question(WithNhsNumberMasked)).ToBeVisibleAsync();
        await Expect(a.Question(WithNhsNumberMasked)).ToBeVisibleAsync();
        // Its author no longer reads that it is held.
        await Expect(held).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Questions_that_look_like_markup_are_shown_as_text_on_every_screen() => RunAsync(async devices =>
    {
        Assert.Equal(500, LongWord.Length);
        var dialogs = new ConcurrentQueue<string>();
        var responses = new List<(string Page, IResponse? Response)>();

        var presenterPage = await devices.NewDesktopAsync(Server.BaseUrl);
        var presenter = await PresenterPage.SignInAsync(presenterPage);
        var code = await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        responses.Add(("presenter", await presenterPage.GotoAsync($"/presenter/{code}")));
        await presenter.ExpectLiveAsync();

        var projectorPage = await presenterPage.Context.NewPageAsync();
        responses.Add(("projector", await projectorPage.GotoAsync($"/presenter/{code}/projector")));
        var projector = new ProjectorPage(projectorPage);
        await projector.ExpectConnectedAsync();

        var (board, boardResponse) = await QuestionsBoardPage.OpenAsync(await presenterPage.Context.NewPageAsync(), code);
        responses.Add(("board", boardResponse));

        var phones = new List<AudiencePage>();
        for (var i = 0; i < 2; i++)
        {
            var name = i == 0 ? "phone-a" : "phone-b";
            var page = await devices.NewPhoneAsync(Server.BaseUrl, name);
            responses.Add((name, await page.GotoAsync($"/j/{code}")));
            var phone = new AudiencePage(page);
            await phone.ExpectLiveAsync();
            phones.Add(phone);
        }

        IPage[] pages = [presenterPage, projectorPage, board.Page, .. phones.Select(p => p.Page)];
        foreach (var page in pages)
        {
            // An alert, a confirm or a prompt would mean a question ran as script.
            page.Dialog += async (_, dialog) =>
            {
                dialogs.Enqueue($"{page.Url}: {dialog.Type} “{dialog.Message}”");
                await dialog.DismissAsync();
            };
        }

        foreach (var (name, response) in responses)
        {
            var policy = response?.Headers.GetValueOrDefault("content-security-policy");
            Assert.False(string.IsNullOrEmpty(policy), $"The {name} page has no Content-Security-Policy.");
            var scripts = policy.Split(';', StringSplitOptions.TrimEntries).FirstOrDefault(d => d.StartsWith("script-src ", StringComparison.Ordinal))
                ?? policy.Split(';', StringSplitOptions.TrimEntries).First(d => d.StartsWith("default-src ", StringComparison.Ordinal));
            Assert.DoesNotContain("'unsafe-inline'", scripts, StringComparison.Ordinal);
        }

        // Two phones, so no phone meets the per-device question limit.
        for (var i = 0; i < s_xssCorpus.Length; i++)
        {
            await phones[i % 2].AskAsync(s_xssCorpus[i].Sent);
        }

        string[] shown = [.. s_xssCorpus.Select(x => x.Shown)];
        foreach (var phone in phones)
        {
            await Expect(phone.QuestionTexts).ToHaveCountAsync(shown.Length);
            Assert.Equal(shown.Order(), (await phone.QuestionTexts.AllTextContentsAsync()).Order());
            // The long word wraps inside its card; the page never scrolls sideways.
            Assert.True(await phone.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "The phone scrolls sideways.");
        }

        var moderationTexts = presenter.ModerationList.Locator(".question-text");
        await Expect(moderationTexts).ToHaveCountAsync(shown.Length);
        Assert.Equal(shown.Order(), (await moderationTexts.AllTextContentsAsync()).Order());
        await Expect(board.QuestionTexts).ToHaveCountAsync(6);

        // Each in turn on the projector's banner, the board and the phones.
        foreach (var (_, text) in s_xssCorpus)
        {
            await presenter.ModerateAsync(text, "Answer now");
            await Expect(projector.AnsweringText).ToHaveTextAsync(text);
            await Expect(board.AnsweringText).ToHaveTextAsync(text);
            foreach (var phone in phones)
            {
                await Expect(phone.AnsweringNow.Locator(".answering-text")).ToHaveTextAsync(text);
            }

            Assert.Equal(text, await projector.AnsweringText.TextContentAsync());
            Assert.Equal(text, await board.AnsweringText.TextContentAsync());
        }

        Assert.True(await phones[1].Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "The phone scrolls sideways while the long word is answered.");
        foreach (var page in pages)
        {
            var injected = await page.EvaluateAsync<string[]>(FindInjected);
            Assert.True(injected.Length == 0, $"{page.Url} holds elements from questions: {string.Join(" | ", injected)}");
        }

        Assert.True(dialogs.IsEmpty, "Dialogs opened: " + string.Join(" | ", dialogs));
    });
    [Fact]
    public Task A_question_or_vote_still_on_its_way_is_not_sent_again_by_the_retry() => RunAsync(async devices =>
    {
        const string Other = "Does it run offline?";
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        var room = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "room"), code);
        await room.AskAsync(Other);

        // The phone's clock is the test's, and its hub traffic passes through the test: what it sends is counted, and
        // the server's answers can be held back, as a slow venue network holds them.
        var page = await devices.NewPhoneAsync(Server.BaseUrl, "slow-network");
        await page.Clock.InstallAsync();
        var hub = new HubTap();
        await page.RouteWebSocketAsync(new Regex("/hubs/live"), hub.Route);
        var phone = await AudiencePage.OpenAsync(page, code);
        await phone.OpenQuestionsAsync();
        await Expect(phone.Question(Other)).ToBeVisibleAsync();

        // Asked, and its answer held while the phone's retry (every 5 s) comes round twice: sent once.
        hub.HoldAnswers();
        await phone.QuestionBox.FillAsync(FromAnonymous);
        await phone.AskButton.ClickAsync();
        await hub.WaitForSentAsync("AskQuestion", 1);
        await page.Clock.RunForAsync(12_000);
        hub.ReleaseAnswers();
        await Expect(phone.AskResult).ToHaveTextAsync("Sent: your question is on the list.");
        await page.Clock.RunForAsync(6_000);
        await Expect(phone.AskResult).ToHaveTextAsync("Sent: your question is on the list.");
        Assert.Equal(1, hub.Sent("AskQuestion"));

        // The same for a vote.
        hub.HoldAnswers();
        await phone.UpvoteButton(Other).ClickAsync();
        await hub.WaitForSentAsync("SetQuestionVote", 1);
        await page.Clock.RunForAsync(12_000);
        hub.ReleaseAnswers();
        await Expect(room.VoteCount(Other)).ToHaveTextAsync("1");
        await page.Clock.RunForAsync(6_000);
        Assert.Equal(1, hub.Sent("SetQuestionVote"));
    });

    [Fact]
    public Task A_phone_shows_a_page_of_questions_and_more_on_request() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        // 60 questions, straight into the database (asking them is not what this test is about): the first has the
        // most votes, so "Top" lists them in the order they were stored and "Newest" in reverse.
        static string Text(int i) => $"Seeded question {i:D2}: how does it scale?";
        await using (var db = await Server.Services.GetRequiredService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync())
        {
            db.Questions.AddRange(Enumerable.Range(0, 60).Select(i => new QuestionRecord
            {
                SessionCode = code,
                DeviceHash = $"seeded-{i}",
                ClientId = $"seeded-{i}",
                Text = Text(i),
                Votes = 60 - i,
                CreatedAt = DateTimeOffset.UtcNow.AddMinutes(i - 60),
            }));
            await db.SaveChangesAsync();
        }

        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "phone-a"), code);
        await phone.OpenQuestionsAsync();
        await Expect(phone.QuestionsTab).ToContainTextAsync("60");
        await Expect(phone.QuestionTexts).ToHaveTextAsync([.. Enumerable.Range(0, 20).Select(Text)]);
        await phone.ShowMoreQuestions.ClickAsync();
        await Expect(phone.QuestionTexts).ToHaveTextAsync([.. Enumerable.Range(0, 40).Select(Text)]);
        await phone.ShowMoreQuestions.ClickAsync();
        await Expect(phone.QuestionTexts).ToHaveTextAsync([.. Enumerable.Range(0, 60).Select(Text)]);
        await Expect(phone.ShowMoreQuestions).ToBeHiddenAsync();

        // Another phone goes straight to "Newest": the newest page first, then more; a question asked meanwhile leads.
        var other = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "phone-b"), code);
        await other.OpenQuestionsAsync();
        await other.SortButton("Newest").ClickAsync();
        await Expect(other.QuestionTexts).ToHaveTextAsync([.. Enumerable.Range(40, 20).Reverse().Select(Text)]);
        await phone.AskAsync(Later);
        await Expect(other.QuestionTexts).ToHaveTextAsync([Later, .. Enumerable.Range(40, 20).Reverse().Select(Text)]);
        await Expect(other.QuestionsTab).ToContainTextAsync("61");
        await other.ShowMoreQuestions.ClickAsync();
        await Expect(other.QuestionTexts).ToHaveTextAsync([Later, .. Enumerable.Range(20, 40).Reverse().Select(Text)]);

        // The presenter's queue pages too (reloaded: the seeded questions never went past its open console).
        await presenter.Page.ReloadAsync();
        await presenter.ExpectLiveAsync();
        var queue = presenter.ModerationList.Locator(".question-text");
        await Expect(queue).ToHaveCountAsync(50);
        await presenter.LoadMoreQuestions.ClickAsync();
        await Expect(queue).ToHaveCountAsync(61);
        await Expect(presenter.LoadMoreQuestions).ToBeHiddenAsync();
    });
}
