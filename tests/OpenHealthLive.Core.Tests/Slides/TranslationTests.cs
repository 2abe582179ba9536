using OpenHealthLive.Core.Audience;
using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Core.Tests.Infrastructure;

namespace OpenHealthLive.Core.Tests.Slides;

/// <summary>
/// A deck with a translation beside it (<c>deck.es.md</c> beside <c>deck.md</c>): how it loads, how the linter says
/// where its structure differs, which language a reader gets, and what the audience may see in each language.
/// </summary>
public sealed class TranslationTests : IDisposable
{
    private const string Slug = "open-care";
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly TempDirectory _temp = new();

    private string DeckFolder => _temp.Combine(Slug);

    private string SpanishFile => Path.Combine(DeckFolder, "deck.es.md");

    public void Dispose() => _temp.Dispose();

    /// <summary>The English deck: a title, a single-choice poll, a slide with a pause, a quiz, a ranking.</summary>
    private static readonly string[] English =
    [
        "---",
        "title: Open care",
        "language: en-GB",
        "theme: dark",
        "---",
        "# Open care {.title}",
        "",
        "Welcome",
        "",
        "::: notes",
        "Say hello.",
        ":::",
        "",
        "---",
        "",
        "## Choose one",
        "",
        "```poll",
        "id: pick",
        "type: single",
        "question: Which colour?",
        "options:",
        "  - Red",
        "  - Blue",
        "```",
        "",
        "---",
        "",
        "## Step by step",
        "",
        "First",
        "",
        ". . .",
        "",
        "Second",
        "",
        "---",
        "",
        "## Quiz",
        "",
        "```poll",
        "id: quiz",
        "type: quiz",
        "question: Which is right?",
        "options:",
        "  - Right",
        "  - Wrong",
        "answer: Right",
        "```",
        "",
        "---",
        "",
        "## Rank them",
        "",
        "```poll",
        "id: rank",
        "type: ranking",
        "question: Rank the fruit",
        "options:",
        "  - Apple",
        "  - Banana",
        "  - Cherry",
        "```",
    ];

    /// <summary>The same deck in Spanish, line for line.</summary>
    private static readonly string[] Spanish =
    [
        "---",
        "title: Salud abierta",
        "---",
        "# Salud abierta {.title}",
        "",
        "Bienvenidos",
        "",
        "::: notes",
        "Saluda.",
        ":::",
        "",
        "---",
        "",
        "## Elige uno",
        "",
        "```poll",
        "id: pick",
        "type: single",
        "question: ¿Qué color?",
        "options:",
        "  - Rojo",
        "  - Azul",
        "```",
        "",
        "---",
        "",
        "## Paso a paso",
        "",
        "Primero",
        "",
        ". . .",
        "",
        "Segundo",
        "",
        "---",
        "",
        "## Prueba",
        "",
        "```poll",
        "id: quiz",
        "type: quiz",
        "question: ¿Cuál es correcta?",
        "options:",
        "  - Correcta",
        "  - Incorrecta",
        "answer: Correcta",
        "```",
        "",
        "---",
        "",
        "## Ordénalas",
        "",
        "```poll",
        "id: rank",
        "type: ranking",
        "question: Ordena la fruta",
        "options:",
        "  - Manzana",
        "  - Plátano",
        "  - Cereza",
        "```",
    ];

    [Fact]
    public void A_deck_es_md_beside_deck_md_is_loaded_as_the_deck_in_spanish()
    {
        Write(English, Spanish);

        var deck = Load();

        Assert.Equal(["en-GB", "es"], deck.Languages);
        var spanish = deck.In("es");
        Assert.NotSame(deck, spanish);
        Assert.Equal("es", spanish.Language);
        Assert.Equal("Salud abierta", spanish.Metadata.Title);
        Assert.Equal(["Salud abierta", "Elige uno", "Paso a paso", "Prueba", "Ordénalas"], spanish.Slides.Select(s => s.Title));
        Assert.Contains("Saluda.", spanish.Slides[0].NotesHtml, StringComparison.Ordinal);
        Assert.Equal(["Rojo", "Azul"], spanish.Polls[0].Options);
        Assert.Equal("Correcta", spanish.Polls[1].Answer);
        // The projector's language is the deck's own; a language the deck lacks is read in it.
        Assert.Same(deck, deck.In("en-GB"));
        Assert.Same(deck, deck.In("fr"));
        Assert.Same(spanish, deck.In("ES"));
    }

