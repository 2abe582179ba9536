using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Core.Tests.Slides;

public sealed class FrontMatterTests
{
    [Fact]
    public void Every_front_matter_key_is_read_into_the_metadata()
    {
        var deck = TestDecks.ParseDeck(TestDecks.Lines(
            "---",
            "title: Living with data",
            "subtitle: A short tour",
            "speaker: Ada Lovelace",
            "affiliation: Analytical Society",
            "date: 14 March 2026",
            "event: OpenHealth Days",
            "licence: CC-BY-4.0",
            "language: fr-CA",
            "duration: 40m",
            "audience-can-browse-ahead: true",
            "---",
            "# One"));

        var expected = new DeckMetadata
        {
            Title = "Living with data",
            Subtitle = "A short tour",
            Speaker = "Ada Lovelace",
            Affiliation = "Analytical Society",
            Date = "14 March 2026",
            Event = "OpenHealth Days",
            Licence = "CC-BY-4.0",
            Language = "fr-CA",
            PlannedDuration = TimeSpan.FromMinutes(40),
            AudienceCanBrowseAhead = true,
        };
        Assert.Equal(expected, deck.Metadata);
        Assert.Empty(deck.Warnings);
    }

    [Fact]
    public void The_american_spelling_license_fills_the_licence()
    {
        var deck = TestDecks.ParseDeck(TestDecks.Lines("---", "title: T", "license: MIT", "---", "# One"));

        Assert.Equal("MIT", deck.Metadata.Licence);
        Assert.Empty(deck.Warnings);
    }

    [Fact]
    public void A_front_matter_with_only_a_title_gets_the_defaults()
    {
        var deck = TestDecks.ParseDeck(TestDecks.Lines("---", "title: '  Just a title  '", "---", "# One"));

        Assert.Equal("Just a title", deck.Metadata.Title);
        Assert.Null(deck.Metadata.Subtitle);
        Assert.Null(deck.Metadata.Speaker);
        Assert.Null(deck.Metadata.Licence);
        Assert.Null(deck.Metadata.PlannedDuration);
        Assert.Equal("en", deck.Metadata.Language);
        Assert.False(deck.Metadata.AudienceCanBrowseAhead);
    }

