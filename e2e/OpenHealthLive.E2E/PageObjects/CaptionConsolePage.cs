using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.PageObjects;

/// <summary>The caption console (<c>/presenter/{code}/captions</c>): a captioner's, the speaker's or the organiser's.</summary>
public sealed partial class CaptionConsolePage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Input => Page.GetByRole(AriaRole.Textbox, new() { NameRegex = TypeWhatIsSaid() });

    /// <summary>The lines sent, as the server stored them.</summary>
    public ILocator Sent => Page.GetByRole(AriaRole.List, new() { Name = "Sent" });

    /// <summary>What the phones show of the line being typed.</summary>
    public ILocator PhonesSee => Page.Locator("#caption-draft-echo");

    /// <summary>The slide the room sees, as the console shows it.</summary>
    public ILocator RoomSees => Page.GetByRole(AriaRole.Region, new() { NameRegex = RoomSeesHeading() });

    public static async Task<CaptionConsolePage> OpenAsync(IPage page, string url)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(url);
        var console = new CaptionConsolePage(page);
        await Expect(page).ToHaveURLAsync(new Regex("/presenter/[A-Z0-9]+/captions$"));
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("Live");
        return console;
    }

    /// <summary>Types as a person does, key by key, without sending the line.</summary>
    public async Task TypeAsync(string text)
    {
        await Input.FocusAsync();
        await Input.PressSequentiallyAsync(text, new() { Delay = 15 });
    }

    /// <summary>Sends the line typed so far (Enter) and waits until the server has it.</summary>
    public async Task SendAsync(string expected)
    {
        await Input.PressAsync("Enter");
        await Expect(Sent.GetByRole(AriaRole.Listitem).Filter(new() { HasText = expected }).Last).ToHaveAttributeAsync("data-state", "sent");
    }

    [GeneratedRegex("^Type what is said")]
    private static partial Regex TypeWhatIsSaid();

    [GeneratedRegex("^The room sees")]
    private static partial Regex RoomSeesHeading();
}
