using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Security;

/// <summary>
/// An attendee reads what the room was shown, never what the presenter skipped: after a jump ahead and back,
/// the look-back API, the phone's state and the deck's images give away nothing in between, and an image shown
/// in one session (a rehearsal) is not unlocked for another (the live talk).
/// </summary>
public sealed partial class JumpThenLookBackTests : IDisposable
{
    private const string Deck = "secrets";
    private readonly string _content = Directory.CreateTempSubdirectory("ohl-content-").FullName;
    private readonly OpenHealthLiveFactory _factory;

    public JumpThenLookBackTests()
    {
        Directory.CreateDirectory(Path.Combine(_content, Deck));
        File.WriteAllText(Path.Combine(_content, Deck, "deck.md"), """
            ---
            title: Secrets
            ---

            # Opening slide

            ---

            ## Steps

            ::: incremental
            - Alpha point
            - Bravo point
            - Charlie point
            :::

            ---

            ## Quiz: which colour?

            Think before the answer.

            ---

            ## The answer is ULTRAMARINE

            ![The winning colour](winner.svg)

            ---

            ## Closing slide
            """);
        File.WriteAllText(Path.Combine(_content, Deck, "winner.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\"><rect width=\"4\" height=\"4\"/></svg>");
        _factory = new OpenHealthLiveFactory();
        _factory.Settings["Decks:ContentPath"] = _content;
        _factory.Settings["Decks:DefaultDeck"] = Deck;
    }

    private static string Code => OpenHealthLiveFactory.DefaultCode;

    [Fact]
    public async Task After_a_jump_to_the_end_and_back_the_slides_in_between_stay_unreadable()
    {
        await using (var presenter = await _factory.ConnectAsync(await _factory.SignInAsync()))
        {
            await presenter.InvokeAsync<SlideState>(nameof(LiveHub.LastSlide), Code);
            await presenter.InvokeAsync<SlideState>(nameof(LiveHub.FirstSlide), Code);
        }

        using var attendee = _factory.CreatePlainClient();
        foreach (var skipped in new[] { 1, 2, 3 })
        {
            using var response = await attendee.GetAsync($"/api/sessions/{Code}/slides/{skipped}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"slide {skipped + 1} answered {(int)response.StatusCode}: {body}");
            Assert.DoesNotContain("ULTRAMARINE", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Alpha point", body, StringComparison.Ordinal);
        }

        using var last = await attendee.GetAsync($"/api/sessions/{Code}/slides/4");
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Contains("Closing slide", (await last.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phone_is_told_exactly_which_slides_were_shown()
    {
        await using (var presenter = await _factory.ConnectAsync(await _factory.SignInAsync()))
        {
            await presenter.InvokeAsync<SlideState>(nameof(LiveHub.LastSlide), Code);
            await presenter.InvokeAsync<SlideState>(nameof(LiveHub.FirstSlide), Code);
        }

        await using var phone = await _factory.ConnectPhoneAsync();
        var joined = await phone.InvokeAsync<JsonElement>(nameof(LiveHub.JoinSession), Code);
        Assert.True(joined.TryGetProperty("shown", out var shown), $"the phone's state has no list of shown slides: {joined}");
        Assert.Equal([0, 4], shown.EnumerateArray().Select(e => e.GetInt32()));
        Assert.False(joined.TryGetProperty("revealedSlide", out _), "the phone is still told 'the furthest slide', which invites it to ask for every slide before it");
    }

    [Fact]
    public async Task Fragments_skipped_by_a_jump_stay_absent_when_looking_back()
    {
        await using (var presenter = await _factory.ConnectAsync(await _factory.SignInAsync()))
        {
            await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Code, 1, 1);
            await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Code, 4, 0);
            await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Code, 0, 0);
        }

        using var attendee = _factory.CreatePlainClient();
        var html = (await attendee.GetFromJsonAsync<JsonElement>($"/api/sessions/{Code}/slides/1")).GetProperty("html").GetString();
        Assert.Contains("Alpha point", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bravo point", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Charlie point", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_current_slide_part_way_through_its_reveals_is_served_only_up_to_the_current_fragment()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Code, 1, 2);

        using var attendee = _factory.CreatePlainClient();
        var html = (await attendee.GetFromJsonAsync<JsonElement>($"/api/sessions/{Code}/slides/1")).GetProperty("html").GetString();
        Assert.Contains("Bravo point", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Charlie point", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_shown_in_a_rehearsal_stays_locked_in_the_live_session_until_that_session_shows_it()
    {
        var sessions = _factory.GetService<LiveSessionService>();
        var live = await sessions.StartAsync(Deck, CancellationToken.None);
        var fresh = await sessions.StartAsync(Deck, CancellationToken.None);

        // The rehearsal (the default session) shows the image.
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Code, 3, 0);

        using var attendee = _factory.CreatePlainClient();
        using (var deckWide = await attendee.GetAsync($"/decks/{Deck}/media/winner.svg"))
        {
            Assert.True(deckWide.StatusCode == HttpStatusCode.NotFound, $"the deck-wide image address answered {(int)deckWide.StatusCode} to an attendee");
        }

        // The live session reaches the slide: its phones get the image at the address in their slide.
        await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), live.Code, 3, 0);
        await using var phone = await _factory.ConnectPhoneAsync();
        var html = (await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), live.Code)).Html;
        var source = ImageSource().Match(html).Groups[1].Value;
        Assert.NotEmpty(source);
        using (var image = await attendee.GetAsync(source))
        {
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/svg+xml", image.Content.Headers.ContentType?.MediaType);
        }

        // The same address for a session that has not shown the slide is refused.
        Assert.Contains(live.Code, source, StringComparison.Ordinal);
        using var elsewhere = await attendee.GetAsync(source.Replace(live.Code, fresh.Code, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task What_a_session_has_shown_survives_a_restart()
    {
        await using (var presenter = await _factory.ConnectAsync(await _factory.SignInAsync()))
        {
            await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Code, 3, 0);
            await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Code, 0, 0);
        }

        using var restarted = new OpenHealthLiveFactory(_factory.DataDirectory);
        foreach (var (key, value) in _factory.Settings)
        {
            restarted.Settings[key] = value;
        }

        using var attendee = restarted.CreatePlainClient();
        using var shown = await attendee.GetAsync($"/api/sessions/{Code}/slides/3");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        using var skipped = await attendee.GetAsync($"/api/sessions/{Code}/slides/2");
        Assert.Equal(HttpStatusCode.Forbidden, skipped.StatusCode);
    }

    public void Dispose()
    {
        _factory.Dispose();
        OpenHealthLiveFactory.DeleteDataDirectory(_content);
    }

    [GeneratedRegex("<img[^>]* src=\"([^\"]+)\"")]
    private static partial Regex ImageSource();
}
