using System.Net;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Security;

/// <summary>
/// Attendees try wrong presenter keys: to guess the key, or to lock the presenter out of signing in. Behind the
/// venue's NAT the presenter shares the attendees' address.
/// </summary>
public sealed class SignInThrottleAttackTests : IDisposable
{
    private static readonly IPAddress Venue = IPAddress.Parse("127.0.0.3");

    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task An_attendee_at_the_presenters_address_cannot_lock_out_a_device_that_has_signed_in_before()
    {
        var server = _factory.StartOnKestrel();
        using var laptop = new Browser(RealServer.Client(server, Venue));
        using (var first = await laptop.SignInAsync(OpenHealthLiveFactory.PresenterKey))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        // The sign-in ends (signed out, expired); the laptop keeps whatever else the site gave it.
        laptop.Forget("ohl.presenter");

        using var attendee = new Browser(RealServer.Client(server, Venue));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GuessUntilRefusedAsync(attendee, 10))[^1]);

        using var again = await laptop.SignInAsync(OpenHealthLiveFactory.PresenterKey);
        Assert.True(again.StatusCode == HttpStatusCode.Redirect, $"The presenter's laptop was locked out by an attendee at its address: {(int)again.StatusCode} {await again.Content.ReadAsStringAsync()}");
        Assert.NotNull(laptop.Cookie("ohl.presenter"));

        // A device that never signed in at that address waits, and is told for how long.
        using var newcomer = new Browser(RealServer.Client(server, Venue));
        using var refused = await newcomer.SignInAsync(OpenHealthLiveFactory.PresenterKey);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Matches("Wait [0-9]+ seconds", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_keys_from_many_addresses_set_off_a_global_back_off_that_a_known_device_passes()
    {
        _factory.Settings["Presenter:SignInFailuresPerMinute"] = "3";
        var server = _factory.StartOnKestrel();
        using var laptop = new Browser(RealServer.Client(server, IPAddress.Parse("127.0.0.9")));
        using (var first = await laptop.SignInAsync(OpenHealthLiveFactory.PresenterKey))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        laptop.Forget("ohl.presenter");

        // One wrong key from each of many addresses: no address comes near its own limit.
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 10 && refused is null; i++)
        {
            using var attacker = new Browser(RealServer.Client(server, IPAddress.Parse($"127.0.0.{20 + i}")));
            var response = await attacker.SignInAsync($"guess-{i}");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.True(refused is not null, $"Wrong keys from ten addresses were all checked: {string.Join(", ", statuses)}.");
        using (refused)
        {
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Matches("Wait [0-9]+ seconds", await refused.Content.ReadAsStringAsync());
        }

        // Meanwhile even the right key from a new device is not checked (or guessing would go on), ...
        using var stranger = new Browser(RealServer.Client(server, IPAddress.Parse("127.0.0.40")));
        using (var right = await stranger.SignInAsync(OpenHealthLiveFactory.PresenterKey))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        }

        // ... but the presenter's known device signs in.
        using var again = await laptop.SignInAsync(OpenHealthLiveFactory.PresenterKey);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task A_key_in_the_query_string_is_refused_and_never_checked()
    {
        using var browser = new Browser(_factory.CreatePlainClient());
        var key = Uri.EscapeDataString(OpenHealthLiveFactory.PresenterKey);
        foreach (var (action, form) in new (string, Dictionary<string, string>)[]
        {
            ($"/presenter/sign-in?Key={key}", new()),
            ($"/presenter/sign-in?key={key}", new() { ["Key"] = OpenHealthLiveFactory.PresenterKey }),
            ($"/presenter/sign-in?ReturnUrl=%2Fpresenter&KEY={key}", new()),
        })
        {
            using var response = await browser.PostFormAsync("/presenter/sign-in", action, form);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {action.Split('?')[0]}?…{key[..4]}… answered {(int)response.StatusCode}.");
            Assert.Contains("not checked", body, StringComparison.Ordinal);
            Assert.Null(browser.Cookie("ohl.presenter"));
        }

        // Opened with a key in its address, the page says so, and its form posts to the page without the address's query.
        using (var page = await browser.GetAsync($"/presenter/sign-in?key={key}&ReturnUrl=%2Fpresenter"))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
            Assert.Contains("not checked", html, StringComparison.Ordinal);
            Assert.Contains("action=\"/presenter/sign-in\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain(key, html, StringComparison.Ordinal);
        }

        // The form itself works.
        using var signIn = await browser.SignInAsync(OpenHealthLiveFactory.PresenterKey);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    public void Dispose() => _factory.Dispose();

    private static async Task<List<HttpStatusCode>> GuessUntilRefusedAsync(Browser browser, int most)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= most && !statuses.Contains(HttpStatusCode.TooManyRequests); i++)
        {
            using var response = await browser.SignInAsync($"guess-{i}");
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
