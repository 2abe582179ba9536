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

    [Fact]
    public void A_translation_s_own_words_for_the_title_page_replace_those_of_deck_md()
    {
        string[] words = ["subtitle: {0} sub", "speaker: {0} speaker", "affiliation: {0} place", "date: {0} date", "event: {0} event", "licence: {0} licence"];
        Write(
            ["---", "title: Open care", "language: en", .. words.Select(w => string.Format(System.Globalization.CultureInfo.InvariantCulture, w, "English")), "---", "# One"],
            ["---", "title: Salud abierta", .. words.Select(w => string.Format(System.Globalization.CultureInfo.InvariantCulture, w, "Spanish")), "---", "# Uno"]);

        var spanish = Load().In("es").Metadata;

        Assert.Equal(
            ("Spanish sub", "Spanish speaker", "Spanish place", "Spanish date", "Spanish event", "Spanish licence"),
            (spanish.Subtitle, spanish.Speaker, spanish.Affiliation, spanish.Date, spanish.Event, spanish.Licence));
    }

    [Fact]
    public void Title_page_words_a_translation_leaves_out_are_those_of_deck_md()
    {
        string[] words = ["subtitle: English sub", "speaker: English speaker", "affiliation: English place", "date: English date", "event: English event", "licence: English licence"];
        Write(["---", "title: Open care", "language: en", .. words, "---", "# One"], ["---", "title: Salud abierta", "---", "# Uno"]);

        var spanish = Load().In("es").Metadata;

        Assert.Equal(
            ("English sub", "English speaker", "English place", "English date", "English event", "English licence"),
            (spanish.Subtitle, spanish.Speaker, spanish.Affiliation, spanish.Date, spanish.Event, spanish.Licence));
    }

    [Theory]
    [InlineData("duration: 30")]
    [InlineData("audience-can-browse-ahead: true")]
    [InlineData("theme: light")]
    public void A_setting_only_deck_md_may_set_is_ignored_in_a_translation_with_a_warning(string line)
    {
        Write(English, [Spanish[0], Spanish[1], line, .. Spanish[2..]]);

        var result = DeckParser.Load(DeckFolder);

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Problems);
        Assert.Equal((SpanishFile, 3, DeckProblemSeverity.Warning), (warning.File, warning.Line, warning.Severity));
        Assert.Equal($"'{line[..line.IndexOf(':', StringComparison.Ordinal)]}' is set in deck.md only, for every language; remove this line from the translation (it is ignored).", warning.Message);
        Assert.Equal("dark", result.Deck!.In("es").Metadata.Theme);
    }

    [Theory]
    [InlineData(false, "4 slides")]
    [InlineData(true, "1 slide")]
    public void The_slide_count_error_says_how_to_find_the_slide_missing(bool firstSlideOnly, string count)
    {
        // The first slide ends before its '---' on line 12; the last slide is the last 13 lines.
        Write(English, firstSlideOnly ? Spanish[..11] : Spanish[..^13]);

        var error = Assert.Single(Errors());

        Assert.Equal(
            $"deck.es.md has {count} but deck.md has 5: a translation has the same slides, in the same order, so that every phone is on the same slide "
            + "whatever its language. Compare the slide titles to find the one missing or added.",
            error.Message);
    }

    [Fact]
    public void The_fragment_error_names_the_slide_in_deck_md_and_says_what_to_do()
    {
        Write(English, Without(Spanish, ". . ."));

        Assert.Equal(
            "Slide 3 has no fragment here but 1 fragment in deck.md (its slide 3 is 'Step by step'). "
            + "Pause ('. . .') and list incrementally in the same places, so a phone reveals the same step as the projector.",
            Assert.Single(Errors()).Message);
    }

    [Theory]
    [InlineData("# Salud abierta", "Slide 1 has the classes none here but .title in deck.md; it will look different in this language.")]
    [InlineData("# Salud abierta {.title .dark}", "Slide 1 has the classes .title .dark here but .title in deck.md; it will look different in this language.")]
    public void A_translated_slide_with_other_classes_is_a_warning_naming_both(string heading, string message)
    {
        var spanish = Replace(Spanish, "# Salud abierta {.title}", heading);
        Write(English, spanish);

        var result = DeckParser.Load(DeckFolder);

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Problems);
        Assert.Equal((SpanishFile, LineOf(spanish, heading), DeckProblemSeverity.Warning, message), (warning.File, warning.Line, warning.Severity, warning.Message));
    }

    [Fact]
    public void A_poll_only_the_translation_asks_is_an_error_on_its_block()
    {
        string[] extra = ["", "```poll", "id: extra", "type: wordcloud", "question: ¿Una palabra?", "```"];
        var at = Array.IndexOf(Spanish, "Segundo") + 1;
        var spanish = Spanish[..at].Concat(extra).Concat(Spanish[at..]).ToArray();
        Write(English, spanish);

        var error = Assert.Single(Errors());

        Assert.Equal(LineOf(spanish, "id: extra") - 1, error.Line);
        Assert.Equal("Slide 3 asks the poll 'extra' here, but deck.md asks no such poll on that slide.", error.Message);
    }

    [Fact]
    public void The_poll_errors_say_what_to_do()
    {
        Write(English, Replace(Spanish, "id: pick", "id: elige"));
        Assert.Equal(
            "Slide 2 asks the poll 'elige' here but 'pick' in deck.md. A translated poll keeps its id: votes from every language count in the one poll.",
            Assert.Single(Errors()).Message);

        Write(English, Without(Spanish, "  - Cereza"));
        Assert.Equal(
            "Slide 5: the poll 'rank' has 2 options here but 3 in deck.md. Translate each option, in the same order: a vote counts for the option in the same place.",
            Assert.Single(Errors()).Message);

        Write(English, Replace(Spanish, "type: ranking", "type: multiple"));
        Assert.Equal("Slide 5: the poll 'rank' is a multiple poll here but a ranking poll in deck.md.", Assert.Single(Errors()).Message);

        var start = Array.IndexOf(Spanish, "id: rank") - 1;
        Write(English, Spanish[..start]);
        Assert.Equal("Slide 5 asks the poll 'rank' in deck.md but not here. Translate its poll block too (same id).", Assert.Single(Errors()).Message);
    }

    [Fact]
    public void A_translated_quiz_answer_error_gives_both_options_by_place()
    {
        Write(English, Replace(Spanish, "answer: Correcta", "answer: Incorrecta"));

        Assert.Equal(
            "Slide 4: the poll 'quiz' gives the answer 'Incorrecta' (option 2) here but option 1 ('Right') in deck.md. The answer is the translation of the same option.",
            Assert.Single(Errors()).Message);
    }

    [Fact]
    public void A_quiz_answered_by_the_second_option_in_both_languages_loads()
    {
        Write(Replace(English, "answer: Right", "answer: Wrong"), Replace(Spanish, "answer: Correcta", "answer: Incorrecta"));

        Assert.Equal("Incorrecta", Load().In("es").Polls[1].Answer);
    }

    public static TheoryData<string[], string[], string> PollSettings => new()
    {
        { ["type: rating", "question: Q?", "items: [A, B]"], ["type: rating", "question: P?", "items: [A]"], "has 1 item here but 2 in deck.md. Translate each item, in the same order." },
        { ["type: rating", "question: Q?", "items: [A]", "scale: 5"], ["type: rating", "question: P?", "items: [A]", "scale: 7"], "has 'scale: 7' here but 5 in deck.md." },
        { ["type: multiple", "question: Q?", "options: [A, B, C]", "max: 2"], ["type: multiple", "question: P?", "options: [A, B, C]"], "has 'max: 3' here but 2 in deck.md." },
        { ["type: wordcloud", "question: Q?"], ["type: wordcloud", "question: P?", "auto-open: true"], "has 'auto-open: true' here but false in deck.md." },
        { ["type: wordcloud", "question: Q?", "auto-open: true"], ["type: wordcloud", "question: P?"], "has 'auto-open: false' here but true in deck.md." },
    };

    [Theory]
    [MemberData(nameof(PollSettings))]
    public void A_translated_poll_must_keep_every_setting_of_the_original(string[] english, string[] spanish, string message)
    {
        Write(
            ["---", "title: Open care", "language: en", "---", "# One", "", "```poll", "id: p", .. english, "```"],
            ["---", "title: Salud abierta", "---", "# Uno", "", "```poll", "id: p", .. spanish, "```"]);

        var error = Assert.Single(Errors());

        Assert.Equal((6, "Slide 1: the poll 'p' " + message), (error.Line, error.Message));
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
