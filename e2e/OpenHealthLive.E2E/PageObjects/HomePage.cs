using Microsoft.Playwright;

namespace OpenHealthLive.E2E.PageObjects;

/// <summary>The home page (<c>/</c>): type the code shown on the screen to join.</summary>
public sealed class HomePage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Name = "Join a live talk" });

    public ILocator CodeInput => Page.GetByLabel("Code on the screen");

    public ILocator JoinButton => Page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true });

    public ILocator Error => Page.GetByRole(AriaRole.Alert);

    public static async Task<HomePage> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/");
        return new HomePage(page);
    }

    /// <summary>Types a code and presses Join; returns the response of the page the form leads to.</summary>
    public async Task<IResponse> JoinAsync(string code)
    {
        await CodeInput.FillAsync(code);
        return await Page.RunAndWaitForResponseAsync(
            () => JoinButton.ClickAsync(),
            response => response.Request.IsNavigationRequest && response.Url.Contains("code=", StringComparison.Ordinal));
    }
}
