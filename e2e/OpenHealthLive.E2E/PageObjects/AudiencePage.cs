using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenHealthLive.Web.Localization;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.PageObjects;

/// <summary>The audience page on a phone (<c>/j/{code}</c>).</summary>
public sealed partial class AudiencePage(IPage page)
{
    private static readonly ResourceManager s_words = new(typeof(AudienceText));

    public IPage Page { get; } = page;

    /// <summary>The language of the page's own words (its <c>html lang</c>): the locators find its buttons by their names in it.</summary>
    public string Language { get; private set; } = "en";

    /// <summary>A word of the page in its language (Localization/AudienceText*.resx), with <c>{0}</c>… filled in.</summary>
    public string Word(string key, params object[] values) =>
        string.Format(CultureInfo.GetCultureInfo(Language), s_words.GetString(key, CultureInfo.GetCultureInfo(Language)) ?? throw new ArgumentException($"No word {key}.", nameof(key)), values);

    public ILocator Slide => Page.GetByRole(AriaRole.Article, new() { Name = Word("Join.CurrentSlide") });

    public ILocator SlideHeading => Slide.GetByRole(AriaRole.Heading).First;

    /// <summary>"Slide 2 of 6" between the arrows: plain text, it has no role to find it by.</summary>
    public ILocator Position => Page.GetByRole(AriaRole.Navigation, new() { Name = Word("Join.Tab.Slides") }).Locator("#position");

