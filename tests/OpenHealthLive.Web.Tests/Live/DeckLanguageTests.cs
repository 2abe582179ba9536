using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Live;

/// <summary>
/// The talk deck (content/open-healthcare) in English and Spanish: each phone reads the language it chose, the presenter
/// and the projector read the deck's own, votes count for the same option in every language, and a phone sees in any
/// language only what the room was shown.
/// </summary>
public sealed class DeckLanguageTests : IDisposable
{
    private const string Code = OpenHealthLiveFactory.DefaultCode;

    /// <summary>0-based slides of the talk, and what they say in each language (from content/open-healthcare).</summary>
    private const int WhoIsHere = 1;
    private const int WhereWeAreGoing = 2;
    private const int MoreThanCode = 3;
    private const int FivePillars = 24;

    private static readonly int[] SpanishRanking = [4, 1, 0, 2, 3];
    private static readonly int[] EnglishRanking = [4, 1, 3, 2, 0];

    private readonly OpenHealthLiveFactory _factory = new();

    public DeckLanguageTests() => _factory.Settings["Decks:DefaultDeck"] = "open-healthcare";

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_phone_joining_in_spanish_follows_in_spanish_while_the_presenter_and_an_english_phone_follow_in_english()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await presenter.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);
        await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Code, WhoIsHere, 0);
        await using var english = await _factory.ConnectPhoneAsync();
        await using var spanish = await _factory.ConnectPhoneAsync();

        var joinedEnglish = await english.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
        var joinedSpanish = await spanish.InvokeAsync<SlideState>(nameof(LiveHub.JoinSessionIn), Code, "es");

        Assert.Contains("Who is in the room?", joinedEnglish.Html, StringComparison.Ordinal);
        Assert.Equal("en-GB", joinedEnglish.Language);
        Assert.Contains("¿Quién está en la sala?", joinedSpanish.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Who is in the room?", joinedSpanish.Html, StringComparison.Ordinal);
        Assert.Equal("es", joinedSpanish.Language);
        Assert.Equal((joinedEnglish.Slide, joinedEnglish.Fragment, joinedEnglish.Version), (joinedSpanish.Slide, joinedSpanish.Fragment, joinedSpanish.Version));

        var toPresenter = new SlideChangeRecorder(presenter);
        var toEnglish = new SlideChangeRecorder(english);
        var toSpanish = new SlideChangeRecorder(spanish);
        var moved = await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Code, WhereWeAreGoing, 0);

        Assert.Contains("Hacia dónde vamos", (await toSpanish.WaitForVersionAsync(moved.Version, TimeSpan.FromSeconds(10))).Html, StringComparison.Ordinal);
        Assert.Contains("Where we are going", (await toEnglish.WaitForVersionAsync(moved.Version, TimeSpan.FromSeconds(10))).Html, StringComparison.Ordinal);
        Assert.Contains("Where we are going", (await toPresenter.WaitForVersionAsync(moved.Version, TimeSpan.FromSeconds(10))).Html, StringComparison.Ordinal);
        Assert.Contains("Where we are going", moved.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phone_that_switches_language_keeps_its_place_and_then_hears_only_the_new_language()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Code, WhoIsHere, 0);
        await using var phone = await _factory.ConnectPhoneAsync();
        var before = await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSessionIn), Code, "es");

        var switched = await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSessionIn), Code, "en-GB");

        Assert.Equal((before.Slide, before.Fragment, before.Version), (switched.Slide, switched.Fragment, switched.Version));
        Assert.Equal("en-GB", switched.Language);
        Assert.Contains("Who is in the room?", switched.Html, StringComparison.Ordinal);

        var received = new SlideChangeRecorder(phone);
        var first = await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Code, WhereWeAreGoing, 0);
        var second = await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Code, MoreThanCode, 0);
        await received.WaitForVersionAsync(second.Version, TimeSpan.FromSeconds(10));

        // One message per change, in English: the phone left the Spanish group when it switched.
        Assert.Equal([first.Version, second.Version], received.All.Select(s => s.Version));
        Assert.All(received.All, s => Assert.Equal("en-GB", s.Language));
    }

    [Fact]
    public async Task A_language_the_deck_lacks_is_read_in_the_decks_own_language()
    {
        await using var phone = await _factory.ConnectPhoneAsync();

        var joined = await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSessionIn), Code, "fr-FR");

        Assert.Equal("en-GB", joined.Language);
        Assert.Contains("How Open-Source Software is Shaping the Future of Healthcare", joined.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_language_longer_than_any_tag_is_refused_with_a_clear_message_and_the_phone_keeps_its_language()
    {
        await using var phone = await _factory.ConnectPhoneAsync();
        await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSessionIn), Code, "es");

        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(
            () => phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSessionIn), Code, "es-" + new string('x', 40)));

        Assert.Contains("at most 35 characters", refused.Message, StringComparison.Ordinal);
        var received = new SlideChangeRecorder(phone);
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        var moved = await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Code, WhoIsHere, 0);
        Assert.Equal("es", (await received.WaitForVersionAsync(moved.Version, TimeSpan.FromSeconds(10))).Language);
    }

    [Fact]
    public async Task A_spanish_phone_gets_the_poll_in_spanish_and_its_vote_counts_for_the_same_option_as_an_english_vote()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await presenter.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);
        await using var english = await _factory.ConnectPhoneAsync();
        await using var spanish = await _factory.ConnectPhoneAsync();
        await english.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
        await spanish.InvokeAsync<SlideState>(nameof(LiveHub.JoinSessionIn), Code, "es");
        var spanishChanges = Record<AudiencePoll>(spanish, nameof(ILiveClient.PollChanged));
        var englishChanges = Record<AudiencePoll>(english, nameof(ILiveClient.PollChanged));

        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, "pillar-most");
        await WaitAsync(() => Count(spanishChanges) > 0 && Count(englishChanges) > 0);

        var opened = Last(spanishChanges);
        Assert.Equal("¿Qué pilar importa más en su trabajo?", opened.Question);
        Assert.Equal("Rentabilidad, sostenibilidad y escalabilidad", opened.Options[3]);
        Assert.Equal("Which pillar matters most in your work?", Last(englishChanges).Question);
        var polls = await spanish.InvokeAsync<AudiencePolls>(nameof(LiveHub.GetPolls), Code);
        Assert.Equal(opened.Options, polls.Polls.Single(p => p.Id == "pillar-most").Options);

        await Vote(spanish, "pillar-most", new { option = 3 });
        await Vote(english, "pillar-most", new { option = 3 });

        var dashboard = await presenter.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), Code);
        var results = dashboard.Single(p => p.Id == "pillar-most").Results;
        Assert.Equal([0, 0, 0, 2, 0], results.Options.Select(o => o.Count));
        Assert.Equal("Cost-effectiveness, sustainability and scalability", results.Options[3].Label);

        // Shown to the room: each phone reads the same counts, labelled in its language.
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.ShowPollResults), Code, "pillar-most", true);
        await WaitAsync(() => Last(spanishChanges).Results is not null && Last(englishChanges).Results is not null);
        var spanishRow = Last(spanishChanges).Results!.Options[3];
        Assert.Equal((3, "Rentabilidad, sostenibilidad y escalabilidad", 2), (spanishRow.Index, spanishRow.Label, spanishRow.Count));
        var englishRow = Last(englishChanges).Results!.Options[3];
        Assert.Equal((3, "Cost-effectiveness, sustainability and scalability", 2), (englishRow.Index, englishRow.Label, englishRow.Count));
    }

    [Fact]
    public async Task The_live_ranking_reaches_each_phone_in_its_language_with_the_same_order()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await using var english = await _factory.ConnectPhoneAsync();
        await using var spanish = await _factory.ConnectPhoneAsync();
        await english.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
        await spanish.InvokeAsync<SlideState>(nameof(LiveHub.JoinSessionIn), Code, "es");
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, "pillar-ranking");
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.ShowPollResults), Code, "pillar-ranking", true);
        var toSpanish = Record<PollResultsChanged>(spanish, nameof(ILiveClient.PollResultsChanged));
        var toEnglish = Record<PollResultsChanged>(english, nameof(ILiveClient.PollResultsChanged));

        // Rapid innovation first, then security: from a Spanish phone and from an English one.
        await Vote(spanish, "pillar-ranking", new { ranking = SpanishRanking });
        await Vote(english, "pillar-ranking", new { ranking = EnglishRanking });
        await WaitAsync(() => Count(toSpanish) > 0 && Last(toSpanish).Results.Voters == 2 && Count(toEnglish) > 0 && Last(toEnglish).Results.Voters == 2);

        var spanishRanking = Last(toSpanish).Results.Ranking;
        var englishRanking = Last(toEnglish).Results.Ranking;
        Assert.Equal(englishRanking.Select(r => (r.Index, r.BordaScore)), spanishRanking.Select(r => (r.Index, r.BordaScore)));
        Assert.Equal((4, "Innovación rápida y preparación para el futuro", 8), (spanishRanking[0].Index, spanishRanking[0].Label, spanishRanking[0].BordaScore));
        Assert.Equal((4, "Rapid innovation and future-proofing", 8), (englishRanking[0].Index, englishRanking[0].Label, englishRanking[0].BordaScore));
        Assert.Equal("Seguridad y transparencia", spanishRanking[1].Label);
    }

    [Fact]
    public async Task Looking_back_takes_a_language_and_shows_in_it_only_what_the_room_was_shown()
    {
        await using (var presenter = await _factory.ConnectAsync(await _factory.SignInAsync()))
        {
            // Slide 4 was shown without its second step ('. . .'), slide 11 never.
            await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Code, MoreThanCode, 0);
            await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Code, MoreThanCode + 2, 0);
        }

        using var client = _factory.CreatePlainClient();
        var spanish = await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{Code}/slides/{MoreThanCode}?lang=es");
        Assert.Contains("El código abierto es más que código", spanish.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("La salud, sin embargo", spanish.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal("es", spanish.GetProperty("language").GetString());

        var english = await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{Code}/slides/{MoreThanCode}");
        Assert.Contains("Open source is more than code", english.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal("en-GB", english.GetProperty("language").GetString());

        using var ahead = await client.GetAsync($"/api/sessions/{Code}/slides/10?lang=es");
        Assert.Equal(HttpStatusCode.Forbidden, ahead.StatusCode);
        Assert.DoesNotContain("FETAL_PLANES_DB", await ahead.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_picture_drawn_for_the_spanish_slides_is_served_to_the_room_only_once_its_slide_was_shown()
    {
        using var client = _factory.CreatePlainClient();
        using (var before = await client.GetAsync($"/j/{Code}/media/five-pillars.es.svg"))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        await using (var presenter = await _factory.ConnectAsync(await _factory.SignInAsync()))
        {
            await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Code, FivePillars, 0);
        }

        await using var phone = await _factory.ConnectPhoneAsync();
        var joined = await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSessionIn), Code, "es");
        Assert.Contains($"/j/{Code}/media/five-pillars.es.svg", joined.Html, StringComparison.Ordinal);
        using var after = await client.GetAsync($"/j/{Code}/media/five-pillars.es.svg");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("Salud abierta", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <remarks>The page's own words follow the same choice when the site has the language (<paramref name="words"/>; docs/languages.md).</remarks>
    [Theory]
    [InlineData("es-MX,es;q=0.9,en;q=0.8", null, "es", "es")]
    [InlineData("fr-FR,fr;q=0.9", null, "en-GB", "fr")]
    [InlineData("fr;q=0.9,es;q=0.5,en;q=0.1", null, "es", "fr")]
    [InlineData("en-US,en;q=0.9,es;q=0.8", null, "en-GB", "en")]
    [InlineData("es", "en-GB", "en-GB", "en")]
    [InlineData(null, "es", "es", "es")]
    [InlineData(null, null, "en-GB", "en")]
    public async Task The_audience_page_opens_in_the_browsers_language_when_the_deck_has_it(string? acceptLanguage, string? chosen, string expected, string words)
    {
        using var client = _factory.CreatePlainClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, chosen is null ? $"/j/{Code}" : $"/j/{Code}?lang={chosen}");
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains($"<html lang=\"{words}\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-language=\"{expected}\"", html, StringComparison.Ordinal);
        Assert.Matches($"<article [^>]*id=\"slide\"[^>]*lang=\"{expected}\"", html);
        var spanishTitle = "Cómo el software de código abierto está dando forma al futuro de la salud";
        if (expected == "es")
        {
            Assert.Contains(spanishTitle, html, StringComparison.Ordinal);
            Assert.DoesNotContain("Shaping the Future of Healthcare</h1>", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain(spanishTitle, html, StringComparison.Ordinal);
        }
    }

    /// <remarks>
    /// One switch for the slides and the page's words (docs/languages.md): on every talk, with the deck's languages
    /// (marked data-deck) and the site's (data-site); a deck without translations offers the site's languages.
    /// </remarks>
    [Fact]
    public async Task The_language_switcher_offers_the_decks_languages_and_the_sites_on_every_talk()
    {
        using var client = _factory.CreatePlainClient();
        // Razor writes letters outside ASCII as character references ('&#xF1;'): read the page as a browser does.
        var talk = WebUtility.HtmlDecode(await client.GetStringAsync($"/j/{Code}"));
        Assert.Contains("id=\"deck-language\"", talk, StringComparison.Ordinal);
        Assert.Matches("<option value=\"en-GB\"[^>]*data-deck=\"true\" data-site=\"true\"[^>]*>English</option>", talk);
        Assert.Matches("<option value=\"es\"[^>]*data-deck=\"true\" data-site=\"true\"[^>]*>Español</option>", talk);
        Assert.Matches("<option value=\"fr\"[^>]*data-site=\"true\"[^>]*>Français</option>", talk);
        Assert.DoesNotContain("value=\"en\"", talk, StringComparison.Ordinal);

        using var plain = new OpenHealthLiveFactory();
        using var plainClient = plain.CreatePlainClient();
        var gettingStarted = WebUtility.HtmlDecode(await plainClient.GetStringAsync($"/j/{Code}"));
        Assert.Contains("id=\"deck-language\"", gettingStarted, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(gettingStarted, "data-deck=\"true\""));
        Assert.Contains(">Français</option>", gettingStarted, StringComparison.Ordinal);
    }

    private static Task<PollVoteResult> Vote(HubConnection phone, string pollId, object answer) =>
        phone.InvokeAsync<PollVoteResult>(nameof(LiveHub.SubmitVote), Code, pollId, Guid.NewGuid().ToString("N"), answer);

    private static List<T> Record<T>(HubConnection connection, string name)
    {
        var list = new List<T>();
        connection.On<T>(name, m => { lock (list) { list.Add(m); } });
        return list;
    }

    private static int Count<T>(List<T> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }

    private static T Last<T>(List<T> list)
    {
        lock (list)
        {
            return list[^1];
        }
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(25, timeout.Token);
        }
    }
}
