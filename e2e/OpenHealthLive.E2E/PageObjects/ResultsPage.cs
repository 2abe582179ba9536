using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.PageObjects;

/// <summary>A poll's results page (<c>/p/{code}/{pollId}</c>): the chart and the numbers as a table.</summary>
public sealed class ResultsPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Chart => Page.Locator("#results-chart figure");

    public ILocator Table => Page.GetByRole(AriaRole.Table, new() { Name = "The numbers" });

    /// <summary>Opens the page and waits until the chart is drawn.</summary>
    public static async Task<ResultsPage> OpenAsync(IPage page, string code, string pollId)
    {
        ArgumentNullException.ThrowIfNull(page);
        var response = await page.GotoAsync($"/p/{code}/{pollId}");
        if (response?.Status != 200)
        {
            throw new InvalidOperationException($"/p/{code}/{pollId} answered {response?.Status}.");
        }

        var results = new ResultsPage(page);
        await Expect(results.Chart).ToBeVisibleAsync();
        return results;
    }
}
