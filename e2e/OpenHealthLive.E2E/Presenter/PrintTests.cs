using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Presenter;

[Collection(LiveAppCollectionDefinition.Name)]
public sealed partial class PrintTests(LiveAppFixture app, BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private AppServer Server => app.Server;

    [Theory]
    [InlineData("")]
    [InlineData("?notes=true")]
    public Task Saving_the_print_view_as_PDF_gives_one_page_per_slide(string query) => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(TalkDeck.Slug);

        var page = presenter.Page;
        var response = await page.GotoAsync($"/presenter/{code}/print{query}");
        Assert.Equal(200, response?.Status);
        await Expect(page.GetByRole(AriaRole.Region, new() { NameRegex = SlideRegion() })).ToHaveCountAsync(TalkDeck.SlideCount);
        await page.EvaluateAsync("() => Promise.all([document.fonts.ready, ...[...document.images].map((img) => img.decode().catch(() => null))])");

        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });

        // Uncompressed PDF dictionaries: one "/Type /Page" per page; the page tree's node is "/Type /Pages".
        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        Assert.Equal(TalkDeck.SlideCount, PageObject().Count(text));
        // The page size comes from the stylesheet's @page: 13.333 × 7.5 inches, 16:9, in points.
        var sizes = MediaBox().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.True(sizes.Count == 1 && sizes[0].Contains("960 540", StringComparison.Ordinal), "Page sizes: " + string.Join(", ", sizes));
    }, $"{nameof(Saving_the_print_view_as_PDF_gives_one_page_per_slide)}({(query.Length == 0 ? "slides" : "notes")})");

    [GeneratedRegex("^Slide \\d+$")]
    private static partial Regex SlideRegion();

    [GeneratedRegex(@"/Type\s*/Page(?![A-Za-z])")]
    private static partial Regex PageObject();

    [GeneratedRegex(@"/MediaBox\s*\[[^\]]*\]")]
    private static partial Regex MediaBox();
}