    [Theory]
    [InlineData("40", 40)]
    [InlineData("90", 90)]
    [InlineData("40m", 40)]
    [InlineData("40 min", 40)]
    [InlineData("1h15m", 75)]
    [InlineData("1h 15m", 75)]
    [InlineData("2h", 120)]
    [InlineData("2H", 120)]
    [InlineData("01:15:00", 75)]
    [InlineData("1:15:00", 75)]
    [InlineData("1:15", 75)]
    [InlineData("01:15", 75)]
    public void A_duration_may_be_written_in_minutes_hours_and_minutes_or_as_a_clock_time(string written, int minutes)
    {
        var deck = TestDecks.ParseDeck(TestDecks.Lines("---", "title: T", $"duration: {written}", "---", "# One"));

        Assert.Equal(TimeSpan.FromMinutes(minutes), deck.Metadata.PlannedDuration);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("soon")]
    [InlineData("40s")]
    [InlineData("00:00:00")]
    [InlineData("0h")]
    [InlineData("0h 0m")]
    [InlineData("1h15")]
    [InlineData("99999999999h")]
    [InlineData("99999999999")]
    [InlineData("\u0664\u0660m")]
    public void A_duration_that_is_not_a_positive_length_of_time_is_an_error_on_its_line(string written)
    {
        var error = TestDecks.SingleError(TestDecks.Lines("---", "title: T", "speaker: Ann", $"duration: {written}", "---", "# One"));

        Assert.Equal(4, error.Line);
        Assert.Contains("is not a duration", error.Message, StringComparison.Ordinal);
        Assert.Contains(written, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("de")]
    [InlineData("pt-BR")]
    public void A_known_language_tag_is_kept(string tag)
    {
        var deck = TestDecks.ParseDeck(TestDecks.Lines("---", "title: T", $"language: {tag}", "---", "# One"));

        Assert.Equal(tag, deck.Metadata.Language);
    }

    [Fact]
    public void An_unknown_language_is_an_error_on_its_line()
    {
        var error = TestDecks.SingleError(TestDecks.Lines("---", "title: T", "language: klingon", "---", "# One"));

        Assert.Equal(3, error.Line);
        Assert.Contains("'language: klingon' is not a language tag", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    public void Audience_can_browse_ahead_reads_true_or_false(string written, bool expected)
    {
        var deck = TestDecks.ParseDeck(TestDecks.Lines("---", "title: T", $"audience-can-browse-ahead: {written}", "---", "# One"));

        Assert.Equal(expected, deck.Metadata.AudienceCanBrowseAhead);
    }

    [Fact]
    public void Audience_can_browse_ahead_with_anything_but_true_or_false_is_an_error_on_its_line()
    {
        var error = TestDecks.SingleError(TestDecks.Lines("---", "title: T", "audience-can-browse-ahead: yes", "---", "# One"));

        Assert.Equal(3, error.Line);
        Assert.Contains("must be true or false", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auto", "auto")]
    [InlineData("dark", "dark")]
    [InlineData("light", "light")]
    [InlineData("Dark", "dark")]
    public void The_theme_is_auto_dark_or_light(string written, string expected)
    {
        var deck = TestDecks.ParseDeck(TestDecks.Lines("---", "title: T", $"theme: {written}", "---", "# One"));

        Assert.Equal(expected, deck.Metadata.Theme);
    }

    [Fact]
    public void Without_a_theme_each_screen_follows_its_device()
    {
        var deck = TestDecks.ParseDeck(TestDecks.Lines("---", "title: T", "---", "# One"));

        Assert.Equal("auto", deck.Metadata.Theme);
    }

    [Theory]
    [InlineData("sepia")]
    [InlineData("true")]
    public void Any_other_theme_is_an_error_on_its_line(string written)
    {
        var error = TestDecks.SingleError(TestDecks.Lines("---", "title: T", "speaker: Ann", $"theme: {written}", "---", "# One"));

        Assert.Equal(4, error.Line);
        Assert.Equal($"'theme: {written}' must be auto (follows each device), dark or light.", error.Message);
    }

    [Fact]
    public void An_unknown_key_is_a_warning_on_its_own_line_and_the_deck_still_loads()
    {
        var deck = TestDecks.ParseDeck(TestDecks.Lines(
            "---",
            "title: T",
            "speeker: Ann",
            "speaker: Ann",
            "venue: Room 2",
            "---",
            "# One"));

        Assert.Collection(deck.Warnings,
            w =>
            {
                Assert.Equal(DeckProblemSeverity.Warning, w.Severity);
                Assert.Equal(3, w.Line);
                Assert.Equal(TestDecks.File, w.File);
                Assert.StartsWith("Unknown front-matter key 'speeker'.", w.Message, StringComparison.Ordinal);
                Assert.Contains("speaker", w.Message[w.Message.IndexOf("Known keys", StringComparison.Ordinal)..], StringComparison.Ordinal);
            },
            w =>
            {
                Assert.Equal(5, w.Line);
                Assert.Contains("'venue'", w.Message, StringComparison.Ordinal);
            });
        Assert.Equal("Ann", deck.Metadata.Speaker);
    }

    [Theory]
    [InlineData("title: T\nspeaker: Ann\nevent: a: b", 4)]
    [InlineData("title: T\n  bad: indent\nevent: x", 3)]
    [InlineData("title: T\nspeaker: Ann\nspeaker: Bob", 4)]
    public void Invalid_yaml_is_an_error_naming_the_file_and_the_line_in_the_deck(string yaml, int line)
    {
        var error = TestDecks.SingleError("---\n" + yaml + "\n---\n# One\n");

        Assert.Equal(DeckProblemSeverity.Error, error.Severity);
        Assert.Equal(TestDecks.File, error.File);
        Assert.Equal(line, error.Line);
        Assert.StartsWith("The front matter is not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{TestDecks.File}:{line}: error: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_list_followed_by_another_key_is_reported_not_thrown()
    {
        var result = TestDecks.Parse(TestDecks.Lines(
            "---",
            "title: T",
            "affiliation: [Analytical Society",
            "event: OpenHealth Days",
            "---",
            "# One"));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("front matter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_title_is_an_error_that_suggests_one_from_the_folder_name()
    {
        var error = TestDecks.SingleError(TestDecks.Lines("---", "speaker: Ann", "---", "# One"));

        Assert.Equal(2, error.Line);
        Assert.Contains("has no title", error.Message, StringComparison.Ordinal);
        Assert.Contains("'title: Test Deck'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title:")]
    [InlineData("title: ''")]
    [InlineData("title: '   '")]
    public void A_blank_title_is_an_error(string titleLine)
    {
        var error = TestDecks.SingleError(TestDecks.Lines("---", titleLine, "---", "# One"));

        Assert.Contains("has no title", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_where_a_single_value_belongs_is_an_error_on_the_key_line()
    {
        var error = TestDecks.SingleError(TestDecks.Lines("---", "title: T", "speaker:", "  - Ann", "  - Bob", "---", "# One"));

        Assert.Equal(3, error.Line);
        Assert.Contains("'speaker' must be a single value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_front_matter_that_is_not_key_value_lines_is_an_error()
    {
        var error = TestDecks.SingleError(TestDecks.Lines("---", "- title", "- speaker", "---", "# One"));

        Assert.Equal(2, error.Line);
        Assert.Contains("must be a list of 'key: value' lines", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_front_matter_that_is_never_closed_is_an_error_on_line_one()
    {
        var result = TestDecks.Parse(TestDecks.Lines("---", "title: T", "", "# One", "", "Text"));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_front_matter_that_is_never_closed_reports_nothing_but_that()
    {
        var result = TestDecks.Parse(TestDecks.Lines("---", "title: T", "", "# One", "", "Text"));

        var problem = Assert.Single(result.Problems);
        Assert.Contains("never closed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deck_without_front_matter_is_an_error_on_line_one_that_shows_an_example()
    {
        var error = TestDecks.SingleError(TestDecks.Lines("# One", "", "Text"));

        Assert.Equal(1, error.Line);
        Assert.Contains("must start with YAML front matter", error.Message, StringComparison.Ordinal);
        Assert.Contains("'title: Test Deck'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_front_matter_may_be_closed_with_three_dots()
    {
        var deck = TestDecks.ParseDeck(TestDecks.Lines("---", "title: T", "...", "# One"));

        Assert.Equal("T", deck.Metadata.Title);
        Assert.Equal("One", Assert.Single(deck.Slides).Title);
    }

    [Fact]
    public void A_problem_without_a_line_is_located_at_the_file_only()
    {
        var problem = new DeckProblem(DeckProblemSeverity.Warning, "deck.md", 0, "Something");

        Assert.Equal("deck.md: warning: Something", problem.ToString());
    }
}
