using System.Net;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Pages;

public sealed class PageTests : IDisposable
{
    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task The_home_page_offers_a_form_to_type_a_code()
    {
        using var client = _factory.CreatePlainClient();
        var html = await client.GetStringAsync("/");
        Assert.Contains("<label for=\"code\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"code\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("testab")]
    [InlineData(" TEST-AB ")]
    [InlineData("te st ab")]
    public async Task A_typed_code_in_any_case_leads_to_the_audience_page(string typed)
    {
        using var client = _factory.CreatePlainClient();
        using var response = await client.GetAsync("/?code=" + Uri.EscapeDataString(typed));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/j/{OpenHealthLiveFactory.DefaultCode}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_malformed_code_is_explained_on_the_home_page()
    {
        using var client = _factory.CreatePlainClient();
        using var response = await client.GetAsync("/?code=TEST0B");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("never contain", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_code_gets_a_friendly_page_with_status_404()
    {
        using var client = _factory.CreatePlainClient();
        using var typed = await client.GetAsync("/?code=ZZZZZZ");
        Assert.Equal(HttpStatusCode.NotFound, typed.StatusCode);
        Assert.Contains("No talk is using the code ZZZZZZ", await typed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var linked = await client.GetAsync("/j/ZZZZZZ");
        Assert.Equal(HttpStatusCode.NotFound, linked.StatusCode);
        var html = await linked.Content.ReadAsStringAsync();
        Assert.Contains("No talk with this code", html, StringComparison.Ordinal);
        Assert.Contains("name=\"code\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audience_page_holds_the_current_slide_before_any_script_runs()
    {
        using var client = _factory.CreatePlainClient();
        var html = await client.GetStringAsync($"/j/{OpenHealthLiveFactory.DefaultCode.ToLowerInvariant()}");
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("Presenting with OpenHealthLive", html, StringComparison.Ordinal);
        Assert.Contains("data-version=", html, StringComparison.Ordinal);
        Assert.Contains("Slide 1 of 8", html, StringComparison.Ordinal);
        // Slides ahead are not in the page.
        Assert.DoesNotContain("Drive the talk", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_sends_a_content_security_policy_without_inline_scripts()
    {
        using var client = _factory.CreatePlainClient();
        foreach (var path in new[] { "/", $"/j/{OpenHealthLiveFactory.DefaultCode}", "/presenter/sign-in", "/j/ZZZZZZ" })
        {
            using var response = await client.GetAsync(path);
            var csp = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task Static_assets_and_browser_libraries_are_served()
    {
        using var client = _factory.CreatePlainClient();
        foreach (var path in new[] { "/lib/signalr/signalr.min.js", "/js/audience.js", "/js/live-connection.js", "/css/site.css", "/lib/fonts/atkinson-hyperlegible-400.woff2" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Health_endpoints_report_the_process_and_the_database()
    {
        using var client = _factory.CreatePlainClient();
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
        Assert.Equal("ready", await client.GetStringAsync("/readyz"));
    }

    public void Dispose() => _factory.Dispose();
}
