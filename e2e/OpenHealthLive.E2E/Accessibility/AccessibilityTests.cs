using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Accessibility;

/// <summary>
/// axe-core on every page, at the size it is used at, in the state a person sees it; the pages phones and
/// laptops most often show in dark mode are checked in it too (the stylesheet has a full dark palette).
/// </summary>
/// <remarks>
/// A server of its own and a collection of its own: axe keeps the browser busy, and on two cores it runs
/// best beside the live tests, which spend much of their time waiting on the network.
/// </remarks>
[Collection(nameof(AccessibilityTests))]
public sealed class AccessibilityTests(LiveAppFixture app, BrowserFixture browser) : BrowserTest(browser), IClassFixture<LiveAppFixture>, IClassFixture<BrowserFixture>
{
    private static readonly string[] s_blockingImpacts = ["serious", "critical"];

    private AppServer Server => app.Server;

    [Theory]
    [InlineData("home", "phone")]
    [InlineData("home", "laptop")]
    [InlineData("join-error", "phone")]
    [InlineData("join-error", "laptop")]
    [InlineData("audience", "phone")]
    [InlineData("sign-in", "laptop")]
    [InlineData("presenter", "laptop")]
    [InlineData("projector", "projector")]
    [InlineData("projector-qr", "projector")]
    [InlineData("home", "phone-dark")]
    [InlineData("audience", "phone-dark")]
    [InlineData("presenter", "laptop-dark")]
    public Task Pages_have_no_serious_accessibility_violations(string pageName, string device) => RunAsync(async devices =>
    {
        var page = device switch
        {
            "phone" => await devices.NewPhoneAsync(Server.BaseUrl),
            "laptop" => await devices.NewDesktopAsync(Server.BaseUrl),
            "projector" => await devices.NewDesktopAsync(Server.BaseUrl, "projector", 1280, 720),
            "phone-dark" => await devices.NewPhoneAsync(Server.BaseUrl, colorScheme: ColorScheme.Dark),
            "laptop-dark" => await devices.NewDesktopAsync(Server.BaseUrl, colorScheme: ColorScheme.Dark),
            _ => throw new ArgumentOutOfRangeException(nameof(device), device, null),
        };

        await OpenAsync(page, pageName);
        var result = await page.RunAxe();

        var blocking = result.Violations.Where(v => s_blockingImpacts.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, Describe(page.Url, blocking));
    }, $"{nameof(Pages_have_no_serious_accessibility_violations)}({pageName}, {device})");

