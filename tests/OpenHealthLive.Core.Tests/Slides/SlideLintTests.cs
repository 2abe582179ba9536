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
}
