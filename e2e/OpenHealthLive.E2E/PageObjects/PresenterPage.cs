using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.PageObjects;

/// <summary>The presenter console (<c>/presenter</c>, <c>/presenter/{code}</c>), reached through the sign-in form.</summary>
public sealed partial class PresenterPage(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>"Now showing · Slide 2 of 6".</summary>
    public ILocator NowShowing => Page.GetByRole(AriaRole.Heading, new() { Name = "Now showing" });

    public ILocator CurrentSlide => Page.GetByRole(AriaRole.Region, new() { Name = "Now showing" }).GetByRole(AriaRole.Article);

    /// <summary>
    /// The connection state in the header. Found by id: the page can hold a second status (the flash
    /// message after starting a session).
    /// </summary>
    public ILocator ConnectionStatus => Page.Locator("#live-status");

    public ILocator AudienceCount => Page.Locator("#audience-count");

    public ILocator JoinQrCode => Page.GetByRole(AriaRole.Img, new() { NameRegex = QrAltText() });

    public ILocator NextButton => Page.GetByRole(AriaRole.Button, new() { Name = "Next" });

    /// <summary>Signs in through the real form with the test key, then opens the console of <paramref name="code"/> (default session when null).</summary>
    public static async Task<PresenterPage> SignInAsync(IPage page, string? code = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/presenter/sign-in");
        await page.GetByLabel("Presenter key").FillAsync(AppServer.PresenterKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PresenterHome());
        if (code is not null)
        {
            await page.GotoAsync($"/presenter/{code}");
        }

        var presenter = new PresenterPage(page);
        await presenter.ExpectLiveAsync();
        return presenter;
    }

    /// <summary>The join code shown in the header chip ("Code TESTAB").</summary>
    public async Task<string> CodeAsync()
    {
        var chip = await Page.GetByTitle("Join code").InnerTextAsync();
        return chip.Replace("Code", string.Empty, StringComparison.Ordinal).Trim();
    }

    /// <summary>Starts a new session for a deck from the console's form, and returns its code once its console is live.</summary>
    public async Task<string> StartSessionAsync(string deck)
    {
        await Page.GetByText("Sessions and decks").ClickAsync();
        await Page.GetByLabel("Start a new session for").SelectOptionAsync(deck);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Started session" })).ToBeVisibleAsync();
        var code = await CodeAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/presenter/{code}$"));
        await ExpectLiveAsync();
        return code;
    }

    public Task ExpectLiveAsync(float? timeoutMs = null) =>
        Expect(ConnectionStatus).ToHaveTextAsync("Live", new() { Timeout = timeoutMs });

    /// <summary>The keyboard, as a speaker or a clicker drives the talk.</summary>
    public Task NextAsync() => Page.Keyboard.PressAsync("ArrowRight");

    public Task PreviousAsync() => Page.Keyboard.PressAsync("ArrowLeft");

    public Task FirstAsync() => Page.Keyboard.PressAsync("Home");

    /// <summary>Waits until the console shows slide <paramref name="number"/> (1-based).</summary>
    public async Task ExpectSlideAsync(int number)
    {
        await Expect(NowShowing).ToContainTextAsync(GettingStartedDeck.Position(number));
        await Expect(CurrentSlide.GetByRole(AriaRole.Heading).First).ToHaveTextAsync(GettingStartedDeck.Heading(number));
    }

    /// <summary>Follows the console's "Open projector view" link, which opens a second window.</summary>
    public async Task<ProjectorPage> OpenProjectorAsync()
    {
        var popup = await Page.RunAndWaitForPopupAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Open projector view" }).ClickAsync());
        var projector = new ProjectorPage(popup);
        await projector.ExpectConnectedAsync();
        return projector;
    }

    /// <summary>Waits until the console shows slide <paramref name="number"/> (1-based) of the talk.</summary>
    public async Task ExpectTalkSlideAsync(int number)
    {
        await Expect(NowShowing).ToContainTextAsync(TalkDeck.Position(number));
        await Expect(CurrentSlide.GetByRole(AriaRole.Heading).First).ToHaveTextAsync(TalkDeck.Heading(number));
    }

    // ---- Overview ----

    /// <summary>The overview dialog (O or the Overview button): every slide by number and title, searchable.</summary>
    public ILocator Overview => Page.GetByRole(AriaRole.Dialog, new() { Name = "Slides" });

    public ILocator OverviewSearch => Overview.GetByRole(AriaRole.Searchbox, new() { Name = "Search the slides' text" });

    /// <summary>The overview's slides; those the search leaves out are hidden.</summary>
    public ILocator OverviewSlides => Overview.GetByRole(AriaRole.List).GetByRole(AriaRole.Listitem);

    /// <summary>Jumps to slide <paramref name="number"/> (1-based) through the overview, as a speaker does out of order.</summary>
    public async Task GoToSlideAsync(int number)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Overview", Exact = true }).ClickAsync();
        await Expect(Overview).ToBeVisibleAsync();
        await OverviewSlides.Nth(number - 1).GetByRole(AriaRole.Button).ClickAsync();
        await Expect(Overview).ToBeHiddenAsync();
        await Expect(NowShowing).ToContainTextAsync(new Regex($"Slide {number} of \\d+"));
    }

    // ---- Polls panel ----

    public ILocator PollList => Page.GetByRole(AriaRole.List, new() { Name = "Polls of this deck" });

    /// <summary>A poll's entry in the Polls panel: its question, state, buttons and live counts.</summary>
    /// <remarks>Not an exact name: the open poll's heading reads "… · open".</remarks>
    public ILocator Poll(string question) =>
        PollList.GetByRole(AriaRole.Listitem).Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = question }) });

    /// <summary>A poll's entry found by the poll's id (its "Results page" link ends with it).</summary>
    public ILocator PollById(string id) =>
        PollList.GetByRole(AriaRole.Listitem).Filter(new() { Has = Page.Locator($"a[href$='/{id}']") });

    /// <summary>A button of a poll's entry: "Open", "Close", "Show results", "Hide results", "Reset…".</summary>
    public ILocator PollButton(string question, string name) => Poll(question).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>The live chart row of an option in a poll's entry, e.g. to read "2 · 67%".</summary>
    public ILocator PollRow(string question, string label) =>
        Poll(question).Locator(".poll-item-chart").GetByRole(AriaRole.Listitem).Filter(new() { HasText = label });

    /// <summary>Opens a poll from the panel and waits until the console says it is open.</summary>
    public async Task OpenPollAsync(string question)
    {
        await PollButton(question, "Open").ClickAsync();
        await Expect(PollButton(question, "Close")).ToBeVisibleAsync();
    }

    /// <summary>Goes to a poll's slide and makes sure the poll is open (it may open by itself there).</summary>
    public async Task GoToPollAsync(DeckPoll poll)
    {
        ArgumentNullException.ThrowIfNull(poll);
        await GoToSlideAsync(poll.Slide);
        if (poll.AutoOpen)
        {
            await Expect(PollButton(poll.Question, "Close")).ToBeVisibleAsync();
        }
        else
        {
            await OpenPollAsync(poll.Question);
        }
    }

    /// <summary>Shows a poll's results to the room and waits until the console says so.</summary>
    public async Task ShowPollResultsAsync(string question)
    {
        await PollButton(question, "Show results").ClickAsync();
        await Expect(Poll(question)).ToContainTextAsync("results shown to the room");
    }

    // ---- Questions panel ----

    public ILocator ModerationList => Page.GetByRole(AriaRole.List, new() { Name = "All questions" });

    /// <summary>Asks the server for the next page of the moderation queue; shown only while there are more.</summary>
    public ILocator LoadMoreQuestions => Page.GetByRole(AriaRole.Button, new() { Name = "Load more questions" });

    /// <summary>The panel entry of the question whose text is exactly <paramref name="text"/>.</summary>
    public ILocator ModerationItem(string text) =>
        ModerationList.GetByRole(AriaRole.Listitem).Filter(new() { Has = Page.GetByText(text, new() { Exact = true }) });

    /// <summary>Presses a moderation button ("Approve", "Pin", "Answer now", "Mark answered", …) of a question.</summary>
    public Task ModerateAsync(string text, string action) =>
        ModerationItem(text).GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();

    /// <summary>The Q&amp;A controls' switch: on, phones may ask; off, they see "Questions are closed".</summary>
    public ILocator QuestionsOpenSwitch => Page.GetByRole(AriaRole.Switch, new() { Name = "Questions open" });

    /// <summary>Slow mode: "Off", "30 seconds", "1 minute", … (one question per phone in that time).</summary>
    public ILocator SlowMode => Page.GetByRole(AriaRole.Combobox, new() { Name = "Slow mode" });

    /// <summary>The phones blocked from a question's "Block phone…", each with "Unblock".</summary>
    public ILocator BlockedPhones => Page.GetByRole(AriaRole.List, new() { Name = "Blocked phones" });

    /// <summary>"Block phone…" on the question shown as <paramref name="text"/>, confirming the dialog it opens.</summary>
    public async Task BlockPhoneAsync(string text)
    {
        EventHandler<IDialog> accept = async (_, dialog) => await dialog.AcceptAsync();
        Page.Dialog += accept;
        try
        {
            await ModerateAsync(text, "Block phone…");
            await Expect(BlockedPhones.GetByRole(AriaRole.Listitem).Filter(new() { HasText = text })).ToBeVisibleAsync();
        }
        finally
        {
            Page.Dialog -= accept;
        }
    }

    // ---- End of the talk ----

    public ILocator TalkStatus => Page.Locator("#talk-status");

    /// <summary>The erase confirmation, with the counts of what will go.</summary>
    public ILocator EraseDialog => Page.GetByRole(AriaRole.Dialog, new() { Name = "Erase what the audience sent?" });

    /// <summary>"End the talk", accepting the browser's confirmation.</summary>
    public async Task EndTalkAsync()
    {
        EventHandler<IDialog> accept = async (_, dialog) => await dialog.AcceptAsync();
        Page.Dialog += accept;
        try
        {
            await Page.GetByRole(AriaRole.Button, new() { Name = "End the talk" }).ClickAsync();
            await Expect(TalkStatus).ToContainTextAsync("Ended at");
        }
        finally
        {
            Page.Dialog -= accept;
        }
    }

    /// <summary>Opens the erase confirmation and waits for its counts.</summary>
    public async Task OpenEraseAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Erase audience data…" }).ClickAsync();
        await Expect(EraseDialog).ToBeVisibleAsync();
    }

    /// <summary>The dialog "Edit…" opens on a question.</summary>
    public ILocator EditQuestionDialog => Page.GetByRole(AriaRole.Dialog, new() { Name = "Edit the question" });

    /// <summary>Opens "Edit…" on the question shown as <paramref name="text"/>, replaces its text and saves.</summary>
    public async Task EditQuestionAsync(string text, string newText)
    {
        await ModerateAsync(text, "Edit…");
        await Expect(EditQuestionDialog).ToBeVisibleAsync();
        await EditQuestionDialog.GetByLabel("Question").FillAsync(newText);
        await EditQuestionDialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(EditQuestionDialog).ToBeHiddenAsync();
    }

    [GeneratedRegex("/presenter$")]
    private static partial Regex PresenterHome();

    [GeneratedRegex("^QR code for ")]
    private static partial Regex QrAltText();
}
