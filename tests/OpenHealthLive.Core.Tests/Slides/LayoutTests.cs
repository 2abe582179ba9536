using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Core.Tests.Slides;

/// <summary>How a slide is laid out and dressed: columns, footer and aside, tables, footnotes, emoji, slide classes and backgrounds.</summary>
public sealed class LayoutTests
{
    [Fact]
    public void Columns_render_as_a_columns_div_holding_one_div_per_column()
    {
        var slide = SingleSlide("# One", "", ":::: columns", "::: column", "Left", ":::", "::: column", "Right", ":::", "::::");

        Assert.Equal(
            "<h1>One</h1>\n<div class=\"columns\">\n<div class=\"column\"><p>Left</p>\n</div>\n<div class=\"column\"><p>Right</p>\n</div>\n</div>\n",
            TestDecks.Inner(slide.Html));
    }

    [Theory]
    [InlineData("40%", "40")]
    [InlineData("10%", "10")]
    [InlineData("90%", "90")]
    [InlineData("65", "65")]
    public void A_column_width_becomes_a_data_width_in_percent(string written, string expected)
    {
        var slide = SingleSlide("# One", "", ":::: columns", $"::: {{.column width=\"{written}\"}}", "Left", ":::", "::: column", "Right", ":::", "::::");

        Assert.Contains($"<div class=\"column\" data-width=\"{expected}\"><p>Left</p>", slide.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("width=\"", slide.Html.Replace("data-width=\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("33%")]
    [InlineData("5%")]
    [InlineData("95%")]
    [InlineData("half")]
    [InlineData("-40%")]
    [InlineData("")]
    public void A_column_width_that_is_not_a_multiple_of_5_between_10_and_90_percent_is_an_error_on_its_line(string written)
    {
        var error = TestDecks.SingleError(TestDecks.WithFrontMatter("# One", "", ":::: columns", $"::: {{.column width=\"{written}\"}}", "Left", ":::", "::::"));

        Assert.Equal(7, error.Line);
        Assert.Equal($"Column width '{written}' must be a multiple of 5% between 10% and 90%.", error.Message);
    }

    [Theory]
    [InlineData("footer")]
    [InlineData("aside")]
    public void A_footer_or_an_aside_renders_as_a_div_with_its_class(string kind)
    {
        var slide = SingleSlide("# One", "", $"::: {kind}", "Burgos-Artizzu *et al.* 2020", ":::");

        Assert.Equal($"<h1>One</h1>\n<div class=\"{kind}\"><p>Burgos-Artizzu <em>et al.</em> 2020</p>\n</div>\n", TestDecks.Inner(slide.Html));
    }

    [Fact]
    public void A_footer_and_an_aside_do_not_count_towards_the_length_of_a_slide()
    {
        string[] bullets = [.. Enumerable.Range(1, 10).Select(i => $"- Point {i}")];
        string[] paragraphs = [.. Enumerable.Range(1, 4).SelectMany(i => new[] { $"Source number {i}", "" })];

        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter(["## One", "", .. bullets, "", "::: footer", .. paragraphs, ":::", "", "::: aside", .. paragraphs, ":::"]));

        Assert.Empty(deck.Warnings);
    }

    [Fact]
    public void A_pipe_table_renders_as_an_html_table_with_its_alignment()
    {
        var slide = SingleSlide("# One", "", "| Model | FID |", "|:---|---:|", "| DSR-GAN | **7.04** |");

        Assert.Equal(
            "<h1>One</h1>\n<table>\n<thead>\n<tr>\n<th style=\"text-align: left;\">Model</th>\n<th style=\"text-align: right;\">FID</th>\n</tr>\n</thead>\n"
            + "<tbody>\n<tr>\n<td style=\"text-align: left;\">DSR-GAN</td>\n<td style=\"text-align: right;\"><strong>7.04</strong></td>\n</tr>\n</tbody>\n</table>\n",
            TestDecks.Inner(slide.Html));
    }

    [Fact]
    public void A_footnote_is_a_numbered_reference_with_its_note_at_the_end_of_the_slide()
    {
        var slide = SingleSlide("# One", "", "Evidence[^study].", "", "[^study]: A study of 40 people.");

        Assert.Equal(
            "<h1>One</h1>\n<p>Evidence<a id=\"fnref:1\" href=\"#fn:1\" class=\"footnote-ref\"><sup>1</sup></a>.</p>\n"
            + "<div class=\"footnotes\">\n<hr />\n<ol>\n<li id=\"fn:1\">\n<p>A study of 40 people.<a href=\"#fnref:1\" class=\"footnote-back-ref\">&#8617;</a></p>\n</li>\n</ol>\n</div>\n",
            TestDecks.Inner(slide.Html));
    }

    [Fact]
    public void Emoji_shortcodes_become_emoji_in_the_slide_and_its_title()
    {
        var slide = SingleSlide("## Join the community :rocket:", "", ":hospital: and :tada:");

        Assert.Equal("Join the community 🚀", slide.Title);
        Assert.Equal("<h2>Join the community 🚀</h2>\n<p>🏥 and 🎉</p>\n", TestDecks.Inner(slide.Html));
    }

    [Theory]
    [InlineData("section")]
    [InlineData("title")]
    public void A_class_on_the_first_heading_becomes_a_slide_class_on_the_wrapper(string cls)
    {
        var slide = SingleSlide($"# Use case: fetal ultrasound {{.{cls}}}", "", "Text");

        Assert.Equal([cls], slide.Classes);
        Assert.Equal($"<div class=\"slide-body {cls}\">\n<h1>Use case: fetal ultrasound</h1>\n<p>Text</p>\n</div>", slide.Html);
        Assert.Equal("Use case: fetal ultrasound", slide.Title);
    }

    [Fact]
    public void Several_slide_classes_are_kept_in_order()
    {
        var slide = SingleSlide("# One {.section .dark-band}");

        Assert.Equal(["section", "dark-band"], slide.Classes);
        Assert.StartsWith("<div class=\"slide-body section dark-band\">", slide.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Big")]
    [InlineData("9lives")]
    public void A_slide_class_that_is_not_lower_case_letters_digits_and_dashes_is_an_error(string cls)
    {
        var error = TestDecks.SingleError(TestDecks.WithFrontMatter("# One", "", "---", "", $"## Two {{.{cls}}}"));

        Assert.Equal(8, error.Line);
        Assert.Equal($"'{cls}' is not a slide class; use lower-case letters, digits and dashes.", error.Message);
    }

    [Theory]
    [InlineData("#0b3d4f")]
    [InlineData("#fff")]
    [InlineData("#0b3d4f80")]
    [InlineData("black")]
    public void A_background_colour_becomes_a_data_attribute_on_the_wrapper(string colour)
    {
        var slide = SingleSlide($"# One {{background-color=\"{colour}\"}}", "", "Text");

        Assert.Equal($"<div class=\"slide-body\" data-background-color=\"{colour}\">\n<h1>One</h1>\n<p>Text</p>\n</div>", slide.Html);
    }

    [Theory]
    [InlineData("#12")]
    [InlineData("#zzzzzz")]
    [InlineData("red;background:url(x)")]
    [InlineData("rgb(0,0,0)")]
    [InlineData("\" onload=\"x")]
    public void A_background_colour_that_is_not_a_hex_colour_or_a_name_is_an_error_on_the_heading_line(string colour)
    {
        var error = TestDecks.SingleError(TestDecks.WithFrontMatter("# One", "", "---", "", $"# Two {{background-color='{colour}'}}"));

        Assert.Equal(8, error.Line);
        Assert.StartsWith("background-color '", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("' is not a colour such as '#0b3d4f' or 'black'.", error.Message, StringComparison.Ordinal);
    }

    private static Slide SingleSlide(params string[] body) => Assert.Single(TestDecks.ParseDeck(TestDecks.WithFrontMatter(body)).Slides);
}
