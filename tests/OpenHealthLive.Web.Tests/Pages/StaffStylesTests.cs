using System.Net;
using System.Text.RegularExpressions;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Pages;

/// <summary>
/// The staff's screens have their own style sheet, so that a phone's first load carries none of their rules
/// (docs/benchmarks.md, "The audience page's weight"): the audience pages link site.css only, every staff page
/// links staff.css as well.
/// </summary>
public sealed partial class StaffStylesTests : IDisposable
{
    private readonly OpenHealthLiveFactory _factory = new();

    [Theory]
    [InlineData("/")]
    [InlineData($"/j/{OpenHealthLiveFactory.DefaultCode}")]
    [InlineData("/privacy")]
    public async Task An_audience_page_links_the_shared_style_sheet_and_not_the_staff_one(string path)
    {
        using var client = _factory.CreatePlainClient();
        var sheets = StyleSheets(await client.GetStringAsync(path));

        Assert.Equal(["site.css"], sheets);
    }

    [Theory]
    [InlineData("/presenter/sign-in", false)]
    [InlineData("/presenter/join", false)]
    [InlineData($"/presenter/{OpenHealthLiveFactory.DefaultCode}", true)]
    [InlineData($"/presenter/{OpenHealthLiveFactory.DefaultCode}/projector", true)]
    [InlineData($"/presenter/{OpenHealthLiveFactory.DefaultCode}/questions-board", true)]
    [InlineData($"/presenter/{OpenHealthLiveFactory.DefaultCode}/remote", true)]
    [InlineData($"/presenter/{OpenHealthLiveFactory.DefaultCode}/moderate", true)]
    [InlineData($"/presenter/{OpenHealthLiveFactory.DefaultCode}/captions", true)]
    [InlineData($"/presenter/{OpenHealthLiveFactory.DefaultCode}/print", true)]
    [InlineData("/organiser", true)]
    public async Task A_staff_page_links_the_staff_style_sheet_after_the_shared_one(string path, bool signedIn)
    {
        using var client = _factory.CreatePlainClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (signedIn)
        {
            request.Headers.Add("Cookie", await _factory.SignInAsync());
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sheets = StyleSheets(await response.Content.ReadAsStringAsync());

        Assert.Equal(["site.css", "staff.css"], sheets.Take(2));
    }

    [Fact]
    public async Task The_rules_of_the_staff_screens_are_in_the_staff_style_sheet_only()
    {
        using var client = _factory.CreatePlainClient();
        // As served: minified, so "selector{" with no space (Regex below).
        var site = Braces().Replace(await client.GetStringAsync("/css/site.css"), "{");
        var staff = Braces().Replace(await client.GetStringAsync("/css/staff.css"), "{");

        // One rule each of the console, the projector, the Q&A board, the remote, the organiser's programme and the moderation list.
        foreach (var selector in new[] { ".presenter-grid{", ".qr-overlay{", ".qna-board{", ".remote-main{", "table.programme{", ".moderation-item{" })
        {
            Assert.DoesNotContain(selector, site, StringComparison.Ordinal);
            Assert.Contains(selector, staff, StringComparison.Ordinal);
        }

        // The phone's own rules stay where the phone gets them.
        foreach (var selector in new[] { ".audience-bar{", ".poll-choice", ".chart-bars", ".slide .footnotes{", ".my-data" })
        {
            Assert.Contains(selector, site, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>The style sheets a page links, in order, without their fingerprints (site.abc123.css → site.css).</summary>
    private static List<string> StyleSheets(string html) =>
        [.. StyleSheetLink().Matches(html).Select(m => m.Groups[1].Value + ".css")];

    [GeneratedRegex(@"\s*\{")]
    private static partial Regex Braces();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"/css/([a-z-]+)(?:\\.[a-z0-9]+)?\\.css\"")]
    private static partial Regex StyleSheetLink();
}