    [Fact]
    public void A_translation_keeps_the_settings_of_deck_md_and_has_none_of_its_own()
    {
        Write(English, Spanish);

        var spanish = Load().In("es");

        Assert.Equal("dark", spanish.Metadata.Theme);
        Assert.Empty(spanish.Translations);
    }

    [Fact]
    public void A_deck_without_translations_is_read_in_its_own_language_only()
    {
        Write(English);

        var deck = Load();

        Assert.Equal(["en-GB"], deck.Languages);
        Assert.Empty(deck.Translations);
    }

    [Fact]
    public void Editing_only_the_translation_changes_the_decks_fingerprint()
    {
        Write(English, Spanish);
        var before = Load().Fingerprint;

        File.WriteAllText(SpanishFile, File.ReadAllText(SpanishFile).Replace("Bienvenidos", "Bienvenidas", StringComparison.Ordinal));

        Assert.NotEqual(before, Load().Fingerprint);
    }

    [Theory]
    [InlineData("es", "es")]
    [InlineData("ES", "es")]
    [InlineData("es-MX", "es")]
    [InlineData("en-GB", "en-GB")]
    [InlineData("en-US", "en-GB")]
    [InlineData("en", "en-GB")]
    [InlineData("fr", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_requested_language_is_served_by_the_same_tag_or_the_same_language_elsewhere(string? requested, string? served)
    {
        Write(English, Spanish);

        Assert.Equal(served, Load().FindLanguage(requested));
    }

    [Fact]
    public void The_first_preference_the_deck_can_serve_wins_and_none_means_its_own_language()
    {
        Write(English, Spanish);
        var deck = Load();

        Assert.Equal("es", deck.ChooseLanguage(["fr-FR", "es-MX", "en"]));
        Assert.Equal("en-GB", deck.ChooseLanguage(["fr", "de"]));
        Assert.Equal("en-GB", deck.ChooseLanguage([]));
    }

    [Fact]
    public void A_translation_with_a_slide_missing_is_an_error_in_the_translation_giving_both_counts()
    {
        // Drop the last slide ('---' and the ranking).
        Write(English, Spanish[..^13]);

        var error = Assert.Single(Errors());

        Assert.Equal(SpanishFile, error.File);
        Assert.Contains("4 slides", error.Message, StringComparison.Ordinal);
        Assert.Contains("5", error.Message, StringComparison.Ordinal);
        Assert.Contains("deck.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translation_with_a_fragment_missing_is_an_error_on_that_slide()
    {
        Write(English, Without(Spanish, ". . ."));

        var error = Assert.Single(Errors());

        Assert.Equal(SpanishFile, error.File);
        Assert.Equal(LineOf(Without(Spanish, ". . ."), "## Paso a paso"), error.Line);
        Assert.Contains("Slide 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("no fragment", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 fragment in deck.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translated_poll_with_another_id_is_an_error_naming_both_ids()
    {
        var spanish = Replace(Spanish, "id: pick", "id: elige");
        Write(English, spanish);

        var error = Assert.Single(Errors());

        Assert.Equal(LineOf(spanish, "id: elige") - 1, error.Line);
        Assert.Contains("Slide 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("'elige'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'pick'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slide_that_lost_its_poll_in_the_translation_is_an_error()
    {
        // The ranking block (its seven lines, from the fence to the fence) left out of the Spanish.
        var start = Array.IndexOf(Spanish, "id: rank") - 1;
        var spanish = Spanish[..start];
        Write(English, spanish);

        var error = Assert.Single(Errors());

        Assert.Contains("Slide 5", error.Message, StringComparison.Ordinal);
        Assert.Contains("'rank'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translated_poll_with_an_option_missing_is_an_error_giving_both_counts()
    {
        var spanish = Without(Spanish, "  - Cereza");
        Write(English, spanish);

        var error = Assert.Single(Errors());

        Assert.Equal(LineOf(spanish, "id: rank") - 1, error.Line);
        Assert.Contains("Slide 5", error.Message, StringComparison.Ordinal);
        Assert.Contains("'rank'", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 options", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 in deck.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translated_poll_of_another_type_is_an_error()
    {
        Write(English, Replace(Spanish, "type: ranking", "type: multiple"));

        var error = Assert.Single(Errors());

        Assert.Contains("'rank'", error.Message, StringComparison.Ordinal);
        Assert.Contains("multiple", error.Message, StringComparison.Ordinal);
        Assert.Contains("ranking", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translated_quiz_whose_answer_is_another_option_is_an_error()
    {
        Write(English, Replace(Spanish, "answer: Correcta", "answer: Incorrecta"));

        var error = Assert.Single(Errors());

        Assert.Contains("Slide 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("'quiz'", error.Message, StringComparison.Ordinal);
        Assert.Contains("answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translation_whose_language_line_disagrees_with_its_file_name_is_an_error()
    {
        Write(English, [Spanish[0], Spanish[1], "language: fr", .. Spanish[2..]]);

        var error = Assert.Single(Errors());

        Assert.Equal(SpanishFile, error.File);
        Assert.Equal(3, error.Line);
        Assert.Contains("'fr'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translation_in_the_decks_own_language_is_an_error()
    {
        Write(English);
        File.WriteAllLines(Path.Combine(DeckFolder, "deck.en-GB.md"), English);

        var error = Assert.Single(Errors());

        Assert.Equal(Path.Combine(DeckFolder, "deck.en-GB.md"), error.File);
    }

    [Fact]
    public void A_file_named_like_a_translation_but_not_for_a_language_is_left_alone_with_a_warning()
    {
        Write(English);
        File.WriteAllLines(Path.Combine(DeckFolder, "deck.qqq.md"), English);

        var result = DeckParser.Load(DeckFolder);

        Assert.True(result.Succeeded);
        Assert.Equal(["en-GB"], result.Deck!.Languages);
        var warning = Assert.Single(result.Problems);
        Assert.Equal(DeckProblemSeverity.Warning, warning.Severity);
        Assert.Contains("qqq", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_inside_the_translation_names_the_translation_file_and_stops_the_deck()
    {
        Write(English, Replace(Spanish, "type: single", "type: sometimes"));

        var error = Assert.Single(Errors());

        Assert.Equal(SpanishFile, error.File);
        Assert.Equal(LineOf(Spanish, "type: single"), error.Line);
    }

    [Fact]
    public void The_audience_sees_the_same_slides_and_fragments_in_every_language_in_its_own_words()
    {
        Write(English, Spanish);
        var deck = Load();
        // Slides 1 and 2 were shown, the third is live with its pause not yet passed; slides 4 and 5 were never shown.
        var session = Session(new SlidePosition(2, 0, 7), ShownSlides.None.With(0, 0).With(1, 0).With(2, 0));

        var english = AudienceView.Of(session, deck, "en-GB");
        var spanish = AudienceView.Of(session, deck, "es");

        Assert.Equal(english.Slides, spanish.Slides);
        Assert.Contains("Primero", spanish.Live(), StringComparison.Ordinal);
        Assert.DoesNotContain("Segundo", spanish.Live(), StringComparison.Ordinal);
        Assert.Contains("Elige uno", spanish.LookBack(1), StringComparison.Ordinal);
        Assert.DoesNotContain("Choose one", spanish.LookBack(1), StringComparison.Ordinal);
        Assert.Null(spanish.LookBack(3));
        Assert.Contains("First", english.Live(), StringComparison.Ordinal);
        Assert.DoesNotContain("Primero", english.Live(), StringComparison.Ordinal);
        // A language the deck lacks reads as the deck's own.
        Assert.Equal(english.Live(), AudienceView.Of(session, deck, "fr").Live());
    }

    [Fact]
    public void An_image_only_the_translation_shows_is_visible_once_its_step_was_shown_and_not_before()
    {
        Directory.CreateDirectory(DeckFolder);
        File.WriteAllBytes(Path.Combine(DeckFolder, "chart.png"), TinyPng);
        File.WriteAllBytes(Path.Combine(DeckFolder, "chart.es.png"), TinyPng);
        string[] english = ["---", "title: Charts", "language: en", "---", "# One", "", "---", "", "# Chart", "", ". . .", "", "![A chart](chart.png)"];
        string[] spanish = ["---", "title: Gráficos", "---", "# Uno", "", "---", "", "# Gráfico", "", ". . .", "", "![Un gráfico](chart.es.png)"];
        Write(english, spanish);
        var deck = Load();

        var before = AudienceView.Of(Session(new SlidePosition(1, 0, 3), ShownSlides.None.With(0, 0).With(1, 0)), deck, "es");
        var after = AudienceView.Of(Session(new SlidePosition(1, 1, 4), ShownSlides.None.With(0, 0).With(1, 1)), deck, "es");

        Assert.False(before.CanSeeMedia("chart.es.png"));
        Assert.True(after.CanSeeMedia("chart.es.png"));
        Assert.Contains("/j/ABC123/media/chart.es.png", after.Live(), StringComparison.Ordinal);
        // An English phone of the same room may fetch it too: it was shown to the room, only in other words.
        Assert.True(AudienceView.Of(Session(new SlidePosition(1, 1, 4), ShownSlides.None.With(0, 0).With(1, 1)), deck).CanSeeMedia("chart.es.png"));
    }

    [Fact]
    public void A_poll_card_on_a_spanish_slide_says_in_spanish_how_to_answer()
    {
        Write(English, Spanish);
        var deck = Load();

        Assert.Contains("Pick one on your phone", deck.Slides[1].Html, StringComparison.Ordinal);
        Assert.Contains("Elijan una opción en su teléfono", deck.In("es").Slides[1].Html, StringComparison.Ordinal);
        Assert.DoesNotContain("on your phone", deck.In("es").Slides[4].Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_labelled_in_the_translation_keep_every_count_in_its_place()
    {
        Write(English, Spanish);
        var deck = Load();
        var english = deck.Polls.Single(p => p.Id == "rank");
        var results = new PollResults("rank", PollType.Ranking, 2, [],
            [new RankResult(2, "Cherry", 4, 1.0), new RankResult(0, "Apple", 2, 2.0), new RankResult(1, "Banana", 0, 3.0)], [], []);

        var spanish = results.LabelledAs(deck.In("es").Polls.Single(p => p.Id == english.Id));

        Assert.Equal(
            [new RankResult(2, "Cereza", 4, 1.0), new RankResult(0, "Manzana", 2, 2.0), new RankResult(1, "Plátano", 0, 3.0)],
            spanish.Ranking);
        Assert.Equal(2, spanish.Voters);
    }

    private static LiveSessionState Session(SlidePosition position, ShownSlides shown) =>
        new("ABC123", Slug, false, position, shown, DateTimeOffset.UnixEpoch, SpeakerTimer.Zero, new SessionPlan());

    private void Write(string[] english, string[]? spanish = null)
    {
        Directory.CreateDirectory(DeckFolder);
        File.WriteAllLines(Path.Combine(DeckFolder, DeckParser.DeckFileName), english);
        if (spanish is not null)
        {
            File.WriteAllLines(SpanishFile, spanish);
        }
    }

    private Deck Load()
    {
        var result = DeckParser.Load(DeckFolder);
        Assert.True(result.Succeeded, "The deck should load, but: " + string.Join(Environment.NewLine, result.Problems));
        Assert.Empty(result.Problems);
        return result.Deck!;
    }

    private List<DeckProblem> Errors()
    {
        var result = DeckParser.Load(DeckFolder);
        Assert.False(result.Succeeded, "The deck should not load.");
        return result.Errors.ToList();
    }

    private static string[] Without(string[] lines, string line) => lines.Where(l => l != line).ToArray();

    private static string[] Replace(string[] lines, string line, string with) => lines.Select(l => l == line ? with : l).ToArray();

    /// <summary>1-based line of <paramref name="line"/> in <paramref name="lines"/>.</summary>
    private static int LineOf(string[] lines, string line) => Array.IndexOf(lines, line) + 1;
}
