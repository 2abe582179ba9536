using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Decks;

public sealed class DeckServingTests : IDisposable
{
    private readonly string _content = Directory.CreateTempSubdirectory("ohl-content-").FullName;

    [Fact]
    public async Task The_content_folder_is_never_served_raw()
    {
        using var factory = new OpenHealthLiveFactory();
        using var client = factory.CreatePlainClient();
        foreach (var path in new[] { "/content/getting-started/deck.md", "/getting-started/deck.md", "/decks/getting-started/deck.md", "/decks/getting-started/media/deck.md", "/decks/getting-started/media/..%2Fdeck.md" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task An_image_is_served_to_the_audience_only_once_its_slide_has_been_shown()
    {
        WriteDeck("pictures", """
            ---
            title: Pictures
            ---

            # First

            ---

            ## Second

            ![A secret result](result.svg)
            """);
        File.WriteAllText(Path.Combine(_content, "pictures", "result.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>");

        using var factory = CreateFactory("pictures");
        using var client = factory.CreatePlainClient();
        const string DeckUrl = "/decks/pictures/media/result.svg";
        const string AudienceUrl = $"/j/{OpenHealthLiveFactory.DefaultCode}/media/result.svg";
        using (var early = await client.GetAsync(AudienceUrl))
        {
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        }

        var cookie = await factory.SignInAsync();
        using (var request = new HttpRequestMessage(HttpMethod.Get, DeckUrl))
        {
            request.Headers.Add("Cookie", cookie);
            using var presenterView = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, presenterView.StatusCode);
            Assert.Equal("image/svg+xml", presenterView.Content.Headers.ContentType?.MediaType);
            Assert.Contains("sandbox", string.Join(';', presenterView.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        }

        await using (var presenter = await factory.ConnectAsync(cookie))
        {
            await presenter.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), OpenHealthLiveFactory.DefaultCode);
        }

        using var shown = await client.GetAsync(AudienceUrl);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("sandbox", string.Join(';', shown.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);

        // The deck-wide address stays the presenter's: it says nothing about which session showed what.
        using var deckWide = await client.GetAsync(DeckUrl);
        Assert.Equal(HttpStatusCode.NotFound, deckWide.StatusCode);
    }

    [Fact]
    public async Task An_image_in_speaker_notes_is_served_to_the_presenter_only()
    {
        WriteDeck("noted", """
            ---
            title: Noted
            ---

            # Only slide

            ::: notes
            ![A reminder for the speaker](reminder.svg)
            :::
            """);
        File.WriteAllText(Path.Combine(_content, "noted", "reminder.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"/>");

        using var factory = CreateFactory("noted");
        using var client = factory.CreatePlainClient();
        const string Url = "/decks/noted/media/reminder.svg";
        using (var audience = await client.GetAsync(Url))
        {
            Assert.Equal(HttpStatusCode.NotFound, audience.StatusCode);
        }

        // The slide is on the screen, but its notes are not: the session's address refuses the file too.
        using (var bySession = await client.GetAsync($"/j/{OpenHealthLiveFactory.DefaultCode}/media/reminder.svg"))
        {
            Assert.Equal(HttpStatusCode.NotFound, bySession.StatusCode);
        }

        var cookie = await factory.SignInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Headers.Add("Cookie", cookie);
        using var presenter = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, presenter.StatusCode);

        // Signed in or not, files of the deck folder that no slide or note shows are not served.
        File.WriteAllText(Path.Combine(_content, "noted", "unused.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        foreach (var unreferenced in new[] { "/decks/noted/media/unused.svg", "/decks/noted/media/deck.md" })
        {
            using var ask = new HttpRequestMessage(HttpMethod.Get, unreferenced);
            ask.Headers.Add("Cookie", cookie);
            using var refused = await client.SendAsync(ask);
            Assert.True(refused.StatusCode == HttpStatusCode.NotFound, $"{unreferenced} answered {(int)refused.StatusCode} to the presenter");
        }
    }

    [Fact]
    public async Task A_malformed_default_deck_keeps_the_site_up_and_shows_its_errors_to_the_presenter()
    {
        WriteDeck("broken", """
            ---
            title: Broken
            duration: soon
            ---

            # Hello

            ![missing](nowhere.png)
            """);

        using var factory = CreateFactory("broken");
        using var client = factory.CreatePlainClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var audience = await client.GetStringAsync($"/j/{OpenHealthLiveFactory.DefaultCode}");
        Assert.Contains("will start shortly", audience, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/presenter");
        request.Headers.Add("Cookie", await factory.SignInAsync());
        using var presenter = await client.SendAsync(request);
        var html = System.Net.WebUtility.HtmlDecode(await presenter.Content.ReadAsStringAsync());
        var deckFile = Path.Combine(_content, "broken", "deck.md");
        Assert.Contains($"{deckFile}:3: error: 'duration: soon' is not a duration", html, StringComparison.Ordinal);
        Assert.Contains($"{deckFile}:8: error: Image 'nowhere.png' does not exist", html, StringComparison.Ordinal);
        Assert.Contains(factory.Logs, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error && l.Message.Contains($"{deckFile}:3:", StringComparison.Ordinal));

        await using var phone = await factory.ConnectAsync();
        var state = await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), OpenHealthLiveFactory.DefaultCode);
        Assert.Equal(0, state.SlideCount);
    }

    [Fact]
    public async Task A_default_deck_that_does_not_exist_is_logged_and_the_site_stays_up()
    {
        using var factory = CreateFactory("no-such-deck");
        using var client = factory.CreatePlainClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Contains(factory.Logs, l => l.Message.Contains("The default deck 'no-such-deck' does not exist", StringComparison.Ordinal));
        Assert.Contains("will start shortly", await client.GetStringAsync($"/j/{OpenHealthLiveFactory.DefaultCode}"), StringComparison.Ordinal);
    }

    public void Dispose() => OpenHealthLiveFactory.DeleteDataDirectory(_content);

    private OpenHealthLiveFactory CreateFactory(string deck)
    {
        var factory = new OpenHealthLiveFactory();
        factory.Settings["Decks:ContentPath"] = _content;
        factory.Settings["Decks:DefaultDeck"] = deck;
        return factory;
    }

    private void WriteDeck(string slug, string markdown)
    {
        Directory.CreateDirectory(Path.Combine(_content, slug));
        File.WriteAllText(Path.Combine(_content, slug, "deck.md"), markdown);
    }
}
