using Microsoft.Playwright;

namespace OpenHealthLive.E2E.PageObjects;

/// <summary>The speaker's drawing on a phone: a figure under the slide, with the slide as the screen showed it.</summary>
public sealed partial class AudiencePage
{
    /// <summary>The figure with the drawing (hidden while the slide shown has none).</summary>
    public ILocator Drawing => Page.GetByRole(AriaRole.Figure, new() { Name = "Drawn by the speaker on this slide" });

    /// <summary>The strokes in it.</summary>
    public ILocator Strokes => Page.Locator("figure.ink-figure svg.ink path");
}
