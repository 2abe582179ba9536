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

    public void Dispose() => _factory.Dispose();
}
