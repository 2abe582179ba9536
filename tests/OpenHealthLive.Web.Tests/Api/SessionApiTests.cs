using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Api;

public sealed class SessionApiTests : IDisposable
{
    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task A_session_is_described_as_json()
    {
        using var client = _factory.CreatePlainClient();
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{OpenHealthLiveFactory.DefaultCode.ToLowerInvariant()}");

        Assert.Equal(OpenHealthLiveFactory.DefaultCode, body.GetProperty("code").GetString());
        Assert.Equal("Presenting with OpenHealthLive", body.GetProperty("deckTitle").GetString());
        Assert.Equal(8, body.GetProperty("slideCount").GetInt32());
        Assert.Equal(0, body.GetProperty("currentSlide").GetInt32());
        Assert.EndsWith($"/j/{OpenHealthLiveFactory.DefaultCode}", body.GetProperty("joinUrl").GetString(), StringComparison.Ordinal);

        // The position follows the presenter: after a step, the version the hub gave the presenter.
        var before = body.GetProperty("version").GetInt64();
        SlideState moved;
        await using (var presenter = await _factory.ConnectAsync(await _factory.SignInAsync()))
        {
            moved = await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), OpenHealthLiveFactory.DefaultCode, 2, 0);
        }

        var after = await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{OpenHealthLiveFactory.DefaultCode}");
        Assert.Equal(2, after.GetProperty("currentSlide").GetInt32());
        Assert.Equal(moved.Version, after.GetProperty("version").GetInt64());
        Assert.True(moved.Version > before, $"the version went from {before} to {moved.Version}");
    }

    [Fact]
    public async Task An_unknown_session_is_a_404_with_problem_details()
    {
        using var client = _factory.CreatePlainClient();
        using var response = await client.GetAsync("/api/sessions/ZZZZZZ");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("ZZZZZZ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audience_can_read_slides_already_shown_but_not_slides_ahead()
    {
        await using (var presenter = await _factory.ConnectAsync(await _factory.SignInAsync()))
        {
            await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), OpenHealthLiveFactory.DefaultCode, 2, 0);
            await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), OpenHealthLiveFactory.DefaultCode, 1, 0);
        }

        using var client = _factory.CreatePlainClient();
        using var shown = await client.GetAsync($"/api/sessions/{OpenHealthLiveFactory.DefaultCode}/slides/2");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var slide = await shown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Start the site", slide.GetProperty("html").GetString(), StringComparison.Ordinal);

        using var ahead = await client.GetAsync($"/api/sessions/{OpenHealthLiveFactory.DefaultCode}/slides/3");
        Assert.Equal(HttpStatusCode.Forbidden, ahead.StatusCode);
        Assert.DoesNotContain("Drive the talk", await ahead.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The presenter may read any slide.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sessions/{OpenHealthLiveFactory.DefaultCode}/slides/5");
        request.Headers.Add("Cookie", await _factory.SignInAsync());
        using var presenterRead = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, presenterRead.StatusCode);
    }

    [Fact]
    public async Task Slide_numbers_outside_the_deck_are_not_found()
    {
        using var client = _factory.CreatePlainClient();
        using var response = await client.GetAsync($"/api/sessions/{OpenHealthLiveFactory.DefaultCode}/slides/600");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_session_is_never_cached_and_a_slide_is_cached_only_privately_and_checked_again()
    {
        using var client = _factory.CreatePlainClient();

        using var session = await client.GetAsync($"/api/sessions/{OpenHealthLiveFactory.DefaultCode}");
        using var slide = await client.GetAsync($"/api/sessions/{OpenHealthLiveFactory.DefaultCode}/slides/0");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sessions/{OpenHealthLiveFactory.DefaultCode}/slides/5");
        request.Headers.Add("Cookie", await _factory.SignInAsync());
        using var presenterSlide = await client.SendAsync(request);

        // As sent: HttpClient's parsed CacheControl would reorder the directives.
        Assert.Equal("no-store", session.Headers.NonValidated["Cache-Control"].ToString());
        Assert.Equal("private, no-cache", slide.Headers.NonValidated["Cache-Control"].ToString());
        Assert.Equal("private, no-cache", presenterSlide.Headers.NonValidated["Cache-Control"].ToString());
    }

    [Fact]
    public async Task The_problems_say_what_was_asked_for_in_words_and_a_long_code_is_cut_short()
    {
        using var client = _factory.CreatePlainClient();

        Assert.Equal(
            (404, "Unknown session", "There is no session with code 'ABCDEFGHIJKLMNOP'."),
            await ProblemAsync(client, $"/api/sessions/ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
        Assert.Equal(
            (404, "Unknown session", "There is no session with code 'ABCDEFGHIJKLMNOP'."),
            await ProblemAsync(client, $"/api/sessions/ABCDEFGHIJKLMNOP"));
        Assert.Equal(
            (404, "No such slide", $"Session {OpenHealthLiveFactory.DefaultCode} has no slide 9."),
            await ProblemAsync(client, $"/api/sessions/{OpenHealthLiveFactory.DefaultCode}/slides/8"));
        Assert.Equal(
            (404, "No such slide", $"Session {OpenHealthLiveFactory.DefaultCode} has no slide 0."),
            await ProblemAsync(client, $"/api/sessions/{OpenHealthLiveFactory.DefaultCode}/slides/-1"));
        Assert.Equal(
            (403, "Not shown yet", "Slide 4 has not been shown in this session; it appears when the presenter shows it."),
            await ProblemAsync(client, $"/api/sessions/{OpenHealthLiveFactory.DefaultCode}/slides/3"));
    }

    [Fact]
    public async Task The_first_and_last_slides_are_in_the_deck()
    {
        using var client = _factory.CreatePlainClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sessions/{OpenHealthLiveFactory.DefaultCode}/slides/7");
        request.Headers.Add("Cookie", await _factory.SignInAsync());

        using var first = await client.GetAsync($"/api/sessions/{OpenHealthLiveFactory.DefaultCode}/slides/0");
        using var last = await client.SendAsync(request);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, last.StatusCode));
    }

    [Theory]
    [InlineData("es", "es")]
    [InlineData("es-MX", "es")]
    [InlineData("fr", "en-GB")]
    [InlineData(null, "en-GB")]
    public async Task A_slide_is_read_in_the_language_asked_for_when_the_deck_has_it(string? lang, string language)
    {
        _factory.Settings["Decks:DefaultDeck"] = "open-healthcare";
        using var client = _factory.CreatePlainClient();

        var session = await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{OpenHealthLiveFactory.DefaultCode}");
        var slide = await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{OpenHealthLiveFactory.DefaultCode}/slides/0{(lang is null ? "" : "?lang=" + lang)}");

        Assert.Equal(["en-GB", "es"], session.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(language, slide.GetProperty("language").GetString());
    }

    [Fact]
    public async Task A_language_tag_longer_than_any_language_s_is_read_as_the_deck_s_own()
    {
        _factory.Settings["Decks:DefaultDeck"] = "open-healthcare";
        using var client = _factory.CreatePlainClient();

        // "es" and 34 more characters: a prefix a lookup might still match, but no language has a tag so long.
        var slide = await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{OpenHealthLiveFactory.DefaultCode}/slides/0?lang=es-{new string('x', 33)}");
        var longest = await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{OpenHealthLiveFactory.DefaultCode}/slides/0?lang=es-{new string('x', 32)}");

        Assert.Equal("en-GB", slide.GetProperty("language").GetString());
        Assert.Equal("es", longest.GetProperty("language").GetString());
    }

    private static async Task<(int Status, string? Title, string? Detail)> ProblemAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (problem.GetProperty("status").GetInt32(), problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString());
    }

    public void Dispose() => _factory.Dispose();
}
