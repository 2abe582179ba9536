using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Docs;

/// <summary>
/// The screenshots in docs/images: <c>OHL_SCREENSHOTS=docs/images dotnet test e2e/OpenHealthLive.E2E</c>.
/// Look at every picture after a run: the test only checks that each shows the state it names.
/// A server of its own, configured as on a stage, so the pictures show what a speaker sees: the join URL is a
/// LAN address (never opened; only loopback is), not the "phones cannot open this address" warning that a
/// loopback-only test server rightly shows.
/// </summary>
[Collection(nameof(ScreenshotTests))]
public sealed class ScreenshotTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private const string StageUrl = "http://192.168.1.20:5000";

    [ScreenshotFact]
    public Task Documentation_screenshots() => RunAsync(async devices =>
    {
        // A relative folder is taken from the repository root: the test host runs in bin/, not where dotnet test was typed.
        var folder = Path.GetFullPath(Environment.GetEnvironmentVariable(ScreenshotFactAttribute.Variable)!, RepositoryPaths.Root);
        Directory.CreateDirectory(folder);
        await using var server = await AppServer.StartNewAsync(new Dictionary<string, string?> { ["PublicAddress:BaseUrl"] = StageUrl });

        // The speaker's laptop (1440×900), the projector (1280×720) and the phone that shoots the audience's view.
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl, "presenter", 1440, 900));
        var projectorPage = await devices.NewDesktopAsync(server.BaseUrl, "projector", 1280, 720);
        await PresenterPage.SignInAsync(projectorPage);
        var home = await HomePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl, "home-phone"));
        await Expect(home.Heading).ToBeVisibleAsync();
        await ShootAsync(home.Page, Path.Combine(folder, "home-phone.png"));

        // The talk, with a room of phones.
        var code = await presenter.StartSessionAsync(TalkDeck.Slug);
        var projector = await ProjectorPage.OpenAsync(projectorPage, code);
        await projector.ExpectTalkSlideAsync(TalkDeck.Title);
        // The key hint fades after a few seconds, as it does in front of an audience.
        await projector.ExpectKeyHintFadedAsync();
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl), code);
        var room = new List<AudiencePage>();
        for (var i = 0; i < DeckPoll.Voters; i++)
        {
            room.Add(await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl, $"voter-{i + 1}"), code));
        }

        await Expect(presenter.AudienceCount).ToHaveTextAsync($"{room.Count + 1} phones");

        await projector.PressAsync("q");
        await Expect(projector.QrCode).ToBeVisibleAsync();
        await ShootAsync(projectorPage, Path.Combine(folder, "projector-qr.png"));
        await projector.PressAsync("q");
        await Expect(projector.QrOverlay).ToBeHiddenAsync();

        await ShootSpeakerViewAsync(folder, server.BaseUrl, devices, code, presenter, projector, phone);
        await ShootSlidesAsync(folder, presenter, projector, phone, room);
        await ShootChartAsync(folder, presenter, projector, room, DeckPoll.SingleChoice, answeredAlready: 3);
        foreach (var poll in new[] { DeckPoll.Rating, DeckPoll.WordCloud, DeckPoll.Quiz })
        {
            await ShootChartAsync(folder, presenter, projector, room, poll);
        }

        await ShootQuestionsAsync(folder, code, presenter, projector, phone, room);

        // The getting-started deck has the multiple-choice and the ranking polls.
        code = await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        projector = await ProjectorPage.OpenAsync(projectorPage, code);
        await projector.ExpectKeyHintFadedAsync();
        for (var i = 0; i < room.Count; i++)
        {
            room[i] = await AudiencePage.OpenAsync(room[i].Page, code);
        }

        foreach (var poll in new[] { DeckPoll.MultipleChoice, DeckPoll.Ranking })
        {
            await ShootChartAsync(folder, presenter, projector, room, poll);
        }
    });

    /// <summary>
    /// presenter.png (the speaker view on a 1440×900 laptop: timer running, every phone on the slide),
    /// presenter-remote.png (the phone remote, 390×844), projector.png and audience-phone.png, on a diagram slide.
    /// </summary>
    private static async Task ShootSpeakerViewAsync(string folder, Uri baseUrl, Devices devices, string code, PresenterPage presenter, ProjectorPage projector, AudiencePage phone)
    {
        await presenter.GoToSlideAsync(TalkDeck.BenchToBedside);
        await projector.ExpectTalkSlideAsync(TalkDeck.BenchToBedside);
        await phone.ExpectTalkSlideAsync(TalkDeck.BenchToBedside);
        await presenter.Page.Keyboard.PressAsync("t");
        await Expect(presenter.Page.Locator("#speaker-bar")).ToHaveAttributeAsync("data-running", "true");
        // As the console looks for most of a talk: scrolled to the top, without the "Started session" notice.
        await presenter.Page.ReloadAsync();
        await presenter.ExpectLiveAsync();
        await presenter.ExpectTalkSlideAsync(TalkDeck.BenchToBedside);
        await Expect(presenter.Page.Locator("#speaker-bar")).ToHaveAttributeAsync("data-running", "true");
        await Expect(presenter.Page.Locator("#delivery")).ToHaveTextAsync(new Regex($@"^(\d+) of \1 phones on slide {TalkDeck.BenchToBedside}\b"));

        var remotePage = await devices.NewPhoneAsync(baseUrl, "remote");
        await PresenterPage.SignInAsync(remotePage);
        await remotePage.GotoAsync($"/presenter/{code}/remote");
        await Expect(remotePage.Locator("#live-status")).ToHaveTextAsync("Live");
        await Expect(remotePage.Locator("#remote-position")).ToHaveTextAsync(TalkDeck.Position(TalkDeck.BenchToBedside));
        await Expect(remotePage.GetByRole(AriaRole.Button, new() { Name = "Pause timer" })).ToBeVisibleAsync();

        await ShootAsync(presenter.Page, Path.Combine(folder, "presenter.png"));
        await ShootAsync(remotePage, Path.Combine(folder, "presenter-remote.png"));
        await ShootAsync(projector.Page, Path.Combine(folder, "projector.png"));
        await ShootAsync(phone.Page, Path.Combine(folder, "audience-phone.png"));
        await remotePage.CloseAsync();
    }

    /// <summary>
    /// slides/: six slides of the talk as the room sees them (projector, 1280×720) and as a phone does (390×844):
    /// the title, a table, a diagram, two columns, a poll (the phone shows the poll, as it does when one opens) and
    /// the takeaways with every fragment revealed.
    /// </summary>
    private static async Task ShootSlidesAsync(string folder, PresenterPage presenter, ProjectorPage projector, AudiencePage phone, List<AudiencePage> room)
    {
        var slides = Path.Combine(folder, "slides");
        Directory.CreateDirectory(slides);
        foreach (var number in new[] { TalkDeck.Title, TalkDeck.FourHurdles, TalkDeck.BenchToBedside, TalkDeck.TwoFrameworks, TalkDeck.PillarMost, TalkDeck.Takeaways })
        {
            await presenter.GoToSlideAsync(number);

            await projector.ExpectTalkSlideAsync(number);
            if (number != TalkDeck.PillarMost)
            {
                await phone.SlidesTab.ClickAsync();
                await phone.ExpectTalkSlideAsync(number);
            }
            else
            {
                // It opens by itself; a few people have answered already.
                for (var i = 0; i < 3; i++)
                {
                    await room[i].ExpectPollInFrontAsync(DeckPoll.SingleChoice.Question);
                    await DeckPoll.SingleChoice.VoteAsync(room[i], i);
                }

                await Expect(projector.PollCard).ToContainTextAsync("3 answers so far");
                await phone.ExpectPollInFrontAsync(DeckPoll.SingleChoice.Question);
            }

            if (number == TalkDeck.Takeaways)
            {
                for (var step = 1; step <= TalkDeck.TakeawayItems.Count; step++)
                {
                    await presenter.NextAsync();
                    await Expect(phone.Slide.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(step);
                }

                await Expect(projector.Slide.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(TalkDeck.TakeawayItems.Count);
            }

            await ShootAsync(projector.Page, Path.Combine(slides, $"{number}-desktop.png"));
            await ShootAsync(phone.Page, Path.Combine(slides, $"{number}-phone.png"));
        }
    }

    /// <summary>chart-{type}.png: a poll's results on the projector after five people answered.</summary>
    private static async Task ShootChartAsync(string folder, PresenterPage presenter, ProjectorPage projector, List<AudiencePage> room, DeckPoll poll, int answeredAlready = 0)
    {
        await presenter.GoToPollAsync(poll);
        for (var i = answeredAlready; i < room.Count; i++)
        {
            await room[i].ExpectPollInFrontAsync(poll.Question);
            await poll.VoteAsync(room[i], i);
        }

        await Expect(presenter.Poll(poll.Question)).ToContainTextAsync($"{room.Count} answers");
        await presenter.ShowPollResultsAsync(poll.Question);
        await Expect(projector.PollCard.Locator(".chart-caption")).ToHaveTextAsync($"{room.Count} answers");
        await ShootAsync(projector.Page, Path.Combine(folder, $"chart-{poll.Type}.png"));
    }

    /// <summary>qna-*.png and answering-projector.png: a few questions, votes, a pinned one, one held, one being answered.</summary>
    private static async Task ShootQuestionsAsync(string folder, string code, PresenterPage presenter, ProjectorPage projector, AudiencePage phone, List<AudiencePage> room)
    {
        const string models = "How do you keep the models up to date once they are in the clinic?";
        const string licence = "Which licence would you recommend for a clinical dataset?";
        const string regulator = "Did the regulator ask for anything unusual for an open-source algorithm?";
        const string maintainers = "How many people maintain xfetus today?";
        const string held = "My patient, born 03/04/1961, had a scan like this. Could xfetus help?";
        const string heldMasked = "My patient, [date of birth …1961], had a scan like this. Could xfetus help?";

        await presenter.GoToSlideAsync(TalkDeck.SlideCount - 1);
        await room[0].AskAsync(models, "Priya");
        await room[1].AskAsync(licence);
        await room[2].AskAsync(regulator, "Tom");
        await room[3].AskAsync(maintainers);
        await room[4].AskAsync(held, expectedResult: "Held for the presenter: it looks like it contains personal details (a name, a number, an address…) that the room must not see.");
        (int Voter, string Question)[] votes = [(1, models), (2, models), (3, models), (0, regulator), (4, regulator), (4, licence)];
        foreach (var (voter, question) in votes)
        {
            await room[voter].UpvoteButton(question).ClickAsync();
            await Expect(room[voter].UpvoteButton(question)).ToHaveAttributeAsync("aria-pressed", "true");
        }

        await presenter.ModerateAsync(maintainers, "Pin");
        await presenter.ModerateAsync(models, "Answer now");
        await phone.OpenQuestionsAsync();
        await phone.UpvoteButton(regulator).ClickAsync();
        await Expect(phone.AnsweringNow).ToContainTextAsync(models);
        await Expect(phone.VoteCount(regulator)).ToHaveTextAsync("3");
        await Expect(phone.Question(maintainers)).ToContainTextAsync("Pinned");
        // The whole tab, from the question box down.
        await ShootAsync(phone.Page, Path.Combine(folder, "qna-phone.png"), fullPage: true);

        await Expect(presenter.ModerationItem(heldMasked)).ToContainTextAsync("held");
        // The Questions panel on its own, every question in view: its list scrolls past 60 % of the window's
        // height, so the window is made taller for this one picture, and the list is scrolled back to its top
        // (pressing "Answer now" scrolled it to that question).
        await presenter.Page.SetViewportSizeAsync(1440, 1200);
        await presenter.Page.Locator("#moderation-list").EvaluateAsync("(list) => { list.scrollTop = 0; }");
        await Expect(presenter.ModerationItem(heldMasked)).ToBeInViewportAsync();
        await ShootAsync(presenter.Page.Locator("#qna-pane"), Path.Combine(folder, "qna-presenter.png"));
        await presenter.Page.SetViewportSizeAsync(1440, 900);

        await Expect(projector.AnsweringText).ToHaveTextAsync(models);
        await ShootAsync(projector.Page, Path.Combine(folder, "answering-projector.png"));

        var (board, _) = await QuestionsBoardPage.OpenAsync(await projector.Page.Context.NewPageAsync(), code);
        await Expect(board.AnsweringText).ToHaveTextAsync(models);
        await Expect(board.QuestionTexts).ToHaveCountAsync(3);
        await Expect(board.AnsweringVotes).ToHaveTextAsync("3");
        await ShootAsync(board.Page, Path.Combine(folder, "qna-board.png"));
        // A second projector is often full HD: the same board, drawn at 1920×1080.
        await board.Page.SetViewportSizeAsync(1920, 1080);
        await ShootAsync(board.Page, Path.Combine(folder, "qna-board-1080.png"));
        await board.Page.CloseAsync();
    }

    /// <summary>
    /// privacy-notice-phone.png (the Questions tab on a phone that has not put the notice away, 390×844) and
    /// erase-confirmation.png (the console's erase confirmation with its counts, 1440×900), for docs/privacy.md.
    /// </summary>
    [ScreenshotFact]
    public Task Privacy_screenshots() => RunAsync(async devices =>
    {
        var folder = Path.GetFullPath(Environment.GetEnvironmentVariable(ScreenshotFactAttribute.Variable)!, RepositoryPaths.Root);
        Directory.CreateDirectory(folder);
        await using var server = await AppServer.StartNewAsync(new Dictionary<string, string?>
        {
            ["PublicAddress:BaseUrl"] = StageUrl,
            ["Privacy:Controller"] = "Example Hospitals NHS Foundation Trust",
            ["Privacy:ContactEmail"] = "dpo@example.nhs.uk",
            ["Privacy:RetentionDays"] = "30",
        });
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl, "presenter", 1440, 900));
        var code = await presenter.StartSessionAsync(TalkDeck.Slug);
        var room = new List<AudiencePage>();
        for (var i = 0; i < DeckPoll.Voters; i++)
        {
            room.Add(await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl, $"voter-{i + 1}"), code));
        }

        string[] questions =
        [
            "Which of the three projects is closest to routine use?",
            "How do you keep models reproducible across hospitals?",
        ];
        await room[0].AskAsync(questions[0], "Priya");
        await room[1].AskAsync(questions[1]);
        // Held by the patient-data guard: the presenter sees it, the room does not.
        await room[2].OpenQuestionsAsync();
        await room[2].QuestionBox.FillAsync("My patient, NHS 943 476 5919, would she qualify?");
        await room[2].AskButton.ClickAsync();
        await Expect(room[2].OwnQuestions).ToContainTextAsync("Held for review");
        for (var i = 2; i < room.Count; i++)
        {
            await room[i].OpenQuestionsAsync();
            await room[i].UpvoteButton(questions[0]).ClickAsync();
        }

        await room[0].UpvoteButton(questions[1]).ClickAsync();
        await Expect(room[1].VoteCount(questions[0])).ToHaveTextAsync("3");
        foreach (var voter in room)
        {
            // Back on the slides, where a poll that opens comes to the front.
            await voter.SlidesTab.ClickAsync();
        }

        await presenter.GoToPollAsync(DeckPoll.SingleChoice);
        for (var i = 0; i < room.Count; i++)
        {
            await room[i].ExpectPollInFrontAsync(DeckPoll.SingleChoice.Question);
            await DeckPoll.SingleChoice.VoteAsync(room[i], i);
        }

        await presenter.ShowPollResultsAsync(DeckPoll.SingleChoice.Question);

        // A phone that has just joined and opens the questions: the notice comes before its first question.
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl, "newcomer"), code);
        await phone.OpenQuestionsAsync();
        await Expect(phone.PrivacyNotice).ToBeVisibleAsync();
        await Expect(phone.QuestionTexts).ToHaveCountAsync(2);
        await ShootAsync(phone.Page, Path.Combine(folder, "privacy-notice-phone.png"));

        // Without the "Started session" notice, and on the next slide, so that the console's delivery figure is of a
        // quiet room, as after a talk.
        await presenter.Page.ReloadAsync();
        await presenter.ExpectLiveAsync();
        await presenter.NextAsync();
        await Expect(presenter.Page.Locator("#delivery")).ToHaveTextAsync(new Regex($@"^6 of 6 phones on slide {DeckPoll.SingleChoice.Slide + 1}\b"));
        await presenter.OpenEraseAsync();
        await Expect(presenter.EraseDialog.GetByRole(AriaRole.List)).ToContainTextAsync("3 questions (1 held for review)");
        await ShootAsync(presenter.Page, Path.Combine(folder, "erase-confirmation.png"));
    });

    private static async Task ShootAsync(IPage page, string path, bool fullPage = false)
    {
        // From the top, as the page first appears: a click or a reload (which keeps the scroll) may have moved it.
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await WhenDrawnAsync(page);
        // CSS pixels, so each picture has the size of the device it shows (390×844, 1440×900, 1280×720).
        await page.ScreenshotAsync(new() { Path = path, Scale = ScreenshotScale.Css, Animations = ScreenshotAnimations.Disabled, FullPage = fullPage });
    }

    private static async Task ShootAsync(ILocator element, string path)
    {
        await WhenDrawnAsync(element.Page);
        await element.ScreenshotAsync(new() { Path = path, Scale = ScreenshotScale.Css, Animations = ScreenshotAnimations.Disabled });
    }

    private static async Task WhenDrawnAsync(IPage page)
    {
        await page.EvaluateAsync("document.fonts.ready.then(() => true)");
        await page.EvaluateAsync("() => Promise.all([...document.images].map((img) => img.decode().catch(() => null)))");
    }
}
