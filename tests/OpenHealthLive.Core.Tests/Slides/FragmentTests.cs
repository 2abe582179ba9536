using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Core.Tests.Slides;

/// <summary>
/// Incremental reveals: <c>. . .</c> pauses and <c>::: incremental</c> lists. The presenter gets the whole slide
/// with every fragment marked; the audience gets one HTML per step in which what is not yet revealed is absent.
/// </summary>
public sealed class FragmentTests
{
    [Fact]
    public void Pauses_make_fragments_and_each_step_holds_exactly_what_is_revealed_so_far()
    {
        var slide = SingleSlide("# One", "", "Intro", "", ". . .", "", "Second", "", ". . .", "", "- Third a", "- Third b");

        Assert.Equal(2, slide.FragmentCount);
        Assert.Equal(3, slide.Steps.Count);
        Assert.Equal("<h1>One</h1>\n<p>Intro</p>\n", TestDecks.Inner(slide.Steps[0]));
        Assert.Equal("<h1>One</h1>\n<p>Intro</p>\n<p class=\"fragment\" data-fragment=\"1\">Second</p>\n", TestDecks.Inner(slide.Steps[1]));
        Assert.Equal(slide.Html, slide.Steps[2]);
    }

    [Fact]
    public void The_presenter_html_has_every_fragment_marked_with_its_number()
    {
        var slide = SingleSlide("# One", "", "Intro", "", ". . .", "", "Second", "", ". . .", "", "- Third a", "- Third b");

        Assert.Equal(
            "<h1>One</h1>\n<p>Intro</p>\n<p class=\"fragment\" data-fragment=\"1\">Second</p>\n"
            + "<ul class=\"fragment\" data-fragment=\"2\">\n<li>Third a</li>\n<li>Third b</li>\n</ul>\n",
            TestDecks.Inner(slide.Html));
        Assert.DoesNotContain(". . .", slide.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlAt_clamps_the_step_to_the_slide_fragments()
    {
        var slide = SingleSlide("# One", "", ". . .", "", "Later");

        Assert.Equal(slide.Steps[0], slide.HtmlAt(-1));
        Assert.Equal(slide.Html, slide.HtmlAt(7));
    }

    [Fact]
    public void Each_item_of_an_incremental_list_is_a_fragment_of_its_own()
    {
        var slide = SingleSlide("# One", "", "::: incremental", "- one", "- two", "- three", ":::");

        Assert.Equal(3, slide.FragmentCount);
        for (var step = 0; step <= 3; step++)
        {
            var html = slide.Steps[step];
            string[] items = ["one", "two", "three"];
            for (var item = 0; item < items.Length; item++)
            {
                var expected = $"<li class=\"fragment\" data-fragment=\"{item + 1}\">{items[item]}</li>";
                if (item < step)
                {
                    Assert.Contains(expected, html, StringComparison.Ordinal);
                }
                else
                {
                    Assert.DoesNotContain(items[item], html, StringComparison.Ordinal);
                }
            }
        }

        Assert.Equal(slide.Html, slide.Steps[3]);
    }

    [Fact]
    public void Content_after_an_incremental_list_shows_from_the_start()
    {
        var slide = SingleSlide("# One", "", "::: incremental", "- one", "- two", ":::", "", "::: footer", "A source", ":::");

        Assert.Equal(2, slide.FragmentCount);
        Assert.Equal("<h1>One</h1>\n<div class=\"incremental\">\n<ul>\n</ul>\n</div>\n<div class=\"footer\"><p>A source</p>\n</div>\n", TestDecks.Inner(slide.Steps[0]));
    }

    [Fact]
    public void A_pause_inside_a_column_hides_only_the_rest_of_that_column()
    {
        var slide = SingleSlide(
            "# One",
            "",
            ":::: columns",
            "::: column",
            "Left",
            "",
            ". . .",
            "",
            "Left later",
            ":::",
            "::: column",
            "Right",
            ":::",
            "::::",
            "",
            "::: footer",
            "Foot",
            ":::");

        Assert.Equal(1, slide.FragmentCount);
        Assert.Equal(
            "<h1>One</h1>\n<div class=\"columns\">\n<div class=\"column\"><p>Left</p>\n</div>\n<div class=\"column\"><p>Right</p>\n</div>\n</div>\n"
            + "<div class=\"footer\"><p>Foot</p>\n</div>\n",
            TestDecks.Inner(slide.Steps[0]));
        Assert.Contains("<p class=\"fragment\" data-fragment=\"1\">Left later</p>", slide.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pause_after_a_column_with_a_pause_reveals_the_next_fragment()
    {
        var slide = SingleSlide(
            "# One",
            "",
            ":::: columns",
            "::: column",
            "Left",
            "",
            ". . .",
            "",
            "Left later",
            ":::",
            "::::",
            "",
            ". . .",
            "",
            "Last");

        Assert.Equal(2, slide.FragmentCount);
        Assert.DoesNotContain("Left later", slide.Steps[0], StringComparison.Ordinal);
        Assert.Contains("Left later", slide.Steps[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Last", slide.Steps[1], StringComparison.Ordinal);
        Assert.Contains("<p class=\"fragment\" data-fragment=\"2\">Last</p>", slide.Steps[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_revealed_with_its_container_is_not_marked_again()
    {
        var slide = SingleSlide("# One", "", ". . .", "", ":::: columns", "::: column", "Left", ":::", "::::");

        Assert.Equal(
            "<h1>One</h1>\n<div class=\"columns fragment\" data-fragment=\"1\">\n<div class=\"column\"><p>Left</p>\n</div>\n</div>\n",
            TestDecks.Inner(slide.Html));
    }

    [Fact]
    public void An_incremental_list_after_a_pause_numbers_its_items_after_the_pause()
    {
        var slide = SingleSlide("# One", "", ". . .", "", "::: incremental", "- one", "- two", ":::");

        Assert.Equal(3, slide.FragmentCount);
        Assert.Contains("<div class=\"incremental fragment\" data-fragment=\"1\">", slide.Html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"fragment\" data-fragment=\"2\">one</li>", slide.Html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"fragment\" data-fragment=\"3\">two</li>", slide.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("incremental", slide.Steps[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Speaker_notes_after_a_pause_stay_in_the_notes_and_out_of_every_step()
    {
        var slide = SingleSlide("# One", "", ". . .", "", "Later", "", "::: notes", "Secret", ":::");

        Assert.Equal("<p>Secret</p>\n", slide.NotesHtml);
        Assert.All(slide.Steps, step => Assert.DoesNotContain("Secret", step, StringComparison.Ordinal));
    }

    private static Slide SingleSlide(params string[] body) => Assert.Single(TestDecks.ParseDeck(TestDecks.WithFrontMatter(body)).Slides);
}
