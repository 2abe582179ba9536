using System.Net;
using Microsoft.Extensions.Logging;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Presenter;

/// <summary>
/// The staff's pages show the talk as it is now and carry antiforgery tokens (sign out, start a session): no cache may
/// keep them, and they say so the way antiforgery asks, so the log has no "Cache-Control overridden" warning every time
/// a speaker opens the console (issue 22: a first run that looks healthy).
/// </summary>
public sealed class StaffPageCachingTests : IDisposable
{
    private const string Code = OpenHealthLiveFactory.DefaultCode;
    private readonly OpenHealthLiveFactory _factory = new();

    [Theory]
    [InlineData("/presenter/sign-in")]
    [InlineData("/presenter/join")]
    [InlineData("/presenter/" + Code)]
    [InlineData("/presenter/" + Code + "/moderate")]
    [InlineData("/presenter/" + Code + "/captions")]
    [InlineData("/presenter/" + Code + "/remote")]
    [InlineData("/presenter/" + Code + "/projector")]
    [InlineData("/presenter/" + Code + "/questions-board")]
    [InlineData("/organiser")]
    public async Task A_staff_page_is_kept_by_no_cache_and_antiforgery_has_nothing_to_override(string path)
    {
        var cookie = await _factory.SignInAsync();
        using var client = _factory.CreatePlainClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { NoStore: true, NoCache: true }, $"{path}: Cache-Control {response.Headers.CacheControl}");
        Assert.DoesNotContain(_factory.Logs, l => l.Level >= LogLevel.Warning && l.Category.StartsWith("Microsoft.AspNetCore.Antiforgery", StringComparison.Ordinal));
    }

    public void Dispose() => _factory.Dispose();
}
