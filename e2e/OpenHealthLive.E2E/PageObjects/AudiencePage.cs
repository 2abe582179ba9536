using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.PageObjects;

/// <summary>The audience page on a phone (<c>/j/{code}</c>).</summary>
public sealed class AudiencePage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Slide => Page.GetByRole(AriaRole.Article, new() { Name = "Current slide" });

    public ILocator SlideHeading => Slide.GetByRole(AriaRole.Heading).First;

    /// <summary>"Slide 2 of 6" between the arrows: plain text, it has no role to find it by.</summary>
    public ILocator Position => Page.GetByRole(AriaRole.Navigation, new() { Name = "Slides" }).Locator("#position");

    /// <summary>The connection state: "Live", "Connecting…", "Reconnecting…" or "Offline".</summary>
    public ILocator ConnectionStatus => Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Status);

    public ILocator PreviousButton => Page.GetByRole(AriaRole.Button, new() { Name = "Previous slide" });

    public ILocator NextButton => Page.GetByRole(AriaRole.Button, new() { Name = "Next slide" });

    public ILocator BackToLiveButton => Page.GetByRole(AriaRole.Button, new() { Name = "Back to live" });

    /// <summary>Opens the join link of <paramref name="code"/> and waits until the phone follows live.</summary>
    public static async Task<AudiencePage> OpenAsync(IPage page, string code)
    {
        ArgumentNullException.ThrowIfNull(page);
        var response = await page.GotoAsync($"/j/{code}");
        if (response?.Status != 200)
        {
            throw new InvalidOperationException($"/j/{code} answered {response?.Status}.");
        }

        var audience = new AudiencePage(page);
        await audience.ExpectLiveAsync();
        return audience;
    }

    public Task ExpectLiveAsync(float? timeoutMs = null) =>
        Expect(ConnectionStatus).ToHaveTextAsync("Live", new() { Timeout = timeoutMs });

    /// <summary>Waits until the phone shows slide <paramref name="number"/> (1-based) of the getting-started deck.</summary>
    public async Task ExpectSlideAsync(int number)
    {
        await Expect(Position).ToHaveTextAsync(GettingStartedDeck.Position(number));
        await Expect(SlideHeading).ToHaveTextAsync(GettingStartedDeck.Heading(number));
    }
}
