using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Core.Tests.Slides;

/// <summary>Warnings about slides that load but will not work well on a projector.</summary>
public sealed class SlideLintTests
{
    [Fact]
    public void A_slide_with_forty_bullet_lines_is_too_long_for_a_projector()
    {
        string[] bullets = [.. Enumerable.Range(1, 40).Select(i => $"- Point {i}")];

        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter(["# One", "---", "", "## Everything at once", "", .. bullets]));

        var warning = Assert.Single(deck.Warnings);
        Assert.Equal(DeckProblemSeverity.Warning, warning.Severity);
        Assert.Equal(7, warning.Line);
        Assert.StartsWith("Slide 2 ('Everything at once') holds about ", warning.Message, StringComparison.Ordinal);
        Assert.EndsWith($" lines; a 16:9 slide fits about {SlideBuilder.LinesThatFit}. Split it or shorten it.", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slide_of_a_usual_size_is_not_too_long()
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter(
            "## Why synthesise fetal ultrasound?",
            "",
            "- The dating scan at around 12 weeks measures the fetus",
            "- Results depend on the operator, the machine and the fetal position",
            "- Fetal structures look alike in shape and echo",
            "- The team found only **three** public datasets",
            "- Sharing scans raises data questions: anonymise or pseudonymise?",
            "",
            "**Goal:** generators for realistic normal and abnormal images, and sound ways to judge them"));

        Assert.Empty(deck.Warnings);
    }

    [Fact]
    public void Columns_count_as_tall_as_their_tallest_column()
    {
        static string[] Column(int lines) => ["::: column", .. Enumerable.Range(1, lines).Select(i => $"- Point {i}"), ":::"];

        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter(["## Side by side", "", ":::: columns", .. Column(10), .. Column(10), "::::"]));

        Assert.Empty(deck.Warnings);
    }

    public static TheoryData<string[], int> Estimates => new()
    {
        // Heading sizes: a level-1 heading takes 2.4 lines, level 2 takes 1.8, lower levels 1.3; a paragraph one line
        // per 60 characters begun (so an empty-looking one still one line).
        { ["# Title", .. Paragraphs(13)], 15 },
        { ["### Title", .. Paragraphs(14)], 15 },
        { ["## Title", .. Paragraphs(6, length: 121)], 20 },
        { ["## Title", .. Paragraphs(14, length: 60)], 16 },

        // A list item: its content plus 0.15.
        { ["## Title", "", .. Enumerable.Range(1, 16).Select(i => $"- Point {i}")], 20 },

        // A paragraph with a picture takes 7 lines, even with words beside the picture.
        { ["## Title", "", "![A](/decks/x/media/a.png) Caption", "", "![B](/decks/x/media/b.png) Caption"], 16 },

        // A table: 1.05 a row, the header row included.
        { ["## Title", "", "| A |", "|---|", .. Enumerable.Range(1, 16).Select(i => $"| {i} |")], 20 },

        // A code block: 0.75 a line plus 0.6.
        { ["## Title", "", "```", .. Enumerable.Range(1, 20).Select(i => $"line {i}"), "```"], 17 },

        // A poll card: 3 plus its options (or its rated items).
        { ["## Title", "", "```poll", "id: p", "type: single", "question: Q?", $"options: [{string.Join(", ", Enumerable.Range(1, 12))}]", "```"], 17 },
        { ["## Title", "", "```poll", "id: p", "type: rating", "question: Q?", $"items: [{string.Join(", ", Enumerable.Range(1, 12))}]", "```"], 17 },

        // Columns are as tall as the tallest, however they are written.
        { ["## Title", "", ":::: columns", .. Column(3), .. Column(16), "::::"], 20 },
        { ["## Title", "", ":::: {.columns}", .. Column(16), .. Column(3), "::::"], 20 },

        // Any other block counts everything in it; a footer or an aside counts nothing.
        { ["## Title", "", "::: box", .. Paragraphs(16), ":::"], 18 },
        { ["## Title", "", "::: incremental", .. Enumerable.Range(1, 16).Select(i => $"- Point {i}"), ":::"], 20 },
        { ["## Title", .. Paragraphs(14), "", "::: footer", .. Paragraphs(5), ":::", "", "::: aside", .. Paragraphs(5), ":::"], 16 },
    };

    [Theory]
    [MemberData(nameof(Estimates))]
    public void The_warning_gives_the_slide_s_estimated_lines(string[] slide, int lines)
    {
        var deck = TestDecks.ParseDeck(TestDecks.WithFrontMatter(slide));

        var warning = Assert.Single(deck.Warnings);
        Assert.Matches($"^Slide 1 \\('[^']*'\\) holds about {lines} lines; ", warning.Message);
    }

    [Fact]
    public void A_slide_of_exactly_fifteen_lines_fits_and_one_more_line_does_not()
    {
        Assert.Empty(TestDecks.ParseDeck(TestDecks.WithFrontMatter(Paragraphs(15))).Warnings);
        Assert.Single(TestDecks.ParseDeck(TestDecks.WithFrontMatter(Paragraphs(16))).Warnings);
    }

    private static string[] Paragraphs(int count, int length = 10) =>
        [.. Enumerable.Range(1, count).SelectMany(i => new[] { "", $"{i:D2}{new string('w', length - 2)}" })];

    private static string[] Column(int lines) => ["::: column", .. Enumerable.Range(1, lines).Select(i => $"- Point {i}"), ":::"];
}