    /// <summary>
    /// The pages phones open, in every language they speak (docs/languages.md): no axe violation of any impact, not
    /// even a moderate one. The talk page on each of its tabs (the slides looking back, the questions, a poll with its
    /// results), the home page, a wrong code, the privacy notice and a poll's public results.
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("fr")]
    public Task Audience_pages_have_no_accessibility_violation_of_any_impact_in_each_language(string language) => RunAsync(async devices =>
    {
        var report = new List<string>();
        async Task CheckAsync(IPage page, string view)
        {
            var violations = (await page.RunAxe()).Violations.ToList();
            if (violations.Count > 0)
            {
                report.Add($"{view}: {Describe(page.Url, violations)}");
            }
        }

        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(TalkDeck.Slug);
        var page = await devices.NewPhoneAsync(Server.BaseUrl, $"phone-{language}", locale: language);
        var phone = await AudiencePage.OpenAsync(page, code);
        await presenter.GoToSlideAsync(TalkDeck.MoreThanCode);
        await phone.PreviousButton.ClickAsync();
        await Expect(phone.BackToLiveButton).ToBeVisibleAsync();
        await CheckAsync(page, "talk page, Slides tab, looking back");

        await phone.AskAsync("Which parts of this work without the internet?");
        await CheckAsync(page, "talk page, Questions tab");

        await presenter.GoToSlideAsync(TalkDeck.PillarMost);
        await phone.PollTab.ClickAsync();
        await phone.VoteAnyAsync();
        await presenter.ShowPollResultsAsync(DeckPoll.SingleChoice.Question);
        await Expect(phone.PollResults).ToBeVisibleAsync();
        await CheckAsync(page, "talk page, Poll tab with results");

        await page.GotoAsync($"/p/{code}/{DeckPoll.SingleChoice.Id}");
        await Expect(page.Locator("#results-chart .poll-chart")).ToBeVisibleAsync();
        await CheckAsync(page, "poll results page");
        foreach (var (path, view) in new[] { ("/", "home page"), ("/?code=ZZZZ22", "home page, wrong code"), ("/j/ZZZZ22", "no talk with this code"), ($"/privacy?talk={code}", "privacy notice") })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await CheckAsync(page, view);
        }

        Assert.True(report.Count == 0, string.Join(Environment.NewLine, report));
    }, $"{nameof(Audience_pages_have_no_accessibility_violation_of_any_impact_in_each_language)}({language})");

    /// <summary>
    /// The live views in the states a talk puts them in: questions asked, voted on, held and being answered;
    /// a poll of each type open on a phone, with a vote sent and the results shown, its chart on the projector and
    /// its results page; the console with questions and with polls; the print views.
    /// </summary>
    [Theory]
    [InlineData("questions")]
    [InlineData("single")]
    [InlineData("multiple")]
    [InlineData("rating")]
    [InlineData("ranking")]
    [InlineData("wordcloud")]
    [InlineData("quiz")]
    [InlineData("print")]
    [InlineData("captions")]
    [InlineData("pen")]
    public Task Live_views_have_no_serious_accessibility_violations(string scenario) => RunAsync(async devices =>
    {
        var report = new List<string>();
        async Task CheckAsync(IPage page, string view)
        {
            var blocking = (await page.RunAxe()).Violations.Where(v => s_blockingImpacts.Contains(v.Impact)).ToList();
            if (blocking.Count > 0)
            {
                report.Add($"{view}: {Describe(page.Url, blocking)}");
            }
        }

        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        if (scenario == "print")
        {
            var code = await presenter.StartSessionAsync(TalkDeck.Slug);
            foreach (var query in new[] { string.Empty, "?notes=true" })
            {
                await presenter.Page.GotoAsync($"/presenter/{code}/print{query}");
                await Expect(presenter.Page.GetByRole(AriaRole.Region, new() { Name = $"Slide {TalkDeck.SlideCount}" })).ToBeAttachedAsync();
                await CheckAsync(presenter.Page, "print view" + query);
            }
        }
        else if (scenario == "questions")
        {
            await CheckQuestionsAsync(devices, presenter, CheckAsync);
        }
        else if (scenario == "captions")
        {
            await CheckCaptionsAsync(devices, presenter, CheckAsync);
        }
        else if (scenario == "pen")
        {
            await CheckPenAsync(devices, presenter, CheckAsync);
        }
        else
        {
            await CheckPollAsync(devices, presenter, DeckPoll.OfType(scenario), CheckAsync);
        }

        Assert.True(report.Count == 0, string.Join(Environment.NewLine, report));
    }, $"{nameof(Live_views_have_no_serious_accessibility_violations)}({scenario})");

    private async Task CheckQuestionsAsync(Devices devices, PresenterPage presenter, Func<IPage, string, Task> checkAsync)
    {
        var code = await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        var a = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "phone-a"), code);
        var b = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "phone-b", ColorScheme.Dark), code);
        const string first = "Which parts of this work without the internet?";
        const string second = "Can the audience see who asked?";
        const string held = "My patient, NHS 943 476 5919, asked about this";
        const string heldMasked = "My patient, NHS [NHS number ending …919], asked about this";
        await a.AskAsync(first, "Ada");
        await b.AskAsync(second);
        await a.AskAsync(held, expectedResult: "Held for the presenter: it looks like it contains personal details (a name, a number, an address…) that the room must not see.");
        await b.UpvoteButton(first).ClickAsync();
        await Expect(b.UpvoteButton(first)).ToHaveAttributeAsync("aria-pressed", "true");
        await presenter.ModerateAsync(second, "Pin");
        await presenter.ModerateAsync(first, "Answer now");
        await Expect(a.AnsweringNow).ToBeVisibleAsync();
        await Expect(b.AnsweringNow).ToBeVisibleAsync();
        await Expect(b.Question(second)).ToContainTextAsync("Pinned");

        await checkAsync(a.Page, "phone, Questions tab, a question held");
        await checkAsync(b.Page, "phone (dark), Questions tab");
        await Expect(presenter.ModerationItem(heldMasked)).ToContainTextAsync("held");
        await checkAsync(presenter.Page, "presenter console with questions");

        var board = await devices.NewDesktopAsync(Server.BaseUrl, "board", 1280, 720);
        await PresenterPage.SignInAsync(board);
        var (boardPage, _) = await QuestionsBoardPage.OpenAsync(board, code);
        await Expect(boardPage.AnsweringText).ToHaveTextAsync(first);
        await checkAsync(board, "Q&A board");

        var projector = await ProjectorPage.OpenAsync(board, code);
        await Expect(projector.AnsweringText).ToHaveTextAsync(first);
        await projector.ExpectKeyHintFadedAsync();
        await checkAsync(board, "projector, answering banner");
    }

    /// <summary>The phones with their captions panel open (lines and a line being typed), the caption console, the projector's caption bar.</summary>
    private async Task CheckPenAsync(Devices devices, PresenterPage presenter, Func<IPage, string, Task> checkAsync)
    {
        var code = await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "phone"), code);
        var dark = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "phone-dark", ColorScheme.Dark), code);
        await presenter.DrawAsync("Pen", (0.2, 0.3), (0.5, 0.5), (0.8, 0.3));
        await presenter.DrawAsync("Highlighter", (0.1, 0.8), (0.9, 0.8));
        foreach (var reader in new[] { phone, dark })
        {
            await Expect(reader.Strokes).ToHaveCountAsync(2);
        }

        await checkAsync(phone.Page, "phone, with the speaker's drawing");
        // The page has moderate findings of its own (the issue lists them); the drawing adds none, of any impact.
        var fromPen = (await phone.Page.RunAxe()).Violations
            .SelectMany(v => v.Nodes.Select(n => $"{v.Id} ({v.Impact}) at {n.Target}: {n.Html}"))
            .Where(n => n.Contains("ink-figure", StringComparison.Ordinal) || n.Contains("class=\"ink\"", StringComparison.Ordinal))
            .ToList();
        Assert.True(fromPen.Count == 0, "The drawing has axe findings: " + string.Join(Environment.NewLine, fromPen));
        await checkAsync(dark.Page, "phone (dark), with the speaker's drawing");
        await checkAsync(presenter.Page, "console, the pen picked up");
    }

    private async Task CheckCaptionsAsync(Devices devices, PresenterPage presenter, Func<IPage, string, Task> checkAsync)
    {
        var code = await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        var captioner = await CaptionConsolePage.OpenAsync(await presenter.Page.Context.NewPageAsync(), $"/presenter/{code}/captions");
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "phone"), code);
        var dark = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "phone-dark", ColorScheme.Dark), code);
        await phone.TurnCaptionsOnAsync();
        await dark.TurnCaptionsOnAsync();
        var projectorPage = await devices.NewDesktopAsync(Server.BaseUrl, "projector", 1280, 720);
        await PresenterPage.SignInAsync(projectorPage);
        var projector = await ProjectorPage.OpenAsync(projectorPage, code);
        await projector.PressAsync("c");

        const string Said = "Open source lets a hospital read, check and improve the code it runs.";
        const string Typing = "The next question is about licences";
        await captioner.TypeAsync(Said);
        await captioner.SendAsync(Said);
        await captioner.TypeAsync(Typing);
        foreach (var reader in new[] { phone, dark })
        {
            await Expect(reader.CaptionLog).ToContainTextAsync(Said);
            await Expect(reader.CaptionDraft).ToHaveTextAsync(Typing);
        }

        await checkAsync(phone.Page, "phone, captions panel open");
        // The page has moderate findings of its own (the issue lists them); the captions add none, of any impact.
        var fromCaptions = (await phone.Page.RunAxe()).Violations
            .SelectMany(v => v.Nodes.Select(n => $"{v.Id} ({v.Impact}) at {n.Target}: {n.Html}"))
            .Where(n => n.Contains("caption", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.True(fromCaptions.Count == 0, "The captions panel or its button have axe findings: " + string.Join(Environment.NewLine, fromCaptions));
        await checkAsync(dark.Page, "phone (dark), captions panel open");
        await phone.QuestionsTab.ClickAsync();
        await checkAsync(phone.Page, "phone, Questions tab with the captions panel open");
        await checkAsync(captioner.Page, "caption console");
        await Expect(projectorPage.Locator("#caption-bar")).ToContainTextAsync(Typing);
        await projector.ExpectKeyHintFadedAsync();
        await checkAsync(projectorPage, "projector, caption bar");
    }

    private async Task CheckPollAsync(Devices devices, PresenterPage presenter, DeckPoll poll, Func<IPage, string, Task> checkAsync)
    {
        var code = await presenter.StartSessionAsync(poll.Deck);
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl), code);
        var projectorPage = await devices.NewDesktopAsync(Server.BaseUrl, "projector", 1280, 720);
        await PresenterPage.SignInAsync(projectorPage);
        var projector = await ProjectorPage.OpenAsync(projectorPage, code);

        await presenter.GoToPollAsync(poll);
        await phone.ExpectPollInFrontAsync(poll.Question);
        // Checked once voted, when the phone shows the most: the form (to change the vote), the receipt and the chart.
        await poll.VoteAsync(phone, 0);
        await presenter.ShowPollResultsAsync(poll.Question);
        await Expect(phone.PollResults).ToBeVisibleAsync();
        await checkAsync(phone.Page, $"phone, {poll.Type} poll voted, results shown");
        if (poll == DeckPoll.SingleChoice)
        {
            const string question = "Will the results be shared after the talk?";
            var dark = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "phone-dark", ColorScheme.Dark), code);
            await dark.AskAsync(question);
            await Expect(presenter.ModerationItem(question)).ToBeVisibleAsync();
            await Expect(presenter.Poll(poll.Question)).ToContainTextAsync("1 answer");
            await checkAsync(presenter.Page, "presenter console with questions and polls");

            // A phone that joins after the poll opened finds it behind its tab.
            await dark.PollTab.ClickAsync();
            await Expect(dark.PollResults).ToBeVisibleAsync();
            await checkAsync(dark.Page, $"phone (dark), {poll.Type} poll, results shown");
        }

        await Expect(projector.PollCard.Locator(".poll-chart")).ToBeVisibleAsync();
        await projector.ExpectKeyHintFadedAsync();
        await checkAsync(projectorPage, $"projector, {poll.Type} chart");

        var results = await ResultsPage.OpenAsync(await projectorPage.Context.NewPageAsync(), code, poll.Id);
        await checkAsync(results.Page, $"results page of the {poll.Type} poll");
    }

    private static async Task OpenAsync(IPage page, string pageName)
    {
        switch (pageName)
        {
            case "home":
                await Expect((await HomePage.OpenAsync(page)).Heading).ToBeVisibleAsync();
                break;
            case "join-error":
                await page.GotoAsync("/j/ZZZZ22");
                await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
                break;
            case "audience":
                await AudiencePage.OpenAsync(page, AppServer.DefaultSessionCode);
                break;
            case "sign-in":
                await page.GotoAsync("/presenter/sign-in");
                await Expect(page.GetByLabel("Presenter key")).ToBeVisibleAsync();
                break;
            case "presenter":
                await PresenterPage.SignInAsync(page);
                break;
            case "projector" or "projector-qr":
                await PresenterPage.SignInAsync(page);
                var projector = await ProjectorPage.OpenAsync(page, AppServer.DefaultSessionCode);
                // The state the projector is in for the talk. On a busy machine axe can otherwise catch the key
                // hint halfway through its fade-out and report its half-transparent text as low contrast.
                await projector.ExpectKeyHintFadedAsync();
                if (pageName == "projector-qr")
                {
                    await projector.PressAsync("q");
                    await Expect(projector.QrCode).ToBeVisibleAsync();
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(pageName), pageName, null);
        }
    }

    private static string Describe(string url, List<AxeResultItem> violations)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{violations.Count} axe violation(s) on {url}:");
        foreach (var violation in violations)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"    at {node.Target}: {node.Html}");
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m));
                foreach (var message in checks)
                {
                    text.AppendLine().Append("      ").Append(message.ReplaceLineEndings(" "));
                }
            }
        }

        return text.ToString();
    }
}
