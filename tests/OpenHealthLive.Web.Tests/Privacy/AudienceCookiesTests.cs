using System.Net;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Privacy;

/// <summary>
/// A phone gets only the cookies docs/privacy.md lists: the device cookie on the talk page (and the language cookie
/// when it picks a language). The audience pages post no form to the server, so they carry no antiforgery token and
/// set no antiforgery cookie: one cookie fewer for the DPO, and no "Cache-Control overridden" warning in the log for
/// every phone that opens the talk.
/// </summary>
public sealed class AudienceCookiesTests : IDisposable
{
    private static readonly string[] PhoneCookies = ["ohl.device", "ohl-language"];
    private readonly OpenHealthLiveFactory _factory = new();

    [Theory]
    [InlineData("/")]
    [InlineData("/?code=ZZZZZZ")]
    [InlineData("/j/" + OpenHealthLiveFactory.DefaultCode)]
    [InlineData("/j/ZZZZZZ")]
    [InlineData("/privacy")]
    public async Task An_audience_page_sets_no_antiforgery_cookie_and_carries_no_token(string path)
    {
        using var client = _factory.CreatePlainClient();
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(c => c.Split('=')[0]).ToList() : [];
        Assert.DoesNotContain(cookies, name => name.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
        Assert.All(cookies, name => Assert.Contains(name, PhoneCookies));
    }

    [Fact]
    public async Task The_talk_page_is_not_stored_by_caches_and_says_so_once()
    {
        using var client = _factory.CreatePlainClient();
        using var response = await client.GetAsync("/j/" + OpenHealthLiveFactory.DefaultCode);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.False(response.Headers.Contains("Pragma"));
    }

    public void Dispose() => _factory.Dispose();
}