    /// <summary>The connection state: "Live", "Connecting…", "Reconnecting…" or "Offline".</summary>
    public ILocator ConnectionStatus => Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Status);

    public ILocator PreviousButton => Page.GetByRole(AriaRole.Button, new() { Name = Word("Join.PreviousSlide") });

    public ILocator NextButton => Page.GetByRole(AriaRole.Button, new() { Name = Word("Join.NextSlide") });

    public ILocator BackToLiveButton => Page.GetByRole(AriaRole.Button, new() { Name = Word("Join.BackToLive") });

    /// <summary>Opens the join link of <paramref name="code"/> and waits until the phone follows live.</summary>
    public static async Task<AudiencePage> OpenAsync(IPage page, string code)
    {
        ArgumentNullException.ThrowIfNull(page);
        var response = await page.GotoAsync($"/j/{code}");
        if (response?.Status != 200)
        {
            throw new InvalidOperationException($"/j/{code} answered {response?.Status}.");
        }

        var audience = new AudiencePage(page) { Language = await page.Locator("html").GetAttributeAsync("lang") ?? "en" };
        await audience.ExpectLiveAsync();
        return audience;
    }

    public Task ExpectLiveAsync(float? timeoutMs = null) =>
        Expect(ConnectionStatus).ToHaveTextAsync(Word("Js.Status.live"), new() { Timeout = timeoutMs });

    /// <summary>Waits until the phone shows slide <paramref name="number"/> (1-based) of the getting-started deck.</summary>
    public async Task ExpectSlideAsync(int number)
    {
        await Expect(Position).ToHaveTextAsync(GettingStartedDeck.Position(number));
        await Expect(SlideHeading).ToHaveTextAsync(GettingStartedDeck.Heading(number));
    }

    /// <summary>Waits until the phone shows slide <paramref name="number"/> (1-based) of the talk.</summary>
    public async Task ExpectTalkSlideAsync(int number)
    {
        await Expect(Position).ToHaveTextAsync(TalkDeck.Position(number));
        await Expect(SlideHeading).ToHaveTextAsync(TalkDeck.Heading(number));
    }

    // ---- Language ----

    /// <summary>The phone's language, in the header: the page's words and, when the deck has it, the slides'.</summary>
    public ILocator LanguageSelect => Page.GetByRole(AriaRole.Combobox, new() { Name = Word("Join.Language") });

    /// <summary>
    /// Chooses a language (a tag such as <c>es</c>). When the site has it, the page comes back with its words in it
    /// (a reload) and follows live again; the slides are in <paramref name="slides"/> (the tag unless said).
    /// </summary>
    public async Task ChooseLanguageAsync(string tag, string? slides = null)
    {
        await LanguageSelect.SelectOptionAsync(tag);
        var primary = tag.Split('-')[0].ToLowerInvariant();
        if (LocalizationSetup.Languages.Contains(primary) && primary != Language)
        {
            Language = primary;
            await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", primary);
            await ExpectLiveAsync();
        }

        await Expect(LanguageSelect).ToHaveValueAsync(tag);
        await Expect(Page.Locator("#slide")).ToHaveAttributeAsync("lang", slides ?? tag);
    }

    // ---- Tabs ----

    public ILocator SlidesTab => Page.GetByRole(AriaRole.Tab, new() { Name = Word("Join.Tab.Slides") });

    /// <summary>"Questions", followed by the number of questions on the list.</summary>
    public ILocator QuestionsTab => Page.GetByRole(AriaRole.Tab, new() { Name = Word("Join.Tab.Questions") });

    /// <summary>Present while a poll is open or its results are shown.</summary>
    public ILocator PollTab => Page.GetByRole(AriaRole.Tab, new() { Name = Word("Join.Tab.Poll"), Exact = true });

    /// <summary>The zoom viewer a tap on an image or a table opens.</summary>
    public ILocator ZoomViewer => Page.GetByRole(AriaRole.Dialog, new() { Name = Word("Join.Zoom") });

    // ---- Questions ----

    public ILocator QuestionBox => Page.GetByLabel(Word("Join.AskLabel"));

    public ILocator NameBox => Page.GetByLabel(Word("Join.NameLabel"));

    public ILocator AskButton => Page.GetByRole(AriaRole.Button, new() { Name = Word("Join.Ask"), Exact = true });

    /// <summary>What became of the last question asked ("Sent: …", a held notice, an error).</summary>
    public ILocator AskResult => Page.GetByRole(AriaRole.Tabpanel, new() { Name = Word("Join.Tab.Questions") }).GetByRole(AriaRole.Status);

    /// <summary>The room's questions.</summary>
    public ILocator QuestionList => Page.GetByRole(AriaRole.List, new() { Name = Word("Join.Tab.Questions"), Exact = true });

    /// <summary>The texts of the room's questions, in the order shown.</summary>
    public ILocator QuestionTexts => QuestionList.Locator(".question-text");

    /// <summary>This phone's own questions that the room does not see (held, hidden, waiting to send).</summary>
    public ILocator OwnQuestions => Page.GetByRole(AriaRole.List, new() { Name = Word("Join.OwnQuestions") });

    /// <summary>The box above the list that names the question being answered.</summary>
    public ILocator AnsweringNow => Page.Locator("#answering-now");

    public ILocator SortButton(string name) =>
        Page.GetByRole(AriaRole.Group, new() { Name = Word("Join.SortQuestions") }).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Asks the server for the next page of questions; shown only while there are more.</summary>
    public ILocator ShowMoreQuestions => Page.GetByRole(AriaRole.Button, new() { Name = Word("Join.MoreQuestions") });

    /// <summary>The list item of the question whose text is exactly <paramref name="text"/>.</summary>
    public ILocator Question(string text) =>
        QuestionList.GetByRole(AriaRole.Listitem).Filter(new() { Has = Page.GetByText(text, new() { Exact = true }) });

    /// <summary>The upvote toggle of a question ("Upvote, 0 votes", "Take back your vote, 1 vote").</summary>
    public ILocator UpvoteButton(string text) => Question(text).GetByRole(AriaRole.Button);

    /// <summary>The number of votes shown on a question's upvote button.</summary>
    public ILocator VoteCount(string text) => UpvoteButton(text).Locator(".count");

    /// <summary>What takes the ask form's place while the speaker has closed questions.</summary>
    public ILocator QuestionsClosed => Page.Locator("#questions-closed");

    /// <summary>Slow mode's line under the form: the period, and when this phone may ask again.</summary>
    public ILocator SlowModeNote => Page.Locator("#slow-mode-note");

    /// <summary>Opens the Questions tab, types a question (and a name), presses Ask and waits for the answer.</summary>
    public async Task AskAsync(string text, string? name = null, string? expectedResult = null)
    {
        await OpenQuestionsAsync();
        await QuestionBox.FillAsync(text);
        await NameBox.FillAsync(name ?? string.Empty);
        await AskButton.ClickAsync();
        await Expect(AskResult).ToHaveTextAsync(expectedResult ?? Word("Js.QuestionSent"));
    }

    public async Task OpenQuestionsAsync()
    {
        await QuestionsTab.ClickAsync();
        await Expect(QuestionsTab).ToHaveAttributeAsync("aria-selected", "true");
    }

    // ---- Polls ----

    public ILocator PollPanel => Page.GetByRole(AriaRole.Tabpanel, new() { Name = Word("Join.Tab.Poll"), Exact = true });

    /// <summary>An option of a single-choice, quiz or multiple-choice poll (a radio or a checkbox).</summary>
    public ILocator PollChoice(string label) =>
        PollPanel.GetByRole(AriaRole.Radio, new() { Name = label }).Or(PollPanel.GetByRole(AriaRole.Checkbox, new() { Name = label }));

    /// <summary>"Send my vote", or "Change my vote" once this phone has voted.</summary>
    public ILocator SendVoteButton => PollPanel.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^(?:{Regex.Escape(Word("Js.SendVote"))}|{Regex.Escape(Word("Js.ChangeVote"))})$") });

    /// <summary>"✓ Your vote was counted." and the like.</summary>
    public ILocator PollReceipt => PollPanel.GetByRole(AriaRole.Status);

    /// <summary>The chart a phone shows once the presenter shows the results.</summary>
    public ILocator PollResults => PollPanel.Locator(".poll-results");

    /// <summary>The chart row of an option, an item or a word, e.g. to read "2 · 67%".</summary>
    public ILocator ResultRow(string label) => PollResults.GetByRole(AriaRole.Listitem).Filter(new() { HasText = label });

    /// <summary>Waits for the Poll tab to come to the front (as it does when a poll opens).</summary>
    public async Task ExpectPollInFrontAsync(string question)
    {
        await Expect(PollTab).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(PollPanel.GetByRole(AriaRole.Heading, new() { Name = question, Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Picks options of a choice poll and sends them; waits for the receipt.</summary>
    public async Task VoteAsync(params string[] options)
    {
        foreach (var option in options)
        {
            await PollChoice(option).ClickAsync();
            await Expect(PollChoice(option)).ToHaveAttributeAsync("aria-checked", "true");
        }

        await SendVoteAsync();
    }

    /// <summary>Rates every item of a rating poll (one value per item, in order) and sends.</summary>
    public async Task RateAsync(params int[] values)
    {
        var scales = PollPanel.GetByRole(AriaRole.Radiogroup);
        await Expect(scales).ToHaveCountAsync(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            var choice = scales.Nth(i).GetByRole(AriaRole.Radio, new() { NameRegex = new Regex($"^{values[i]} of ") });
            await choice.ClickAsync();
            await Expect(choice).ToHaveAttributeAsync("aria-checked", "true");
        }

        await SendVoteAsync();
    }

    /// <summary>Moves options of a ranking poll up with the arrow buttons, so they end in <paramref name="order"/>, and sends.</summary>
    public async Task RankAsync(params string[] order)
    {
        var lines = PollPanel.GetByRole(AriaRole.List).GetByRole(AriaRole.Listitem);
        for (var target = 0; target < order.Length; target++)
        {
            // Bubble the wanted option up to its place, one tap at a time, as a person would.
            while (!(await lines.Nth(target).InnerTextAsync()).StartsWith(order[target], StringComparison.Ordinal))
            {
                await PollPanel.GetByRole(AriaRole.Button, new() { Name = Word("Js.MoveUp", order[target]) }).ClickAsync();
            }
        }

        await SendVoteAsync();
    }

    /// <summary>Types a word in a word-cloud poll and sends.</summary>
    public async Task SendWordAsync(string word)
    {
        await PollPanel.GetByLabel(Word("Js.YourWord")).FillAsync(word);
        await SendVoteAsync();
    }

    /// <summary>Answers whatever poll is shown with the first choices it offers (a word for a word cloud), and sends.</summary>
    public async Task VoteAnyAsync()
    {
        var word = PollPanel.GetByLabel(Word("Js.YourWord"));
        var radioGroups = PollPanel.GetByRole(AriaRole.Radiogroup);
        if (await word.CountAsync() > 0)
        {
            await word.FillAsync("open");
        }
        else if (await radioGroups.CountAsync() > 0)
        {
            // A choice poll has one group; a rating poll one per item.
            for (var i = 0; i < await radioGroups.CountAsync(); i++)
            {
                await radioGroups.Nth(i).GetByRole(AriaRole.Radio).First.ClickAsync();
            }
        }
        else if (await PollPanel.GetByRole(AriaRole.Checkbox).CountAsync() > 0)
        {
            await PollPanel.GetByRole(AriaRole.Checkbox).First.ClickAsync();
        }

        // A ranking is complete as it stands.
        await SendVoteAsync();
    }

    public async Task SendVoteAsync(string? receipt = null)
    {
        await SendVoteButton.ClickAsync();
        await Expect(PollReceipt).ToHaveTextAsync(receipt ?? $"✓ {Word("Js.VoteCounted")}");
    }

    // ---- Privacy ----

    /// <summary>The short privacy notice shown with the questions and the poll.</summary>
    public ILocator PrivacyNotice => Page.GetByRole(AriaRole.Region, new() { Name = Word("Join.Privacy.Title") });

    /// <summary>"This talk has ended…", or what became of "Forget me on this phone", under the status bar.</summary>
    public ILocator TalkNote => Page.Locator("#ended-note");

    /// <summary>The dialog that lists what this phone sent and offers "Forget me on this phone".</summary>
    public ILocator MyData => Page.GetByRole(AriaRole.Dialog, new() { Name = Word("Join.Privacy.WhatSent") });

    /// <summary>What "What this phone sent" says about the server's records ("Loading…", "Stored on the server…").</summary>
    public ILocator MyDataStatus => MyData.Locator("#my-data-status");

    /// <summary>Opens "What this phone sent" from the link under the questions and waits for the lists.</summary>
    public async Task OpenMyDataAsync()
    {
        await OpenQuestionsAsync();
        await Page.GetByRole(AriaRole.Tabpanel, new() { Name = Word("Join.Tab.Questions") }).GetByRole(AriaRole.Button, new() { Name = Word("Join.Privacy.WhatSentForget") }).ClickAsync();
        await Expect(MyDataStatus).Not.ToHaveTextAsync(new Regex("^(Loading…)?$"));
    }

    /// <summary>"Forget me on this phone", confirmed; the page reloads with a new anonymous id.</summary>
    public async Task ForgetMeAsync()
    {
        await MyData.GetByRole(AriaRole.Button, new() { Name = Word("Join.ForgetMe") }).ClickAsync();
        await MyData.GetByRole(AriaRole.Button, new() { Name = Word("Join.EraseIt") }).ClickAsync();
        await Expect(TalkNote).ToContainTextAsync(Word("Js.Erased"));
        await ExpectLiveAsync();
    }
}
