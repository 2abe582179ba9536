namespace OpenHealthLive.Core.Tests.Slides;

public sealed class SlideContentTests
{
    [Theory]
    [InlineData("::: notes")]
    [InlineData(":::notes")]
    [InlineData("::: NOTES")]
    [InlineData("::: {.notes}")]
    [InlineData("::: {.notes .wide}")]
    [InlineData(":::: notes")]
    public void Speaker_notes_are_removed_from_the_slide_and_kept_as_notes(string opening)
    {
        var fence = opening[..opening.LastIndexOf(':')] + ":";
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter(
            "# One",
            "",
            "Visible text",
            "",
            opening,
            "Say *this* slowly",
            fence,
            "",
            "---",
            "",
            "# Two"));

        var withNotes = deck.Slides[0];
        Assert.Equal("<h1>One</h1>\n<p>Visible text</p>\n", TestDecks.Inner(withNotes.Html));
        Assert.Equal("<p>Say <em>this</em> slowly</p>\n", withNotes.NotesHtml);
        Assert.DoesNotContain("slowly", withNotes.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("slowly", withNotes.HtmlAt(0), StringComparison.Ordinal);
        Assert.Equal(string.Empty, deck.Slides[1].NotesHtml);
    }

    [Fact]
    public void A_slide_is_one_slide_body_div_around_its_rendered_markdown()
    {
        var slide = Assert.Single(TestDecks.ParseDeck(TestDecks.WithFrontMatter("# One", "", "Text")).Slides);

        Assert.Equal("<div class=\"slide-body\">\n<h1>One</h1>\n<p>Text</p>\n</div>", slide.Html);
    }

    [Fact]
    public void Every_fragment_step_is_wrapped_like_the_whole_slide()
    {
        var slide = Assert.Single(TestDecks.ParseDeck(TestDecks.WithFrontMatter("# One {.section}", "", ". . .", "", "Later")).Slides);

        Assert.Equal(2, slide.Steps.Count);
        Assert.All(slide.Steps, step => Assert.StartsWith("<div class=\"slide-body section\">\n", step, StringComparison.Ordinal));
        Assert.All(slide.Steps, step => Assert.EndsWith("</div>", step, StringComparison.Ordinal));
    }

