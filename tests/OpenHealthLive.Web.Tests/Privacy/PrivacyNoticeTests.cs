using System.Net;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Privacy;

/// <summary>
/// The short notice on the audience page and the full one at /privacy: what is stored, why, for how long, who the
/// data controller is and whom to ask, from the <c>Privacy:*</c> settings; and what it says when they are not set.
/// </summary>
public sealed class PrivacyNoticeTests : IDisposable
{
    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task The_audience_page_names_the_controller_the_contact_and_the_retention_period_and_links_to_the_full_notice()
    {
        _factory.Settings["Privacy:Controller"] = "St Example's NHS Foundation Trust";
        _factory.Settings["Privacy:ContactEmail"] = "dpo@example.nhs.uk";
        _factory.Settings["Privacy:RetentionDays"] = "14";
        using var client = _factory.CreatePlainClient();

        var html = await client.GetStringAsync($"/j/{OpenHealthLiveFactory.DefaultCode}");

        var notice = Section(html, "id=\"privacy-notice\"");
        Assert.Contains("St Example&#x27;s NHS Foundation Trust", notice, StringComparison.Ordinal);
        Assert.Contains("mailto:dpo@example.nhs.uk", notice, StringComparison.Ordinal);
        Assert.Contains("14 days after the talk ends", notice, StringComparison.Ordinal);
        Assert.Contains("href=\"/privacy", notice, StringComparison.Ordinal);
        Assert.Contains("no IP address", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_settings_the_notice_says_plainly_that_no_controller_has_been_named()
    {
        using var client = _factory.CreatePlainClient();

        var phonePage = await client.GetStringAsync($"/j/{OpenHealthLiveFactory.DefaultCode}");
        var fullNotice = await client.GetStringAsync("/privacy");

        Assert.Contains("has not named a data controller", Section(phonePage, "id=\"privacy-notice\""), StringComparison.Ordinal);
        Assert.Contains("has not named a data controller", fullNotice, StringComparison.Ordinal);
        Assert.Contains("30 days", fullNotice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_full_notice_says_what_is_stored_why_for_how_long_and_whom_to_ask()
    {
        _factory.Settings["Privacy:Controller"] = "Example University";
        _factory.Settings["Privacy:ContactUrl"] = "https://example.ac.uk/data-protection";
        _factory.Settings["Privacy:RetentionDays"] = "60";
        using var client = _factory.CreatePlainClient();

        using var response = await client.GetAsync("/privacy");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var expected in new[] { "Example University", "https://example.ac.uk/data-protection", "60 days", "IP address", "Forget me on this phone" })
        {
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Privacy:ContactEmail", "not an address")]
    [InlineData("Privacy:ContactUrl", "javascript:alert(1)")]
    [InlineData("Privacy:RetentionDays", "0")]
    public void A_privacy_setting_that_makes_no_sense_stops_the_start_and_names_the_setting(string key, string value)
    {
        _factory.Settings[key] = value;

        var failure = Assert.ThrowsAny<Exception>(() => _factory.CreatePlainClient());

        var messages = string.Join(" | ", Flatten(failure).Select(e => e.Message));
        Assert.Contains(key.Split(':')[1], messages, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The element that starts with <paramref name="marker"/>, up to its end tag (the notice has no nested asides).</summary>
    private static string Section(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"The page has no element with {marker}.");
        var end = html.IndexOf("</aside>", start, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }
}
