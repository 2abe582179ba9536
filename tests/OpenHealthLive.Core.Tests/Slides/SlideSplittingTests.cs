using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Core.Tests.Slides;

public sealed class SlideSplittingTests
{
    [Fact]
    public void A_line_holding_only_three_dashes_starts_a_new_slide()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter(
            "# One",
            "",
            "---",
            "",
            "# Two",
            "---",
            "# Three"));

        Assert.Equal(["One", "Two", "Three"], deck.Slides.Select(s => s.Title));
        Assert.Equal([0, 1, 2], deck.Slides.Select(s => s.Index));
        Assert.Empty(deck.Warnings);
        Assert.All(deck.Slides, s => Assert.DoesNotContain("<hr", s.Html, StringComparison.Ordinal));
    }

    [Fact]
    public void A_dash_line_inside_a_code_block_does_not_split_slides()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter(
            "# YAML example",
            "",
            "```yaml",
            "---",
            "title: nested",
            "---",
            "```"));

        var slide = Assert.Single(deck.Slides);
        Assert.Equal(
            "<h1>YAML example</h1>\n<pre class=\"code\"><code class=\"language-yaml\">---\n<span class=\"keyword\">title</span>: nested\n---</code></pre>\n",
            TestDecks.Inner(slide.Html));
    }

    [Theory]
    [InlineData("~~~", "---", "~~~")]
    [InlineData("::: columns", "---", ":::")]
    [InlineData("> Quoted", ">\n> ---", "> end")]
    [InlineData("- item", "\n  ---", "- item")]
    public void A_dash_line_nested_inside_another_block_does_not_split_slides(string open, string dashes, string close)
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter("# One", "", open, dashes, close, "", "Still one"));

        var slide = Assert.Single(deck.Slides);
        Assert.Contains("Still one", slide.Html, StringComparison.Ordinal);
        Assert.Empty(deck.Warnings);
    }

    [Fact]
    public void A_dash_line_inside_the_front_matter_does_not_split_slides()
    {
        var deck = TestDecks.ParseDeck(TestDecks.Lines(
            "---",
            "title: T",
            "subtitle: |",
            "  before",
            "  ---",
            "  after",
            "---",
            "# One"));

        Assert.Equal("before\n---\nafter", deck.Metadata.Subtitle?.TrimEnd('\n'));
        Assert.Equal("One", Assert.Single(deck.Slides).Title);
        Assert.Empty(deck.Warnings);
    }

    [Theory]
    [InlineData("***")]
    [InlineData("___")]
    [InlineData("* * *")]
    public void A_thematic_break_made_of_other_characters_is_a_rule_not_a_slide_break(string rule)
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter("# One", "", "Above", "", rule, "", "Below"));

        var slide = Assert.Single(deck.Slides);
        Assert.Equal("<h1>One</h1>\n<p>Above</p>\n<hr />\n<p>Below</p>\n", TestDecks.Inner(slide.Html));
    }

    [Theory]
    [InlineData("-----")]
    [InlineData("- - -")]
    [InlineData("---   ")]
    public void Any_thematic_break_made_of_dashes_splits_slides(string dashes)
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter("# One", "", dashes, "", "# Two"));

        Assert.Equal(["One", "Two"], deck.Slides.Select(s => s.Title));
    }

    [Fact]
    public void A_text_line_underlined_with_dashes_is_a_heading_not_a_slide_break()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter(
            "# One",
            "",
            "A subheading",
            "---",
            "",
            "Text"));

        var slide = Assert.Single(deck.Slides);
        Assert.Equal("<h1>One</h1>\n<h2>A subheading</h2>\n<p>Text</p>\n", TestDecks.Inner(slide.Html));
    }

    [Fact]
    public void A_dash_line_right_under_text_is_a_warning_that_asks_for_a_blank_line()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter("# One", "", "Last words of slide one", "---", "# Two"));

        Assert.Single(deck.Slides);
        var warning = Assert.Single(deck.Warnings);
        Assert.Equal(DeckProblemSeverity.Warning, warning.Severity);
        Assert.Equal(7, warning.Line);
        Assert.Contains("'Last words of slide one'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean a slide break? Leave a blank line before ---.", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_warning_for_a_dash_line_under_text_is_on_the_dash_line_after_a_heading_of_several_lines()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter("# One", "", "First line", "second line", "-----", "", "Text"));

        Assert.Equal(8, Assert.Single(deck.Warnings).Line);
    }

    [Theory]
    [InlineData("Text", "", "---")]
    [InlineData("Text", "===")]
    [InlineData("Text", "--")]
    [InlineData("- item", "---")]
    [InlineData("> Quoted", "> ---")]
    [InlineData("::: aside", "Text", "---", ":::")]
    public void No_warning_when_the_dash_line_is_a_break_a_short_underline_or_inside_another_block(params string[] body)
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter(["# One", "", .. body, "", "More"]));

        Assert.Empty(deck.Warnings);
    }

    [Fact]
    public void An_empty_slide_is_skipped_with_a_warning_at_its_first_dash_line()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter(
            "# One",
            "",
            "---",
            "",
            "   ",
            "---",
            "",
            "# Two"));

        Assert.Equal(["One", "Two"], deck.Slides.Select(s => s.Title));
        Assert.Equal([0, 1], deck.Slides.Select(s => s.Index));
        var warning = Assert.Single(deck.Warnings);
        Assert.Equal(DeckProblemSeverity.Warning, warning.Severity);
        Assert.Equal(6, warning.Line);
        Assert.Contains("Empty slide", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dash_line_right_after_the_front_matter_leaves_an_empty_slide_that_is_skipped_with_a_warning()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter("---", "# One"));

        Assert.Equal("One", Assert.Single(deck.Slides).Title);
        Assert.Equal(3, Assert.Single(deck.Warnings).Line);
    }

    [Fact]
    public void A_dash_line_at_the_end_of_the_deck_is_skipped_with_a_warning()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter("# One", "", "---"));

        Assert.Single(deck.Slides);
        Assert.Equal(6, Assert.Single(deck.Warnings).Line);
    }

    [Fact]
    public void An_empty_deck_has_no_slides_error()
    {
        var result = TestDecks.Parse(string.Empty);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Message.StartsWith("The deck has no slides.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("---\ntitle: T\n---\n")]
    [InlineData("---\ntitle: T\n---")]
    [InlineData("---\ntitle: T\n---\n\n   \n\n")]
    [InlineData("---\ntitle: T\n---\n\n---\n\n---\n")]
    public void A_deck_with_only_front_matter_has_no_slides_error(string source)
    {
        var result = TestDecks.Parse(source);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("no slides", error.Message, StringComparison.Ordinal);
        Assert.Contains("'---'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_reported_on_line_one()
    {
        var result = TestDecks.Parse(string.Empty);

        Assert.All(result.Problems, p => Assert.Equal(1, p.Line));
        Assert.Equal(2, result.Errors.Count());
    }

    [Fact]
    public void Front_matter_alone_is_the_no_slides_error_and_nothing_else()
    {
        var problem = Assert.Single(TestDecks.Parse("---\ntitle: T\n---\n").Problems);

        Assert.Equal(DeckProblemSeverity.Error, problem.Severity);
    }

    [Fact]
    public void Text_underlined_with_dashes_right_after_the_front_matter_is_warned_about_too()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter("Intro", "---", "", "# Two"));

        var warning = Assert.Single(deck.Warnings);
        Assert.Equal(5, warning.Line);
        Assert.StartsWith("This '---' right under 'Intro' makes that text a heading", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_are_listed_in_line_order_whichever_check_found_them()
    {
        // The duplicate poll id is found after every slide was built, the long slide while building the third.
        var result = TestDecks.Parse(TestDecks.WithFrontMatter(
            [
                "## First", "", "```poll", "id: same", "type: wordcloud", "question: One word?", "```",
                "---", "## Second", "", "```poll", "id: same", "type: wordcloud", "question: Another word?", "```",
                "---", "## Third", "", .. Enumerable.Range(1, 20).Select(i => $"- Point {i}"),
            ]));

        Assert.Equal([(14, DeckProblemSeverity.Error), (20, DeckProblemSeverity.Warning)], result.Problems.Select(p => (p.Line, p.Severity)));
    }
}
