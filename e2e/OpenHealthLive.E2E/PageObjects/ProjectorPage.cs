using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.PageObjects;

/// <summary>The projector view (<c>/presenter/{code}/projector</c>): the slide full screen, Q for the join QR code.</summary>
public sealed class ProjectorPage(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>The page's main element; it carries the connection state in <c>data-connection</c> (nothing is shown on the screen).</summary>
    public ILocator Main => Page.GetByRole(AriaRole.Main);

    public ILocator Slide => Page.GetByRole(AriaRole.Article);

    public ILocator SlideHeading => Slide.GetByRole(AriaRole.Heading).First;

    public ILocator QrOverlay => Page.GetByRole(AriaRole.Dialog, new() { Name = "Follow along on your phone" });

    public ILocator QrCode => QrOverlay.GetByRole(AriaRole.Img);

    /// <summary>"Q: QR code · F: full screen": shown on opening, faded out after a few seconds.</summary>
    public ILocator KeyHint => Page.GetByText("Q: QR code");

    /// <summary>Opens the projector view in a page whose context is signed in as the presenter.</summary>
    public static async Task<ProjectorPage> OpenAsync(IPage page, string code)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync($"/presenter/{code}/projector");
        var projector = new ProjectorPage(page);
        await projector.ExpectConnectedAsync();
        return projector;
    }

    public Task ExpectConnectedAsync() => Expect(Main).ToHaveAttributeAsync("data-connection", "live");

    public Task PressAsync(string key) => Page.Keyboard.PressAsync(key);

    /// <summary>Waits until the key hint has faded out completely, as it is for the rest of a talk.</summary>
    public Task ExpectKeyHintFadedAsync() => Expect(KeyHint).ToHaveCSSAsync("opacity", "0");

    /// <summary>Waits until the projector shows slide <paramref name="number"/> (1-based).</summary>
    public Task ExpectSlideAsync(int number) => Expect(SlideHeading).ToHaveTextAsync(GettingStartedDeck.Heading(number));

    /// <summary>Waits until the projector shows slide <paramref name="number"/> (1-based) of the talk.</summary>
    public Task ExpectTalkSlideAsync(int number) => Expect(SlideHeading).ToHaveTextAsync(TalkDeck.Heading(number));

    /// <summary>The question being answered, shown large over the slide.</summary>
    public ILocator AnsweringBanner => Page.Locator("#answering-banner");

    public ILocator AnsweringText => AnsweringBanner.Locator(".answering-text");

    /// <summary>The poll card on the slide; it shows the number of answers while open and the chart once shown.</summary>
    public ILocator PollCard => Slide.Locator("figure.poll[data-poll-id]");

    /// <summary>The chart row of an option, an item or a word on the poll card.</summary>
    public ILocator ResultRow(string label) => PollCard.Locator(".poll-live").GetByRole(AriaRole.Listitem).Filter(new() { HasText = label });
}