    [Fact]
    public void Several_notes_blocks_on_a_slide_are_joined_in_order()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter(
            "# One",
            "::: notes",
            "First",
            ":::",
            "Between",
            "",
            "::: notes",
            "Second",
            ":::"));

        var slide = Assert.Single(deck.Slides);
        Assert.Equal("<p>First</p>\n<p>Second</p>\n", slide.NotesHtml);
        Assert.Equal("<h1>One</h1>\n<p>Between</p>\n", TestDecks.Inner(slide.Html));
    }

    [Fact]
    public void A_dash_line_inside_speaker_notes_does_not_split_slides()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter(
            "# One",
            "",
            "::: notes",
            "Part one",
            "",
            "---",
            "",
            "Part two",
            ":::"));

        var slide = Assert.Single(deck.Slides);
        Assert.Equal("<p>Part one</p>\n<hr />\n<p>Part two</p>\n", slide.NotesHtml);
        Assert.Equal("<h1>One</h1>\n", TestDecks.Inner(slide.Html));
    }

    [Fact]
    public void A_container_with_another_class_stays_on_the_slide()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter("# One", "", "::: warning", "Mind the gap", ":::"));

        var slide = Assert.Single(deck.Slides);
        Assert.Contains("<div class=\"warning\"><p>Mind the gap</p>", slide.Html, StringComparison.Ordinal);
        Assert.Equal(string.Empty, slide.NotesHtml);
    }

    [Fact]
    public void Speaker_notes_nested_inside_another_block_never_reach_the_slide()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter(
            "# One",
            "",
            ":::: columns",
            "Left column",
            "",
            "::: notes",
            "Secret note",
            ":::",
            "::::"));

        var slide = Assert.Single(deck.Slides);
        Assert.DoesNotContain("Secret note", slide.Html, StringComparison.Ordinal);
        Assert.Contains("Secret note", slide.NotesHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- An item", "", "  ::: notes", "  Secret note", "  :::")]
    [InlineData("> A quote", ">", "> ::: notes", "> Secret note", "> :::")]
    [InlineData("::: aside", "::: notes", "Secret note", ":::", ":::")]
    [InlineData(":::: columns", "::: column", "Left", "", ":::: notes", "Secret note", "::::", ":::", "::::")]
    public void Speaker_notes_in_a_list_a_quote_or_any_container_never_reach_the_slide(params string[] body)
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter(["# One", "", .. body]));

        var slide = Assert.Single(deck.Slides);
        Assert.DoesNotContain("Secret", slide.Html, StringComparison.Ordinal);
        Assert.All(slide.Steps, step => Assert.DoesNotContain("Secret", step, StringComparison.Ordinal));
        Assert.DoesNotContain("Secret", slide.PlainText, StringComparison.Ordinal);
        Assert.Equal("<p>Secret note</p>\n", slide.NotesHtml);
    }

    [Fact]
    public void Notes_inside_notes_are_kept_once_with_the_outer_notes()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter("# One", "", ":::: notes", "Outer", "", "::: notes", "Inner", ":::", "::::"));

        var slide = Assert.Single(deck.Slides);
        Assert.Equal("<p>Outer</p>\n<div class=\"notes\"><p>Inner</p>\n</div>\n", slide.NotesHtml);
        Assert.Equal("<h1>One</h1>\n", TestDecks.Inner(slide.Html));
    }

    [Theory]
    [InlineData("::: {.notes .x}")]
    [InlineData("::: {.x .notes}")]
    [InlineData("::: {#n .notes}")]
    [InlineData("::: {.a .b .notes}")]
    [InlineData("::: {.notes")]
    [InlineData("::: {.Notes}")]
    [InlineData("::: {.NOTES .wide}")]
    [InlineData("::: .notes")]
    [InlineData("::: {.x} notes")]
    public void Speaker_notes_with_a_one_letter_class_beside_them_never_reach_the_slide(string opening)
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter("# One", "", opening, "Secret note", ":::"));

        var slide = Assert.Single(deck.Slides);
        Assert.DoesNotContain("Secret note", slide.Html, StringComparison.Ordinal);
        Assert.Equal("<p>Secret note</p>\n", slide.NotesHtml);
    }

    [Fact]
    public void Attributes_markdig_cannot_read_are_a_warning_on_their_line()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter("# One", "", "::: {.column .x}", "Text", ":::"));

        var warning = Assert.Single(deck.Warnings);
        Assert.Equal(6, warning.Line);
        Assert.Equal("The attributes '{.column .x}' cannot be read (a class or id of one letter is not accepted), so the block gets none of them. Use longer names.", warning.Message);
    }

    [Fact]
    public void Unread_attributes_on_speaker_notes_warn_that_the_notes_are_still_kept_from_the_audience()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter("# One", "", "::: {.notes .x}", "Secret", ":::"));

        var warning = Assert.Single(deck.Warnings);
        Assert.Equal(
            "The attributes '{.notes .x}' cannot be read (a class or id of one letter is not accepted), so the block gets none of them; it is still kept as speaker notes. Use longer names.",
            warning.Message);
    }

    [Theory]
    [InlineData(":::")]
    [InlineData("::: {#plain}")]
    public void A_container_with_no_class_is_shown_on_the_slide_as_it_is(string fence)
    {
        var slide = Assert.Single(TestDecks.ParseDeck(TestDecks.WithFrontMatter("# One", "", fence, "Shown to all", ":::")).Slides);

        Assert.Contains("<p>Shown to all</p>", slide.Html, StringComparison.Ordinal);
        Assert.Equal("", slide.NotesHtml);
        Assert.Equal(0, slide.FragmentCount);
    }

    [Fact]
    public void A_poll_s_question_options_and_items_are_in_the_slide_s_plain_text()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter(
            "## Vote", "", "```poll", "id: p", "type: single", "question: Which pillar?", "options: [Community, Security]", "```",
            "---", "## Rate", "", "```poll", "id: r", "type: rating", "question: How clear?", "items: [Slides, Talk]", "```"));

        Assert.Equal(["Vote Which pillar? Community Security", "Rate How clear? Slides Talk"], deck.Slides.Select(s => s.PlainText));
    }

    [Fact]
    public void A_slide_is_titled_by_its_first_heading_as_plain_text()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter(
            "Intro text",
            "",
            "## The *real* `Deck` :rocket:",
            "",
            "# Later heading"));

        Assert.Equal("The real Deck 🚀", Assert.Single(deck.Slides).Title);
    }

    [Fact]
    public void A_slide_without_a_heading_is_titled_by_its_number_counting_only_kept_slides()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter(
            "# One",
            "---",
            "---",
            "Only a paragraph",
            "",
            "---",
            "#",
            "",
            "Empty heading"));

        Assert.Equal(["One", "Slide 2", "Slide 3"], deck.Slides.Select(s => s.Title));
    }

    [Fact]
    public void A_heading_in_the_speaker_notes_never_becomes_the_slide_title()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter("::: notes", "# Secret plan", ":::", "", "Just text"));

        Assert.Equal("Slide 1", Assert.Single(deck.Slides).Title);
    }

    [Fact]
    public void An_html_entity_in_a_heading_is_kept_in_the_title()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter("# Fish &amp; chips"));

        Assert.Equal("Fish & chips", Assert.Single(deck.Slides).Title);
    }

    [Fact]
    public void An_autolink_in_a_heading_is_kept_in_the_title()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter("# Code at <https://example.org>"));

        Assert.Equal("Code at https://example.org", Assert.Single(deck.Slides).Title);
    }

    [Fact]
    public void Words_on_either_side_of_a_line_break_stay_apart_in_the_title_and_plain_text()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter("A heading over", "two lines", "===", "", "A paragraph over", "two lines"));

        var slide = Assert.Single(deck.Slides);
        Assert.Equal("A heading over two lines", slide.Title);
        Assert.Equal("A heading over two lines A paragraph over two lines", slide.PlainText);
    }

    [Fact]
    public void Each_slide_knows_the_line_where_its_content_starts()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter(
            "",
            "# One",
            "---",
            "",
            "",
            "# Two",
            "",
            "---",
            "Three starts with text"));

        Assert.Equal([5, 9, 12], deck.Slides.Select(s => s.SourceLine));
    }

    [Fact]
    public void Line_numbers_are_the_same_with_windows_line_endings()
    {
        var source = TestDecks.WithFrontMatter("# One", "", "---", "", "# Two", "", "---", "# Three").Replace("\n", "\r\n", StringComparison.Ordinal);

        var deck = TestDecks.ParseDeck(source);

        Assert.Equal([4, 8, 11], deck.Slides.Select(s => s.SourceLine));
        Assert.Equal(["One", "Two", "Three"], deck.Slides.Select(s => s.Title));
    }

    [Fact]
    public void Plain_text_holds_the_slide_words_without_markup()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter("# One", "", "Some **bold** text", "", "```", "code()", "```"));

        Assert.Equal("One Some bold text code()", Assert.Single(deck.Slides).PlainText);
    }

    [Fact]
    public void A_slide_has_one_step_with_the_whole_slide_until_fragments_exist()
    {
        var slide = Assert.Single(TestDecks.ParseDeck(TestDecks.WithFrontMatter("# One")).Slides);

        Assert.Equal(0, slide.FragmentCount);
        Assert.Equal([slide.Html], slide.Steps);
        Assert.Equal(slide.Html, slide.HtmlAt(5));
    }

    [Fact]
    public void The_fingerprint_is_stable_for_the_same_source_and_changes_with_any_edit()
    {
        var source = TestDecks.WithFrontMatter("# One", "", "Text");

        var first = TestDecks.ParseDeck(source).Fingerprint;
        var again = TestDecks.ParseDeck(source).Fingerprint;
        var edited = TestDecks.ParseDeck(source.Replace("Text", "Text.", StringComparison.Ordinal)).Fingerprint;

        Assert.Matches("^[0-9a-f]{12}$", first);
        Assert.Equal(first, again);
        Assert.NotEqual(first, edited);
    }
}
