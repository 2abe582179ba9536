using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Security;

/// <summary>
/// Someone outside the room tries join codes until one answers, over the hub or over HTTP. Codes are short so
/// people can type them; what keeps them from being guessed is that a wrong one costs. A right one never does:
/// the room behind the venue's single address must keep joining while a guesser shares that address.
/// </summary>
public sealed class JoinCodeGuessingTests : IDisposable
{
    private static readonly IPAddress Venue = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress ElsewhereInTown = IPAddress.Parse("127.0.0.3");

    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task A_code_with_a_NUL_character_is_refused_as_malformed_on_the_home_page_and_the_hub()
    {
        using var client = _factory.CreatePlainClient();
        using var typed = await client.GetAsync("/?code=TESTA%00");
        var html = await typed.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        Assert.Contains("invisible character (U+0000)", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain('\0', html);

        await using var phone = await _factory.ConnectPhoneAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), "TESTA\0"));
        Assert.Contains("invisible character (U+0000)", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', refused.Message);
    }

    [Fact]
    public async Task Guessing_codes_on_one_hub_connection_is_stopped_after_the_limit_with_the_wait_in_the_message()
    {
        _factory.Settings["JoinCodes:FailedLookupsPerConnectionPerMinute"] = "5";
        _factory.Settings["JoinCodes:FailedLookupsPerIpPerMinute"] = "1000";
        await using var guesser = await _factory.ConnectPhoneAsync();
        await guesser.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), OpenHealthLiveFactory.DefaultCode);

        var answers = new List<string>();
        foreach (var guess in Guesses().Take(8))
        {
            var error = await Assert.ThrowsAsync<HubException>(() => guesser.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), guess));
            answers.Add(error.Message);
        }

        Assert.All(answers.Take(5), a => Assert.Contains("There is no session with code", a, StringComparison.Ordinal));
        AssertThrottled(answers[^1], "this connection");

        // The code this phone already follows still works on the throttled connection (a reconnecting phone
        // joins again with it); a real code it never used is refused exactly like a wrong one, so the
        // throttled connection cannot tell them apart.
        var state = await guesser.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), OpenHealthLiveFactory.DefaultCode.ToLowerInvariant());
        Assert.Equal(OpenHealthLiveFactory.DefaultCode, state.Code);
        var other = await StartAnotherSessionAsync();
        AssertThrottled((await Assert.ThrowsAsync<HubException>(() => guesser.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), other))).Message, "this connection");

        // Another phone is another connection.
        await using var neighbour = await _factory.ConnectPhoneAsync();
        Assert.Equal(other, (await neighbour.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), other)).Code);
    }

    [Fact]
    public async Task Guessing_codes_over_HTTP_from_one_address_is_stopped_while_the_room_and_other_addresses_still_join()
    {
        _factory.Settings["JoinCodes:FailedLookupsPerIpPerMinute"] = "5";
        var server = _factory.StartOnKestrel();
        var other = await StartAnotherSessionAsync();

        // The room behind the venue's address has joined the talk before the guessing starts.
        using var room = RealServer.Client(server, Venue);
        using (var joined = await room.GetAsync(new Uri($"/j/{OpenHealthLiveFactory.DefaultCode}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        }

        using var guesser = RealServer.Client(server, Venue);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        foreach (var guess in Guesses().Take(8))
        {
            last?.Dispose();
            last = await guesser.GetAsync(new Uri($"/api/sessions/{guess}", UriKind.Relative));
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After says how long to wait");
        using (var problem = JsonDocument.Parse(await last.Content.ReadAsStringAsync()))
        {
            AssertThrottled(problem.RootElement.GetProperty("detail").GetString()!, "your network");
        }

        last.Dispose();

        // Every way of asking about a code is closed to the guesser's address, real codes it never used included:
        // a throttled answer says nothing about whether the code exists.
        foreach (var path in new[] { $"/j/{other}", $"/api/sessions/{other}", $"/?code={other}", $"/p/{other}/polls.json", $"/j/{other}/qr.svg", "/j/ZZZZ22" })
        {
            using var response = await guesser.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(HttpStatusCode.TooManyRequests == response.StatusCode, $"{path}: {(int)response.StatusCode}");
        }

        // The talk the room follows still opens from the venue's address, for phones arriving late too.
        using (var late = await room.GetAsync(new Uri($"/j/{OpenHealthLiveFactory.DefaultCode.ToLowerInvariant()}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        }

        // Other addresses are not affected.
        using var elsewhere = RealServer.Client(server, ElsewhereInTown);
        using (var joined = await elsewhere.GetAsync(new Uri($"/j/{other}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        }

        // The hub shares the address's count: the guesser cannot move to it.
        await using var hub = RealServer.Hub(server, from: Venue);
        await hub.StartAsync();
        AssertThrottled((await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), "ZZZZ33"))).Message, "your network");
        Assert.Equal(OpenHealthLiveFactory.DefaultCode, (await hub.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), OpenHealthLiveFactory.DefaultCode)).Code);
    }

    [Fact]
    public async Task A_throttled_phone_is_told_on_the_page_how_long_to_wait()
    {
        _factory.Settings["JoinCodes:FailedLookupsPerIpPerMinute"] = "2";
        var server = _factory.StartOnKestrel();
        using var phone = RealServer.Client(server, Venue);
        foreach (var guess in Guesses().Take(2))
        {
            using var wrong = await phone.GetAsync(new Uri($"/?code={guess}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/j/ZZZZ44");
        request.Headers.Add("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var throttled = await phone.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.StartsWith("text/html", throttled.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        AssertThrottled(WebUtility.HtmlDecode(await throttled.Content.ReadAsStringAsync()), "your network");
    }

    [Fact]
    public async Task The_presenter_behind_a_throttled_address_is_never_slowed_and_opens_new_talks_to_it()
    {
        _factory.Settings["JoinCodes:FailedLookupsPerIpPerMinute"] = "3";
        var server = _factory.StartOnKestrel();
        using var guesser = RealServer.Client(server, Venue);
        foreach (var guess in Guesses().Take(4))
        {
            using var _ = await guesser.GetAsync(new Uri($"/api/sessions/{guess}", UriKind.Relative));
        }

        using (var throttled = await guesser.GetAsync(new Uri($"/j/{OpenHealthLiveFactory.DefaultCode}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        }

        // The presenter's laptop is on the same venue network. Its lookups are never throttled and never counted.
        using var laptop = RealServer.Client(server, Venue);
        var presenterCookie = await OpenHealthLiveFactory.SignInAsync(laptop);
        var other = await StartAnotherSessionAsync();
        foreach (var path in new[] { $"/presenter/{OpenHealthLiveFactory.DefaultCode}", $"/presenter/{other}", $"/api/sessions/{other}" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", presenterCookie);
            using var response = await laptop.SendAsync(request);
            Assert.True(HttpStatusCode.OK == response.StatusCode, $"{path}: {(int)response.StatusCode}");
        }

        await using var console = RealServer.Hub(server, presenterCookie, Venue);
        await console.StartAsync();
        Assert.Contains("There is no session with code", (await Assert.ThrowsAsync<HubException>(() => console.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), "ZZZZ55"))).Message, StringComparison.Ordinal);

        // Phones at the venue can now join both talks the presenter opened there.
        using var phone = RealServer.Client(server, Venue);
        foreach (var code in new[] { OpenHealthLiveFactory.DefaultCode, other })
        {
            using var joined = await phone.GetAsync(new Uri($"/j/{code}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        }
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>Well-formed codes that no session uses (the test's sessions are TESTAB and one made by the app).</summary>
    private IEnumerable<string> Guesses()
    {
        var taken = _factory.GetService<LiveSessionService>().ListAsync(CancellationToken.None).GetAwaiter().GetResult().Select(s => s.Code).ToHashSet();
        const string Digits = "23456789";
        return Digits.SelectMany(a => Digits.Select(b => $"ZZZZ{a}{b}")).Where(c => !taken.Contains(c));
    }

    private async Task<string> StartAnotherSessionAsync() =>
        (await _factory.GetService<LiveSessionService>().StartAsync("getting-started", CancellationToken.None)).Code;

    private static void AssertThrottled(string message, string who)
    {
        Assert.Contains("Too many wrong codes", message, StringComparison.Ordinal);
        Assert.Contains(who, message, StringComparison.Ordinal);
        Assert.Matches(@"wait \d+ seconds?", message);
    }
}
