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

    [GeneratedRegex("/presenter$")]
    private static partial Regex PresenterHome();

    [GeneratedRegex("^QR code for ")]
    private static partial Regex QrAltText();
}
