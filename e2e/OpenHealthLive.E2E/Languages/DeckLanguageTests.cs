using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Languages;

/// <summary>The talk in English and Spanish (content/open-healthcare/deck.md and deck.es.md): each phone reads its own language.</summary>
[Collection(LiveAppCollectionDefinition.Name)]
public sealed class DeckLanguageTests(LiveAppFixture app, BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private const string Question = "Which pillar matters most in your work?";
    private const string Pregunta = "¿Qué pilar importa más en su trabajo?";
    private const string Security = "Security and transparency";
    private const string Seguridad = "Seguridad y transparencia";
    private const string Cost = "Cost-effectiveness, sustainability and scalability";
    private const string Rentabilidad = "Rentabilidad, sostenibilidad y escalabilidad";

    private AppServer Server => app.Server;

    [Fact]
    public Task A_phone_switched_to_spanish_shows_spanish_slides_and_poll_options_while_the_projector_stays_english_and_its_vote_counts_for_the_right_option() =>
        RunAsync(async devices =>
        {
            var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
            var code = await presenter.StartSessionAsync(TalkDeck.Slug);
            var projector = await presenter.OpenProjectorAsync();
            var spanish = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "spanish-phone"), code);
            var english = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "english-phone"), code);

            // Both browsers read English: the talk opens in its own language, with a switch in the header.
            await spanish.ExpectTalkSlideAsync(TalkDeck.Title);
            await spanish.ChooseLanguageAsync("es");
            await Expect(spanish.SlideHeading).ToHaveTextAsync(TalkDeck.SpanishHeading(TalkDeck.Title));
            await projector.ExpectTalkSlideAsync(TalkDeck.Title);
            await Expect(english.SlideHeading).ToHaveTextAsync(TalkDeck.Heading(TalkDeck.Title));

            await presenter.GoToSlideAsync(TalkDeck.MoreThanCode);
            await Expect(spanish.SlideHeading).ToHaveTextAsync(TalkDeck.SpanishHeading(TalkDeck.MoreThanCode));
            await Expect(spanish.Position).ToHaveTextAsync(spanish.Word("Js.Position", TalkDeck.MoreThanCode, TalkDeck.SlideCount));
            await english.ExpectTalkSlideAsync(TalkDeck.MoreThanCode);
            await projector.ExpectTalkSlideAsync(TalkDeck.MoreThanCode);

            // Switching keeps the place: a phone looking back at the title reads it in English, then in Spanish, still looking back.
            await spanish.PreviousButton.ClickAsync();
            await Expect(spanish.Position).ToHaveTextAsync(spanish.Word("Js.Position", TalkDeck.Title, TalkDeck.SlideCount));
            await spanish.ChooseLanguageAsync("en-GB");
            await Expect(spanish.SlideHeading).ToHaveTextAsync(TalkDeck.Heading(TalkDeck.Title));
            await Expect(spanish.Position).ToHaveTextAsync(TalkDeck.Position(TalkDeck.Title));
            await Expect(spanish.BackToLiveButton).ToBeVisibleAsync();
            await spanish.ChooseLanguageAsync("es");
            await Expect(spanish.SlideHeading).ToHaveTextAsync(TalkDeck.SpanishHeading(TalkDeck.Title));
            await spanish.BackToLiveButton.ClickAsync();
            await Expect(spanish.SlideHeading).ToHaveTextAsync(TalkDeck.SpanishHeading(TalkDeck.MoreThanCode));

            // The poll opens by itself on its slide: in Spanish on the Spanish phone, in English everywhere else.
            await presenter.GoToSlideAsync(TalkDeck.PillarMost);
            await Expect(presenter.PollButton(Question, "Close")).ToBeVisibleAsync();
            await spanish.ExpectPollInFrontAsync(Pregunta);
            await english.ExpectPollInFrontAsync(Question);
            await projector.ExpectTalkSlideAsync(TalkDeck.PillarMost);
            await Expect(projector.PollCard).ToContainTextAsync(Security);
            await Expect(projector.PollCard).Not.ToContainTextAsync(Seguridad);
            await Expect(spanish.PollChoice(Seguridad)).ToBeVisibleAsync();
            await Expect(spanish.PollChoice(Security)).ToHaveCountAsync(0);

            await spanish.VoteAsync(Seguridad);
            await english.VoteAsync(Cost);

            // Each vote counts for the option in its place: the presenter's English chart has one on each.
            await Expect(presenter.PollRow(Question, Security)).ToContainTextAsync("1 · 50%");
            await Expect(presenter.PollRow(Question, Cost)).ToContainTextAsync("1 · 50%");
            await Expect(presenter.PollRow(Question, "Collaboration and community")).ToContainTextAsync("0 · 0%");
            await presenter.ShowPollResultsAsync(Question);
            // The Spanish phone writes its numbers as Spanish does ("50 %").
            await Expect(spanish.ResultRow(Seguridad)).ToContainTextAsync("1 · 50 %");
            await Expect(spanish.ResultRow(Rentabilidad)).ToContainTextAsync("1 · 50 %");
            await Expect(spanish.PollResults).Not.ToContainTextAsync(Security);
            await Expect(projector.ResultRow(Security)).ToContainTextAsync("1 · 50%");
            await Expect(english.ResultRow(Security)).ToContainTextAsync("1 · 50%");

            // A reload keeps the choice.
            await spanish.Page.ReloadAsync();
            await spanish.ExpectLiveAsync();
            await Expect(spanish.Page.Locator("html")).ToHaveAttributeAsync("lang", "es");
            await Expect(spanish.LanguageSelect).ToHaveValueAsync("es");
            await spanish.SlidesTab.ClickAsync();
            await Expect(spanish.SlideHeading).ToHaveTextAsync(TalkDeck.SpanishHeading(TalkDeck.PillarMost));
        });

    [Fact]
    public Task A_phone_whose_browser_reads_spanish_opens_the_talk_in_spanish_and_ranks_the_pillars_in_it() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(TalkDeck.Slug);
        var projector = await presenter.OpenProjectorAsync();
        var context = await devices.NewContextAsync("mexican-phone", new()
        {
            BaseURL = Server.BaseUrl.ToString(),
            ViewportSize = new() { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "es-MX",
        });
        var spanish = await AudiencePage.OpenAsync(await context.NewPageAsync(), code);
        var english = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "english-phone"), code);

        await Expect(spanish.Page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(spanish.SlideHeading).ToHaveTextAsync(TalkDeck.SpanishHeading(TalkDeck.Title));
        await Expect(english.SlideHeading).ToHaveTextAsync(TalkDeck.Heading(TalkDeck.Title));

        var ranking = DeckPoll.PillarRanking;
        await presenter.GoToPollAsync(ranking);
        await spanish.ExpectPollInFrontAsync("Ordenen los cinco pilares, el más importante primero");
        await english.ExpectPollInFrontAsync(ranking.Question);
        await spanish.RankAsync("Innovación rápida y preparación para el futuro", Seguridad, "Colaboración y comunidad", "Personalización y flexibilidad", Rentabilidad);
        await english.RankAsync("Rapid innovation and future-proofing", Security, Cost, "Customisation and flexibility", "Collaboration and community");

        // Charted live, the same order in both languages: rapid innovation 8 points, security 6.
        await presenter.ShowPollResultsAsync(ranking.Question);
        var spanishRows = spanish.PollResults.GetByRole(AriaRole.Listitem);
        await Expect(spanishRows.Nth(0)).ToContainTextAsync("Innovación rápida y preparación para el futuro");
        await Expect(spanishRows.Nth(0)).ToContainTextAsync("8 pts");
        await Expect(spanishRows.Nth(1)).ToContainTextAsync(Seguridad);
        await Expect(spanishRows.Nth(1)).ToContainTextAsync("6 pts");
        await Expect(projector.ResultRow("Rapid innovation and future-proofing")).ToContainTextAsync("8 pts");
        await Expect(projector.ResultRow(Security)).ToContainTextAsync("6 pts");
        await Expect(projector.PollCard).Not.ToContainTextAsync(Seguridad);
    });
}
