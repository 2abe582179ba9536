using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.PageObjects;

/// <summary>The phone's captions panel (CC in the page's bar).</summary>
public sealed partial class AudiencePage
{
    public ILocator CaptionsButton => Page.GetByRole(AriaRole.Button, new() { Name = $"CC {Word("Join.CaptionsToggle")}" });

    public ILocator CaptionsPanel => Page.GetByRole(AriaRole.Region, new() { Name = Word("Join.Captions"), Exact = true });

    /// <summary>The live region: committed lines that arrived while the panel was open, announced politely.</summary>
    public ILocator CaptionLog => CaptionsPanel.GetByRole(AriaRole.Log, new() { Name = Word("Js.CaptionLines") });

    /// <summary>Every committed line on the panel, loaded or arrived.</summary>
    public ILocator CaptionLines => CaptionsPanel.Locator(".caption-line");

    /// <summary>The line being typed: outside the live region, so a screen reader is not read every keystroke.</summary>
    public ILocator CaptionDraft => CaptionsPanel.Locator(".captions-draft");

    public ILocator LargerCaptionsButton => CaptionsPanel.GetByRole(AriaRole.Button, new() { NameRegex = LargerText() });

    [GeneratedRegex("larger caption text$")]
    private static partial Regex LargerText();

    /// <summary>Turns captions on with the CC button and waits until the panel is there.</summary>
    public async Task TurnCaptionsOnAsync()
    {
        await CaptionsButton.ClickAsync();
        await Expect(CaptionsButton).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(CaptionsPanel).ToBeVisibleAsync();
        await Expect(CaptionsPanel.GetByRole(AriaRole.Heading, new() { Name = Word("Join.Captions") })).ToBeVisibleAsync();
    }
}
