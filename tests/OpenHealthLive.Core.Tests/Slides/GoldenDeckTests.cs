using System.Text;
using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Core.Tests.Slides;

/// <summary>
/// Each <c>TestData/Golden/*.md</c> deck must render exactly to the <c>.html</c> file beside it: every slide's
/// title and Html, and its notes when it has any, each after a marker line, then the deck's warnings. On a
/// difference the actual output is written next to the copied test data as <c>*.actual.html</c>; read it before
/// accepting it as the new expectation.
/// </summary>
public sealed class GoldenDeckTests
{
    private static readonly string GoldenDirectory = Path.Combine(AppContext.BaseDirectory, "TestData", "Golden");

    public static TheoryData<string> Decks() => new(DeckNames());

    [Fact]
    public void Every_golden_deck_has_its_expected_html()
    {
        var decks = DeckNames();

        Assert.True(decks.Count >= 5, $"Expected the golden decks to be copied to {GoldenDirectory}.");
        Assert.All(decks, name => Assert.True(File.Exists(Path.Combine(GoldenDirectory, name + ".html")), $"{name}.html is missing."));
    }

    [Theory]
    [MemberData(nameof(Decks))]
    public void A_golden_deck_renders_exactly_as_expected(string name)
    {
        var source = Normalize(File.ReadAllText(Path.Combine(GoldenDirectory, name + ".md")));
        var result = DeckParser.Parse(name, Path.Combine(GoldenDirectory, name + ".md"), source);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));

        var actual = Describe(result.Deck!);
        var expectedFile = Path.Combine(GoldenDirectory, name + ".html");
        var expected = File.Exists(expectedFile) ? Normalize(File.ReadAllText(expectedFile)) : null;
        if (expected != actual)
        {
            File.WriteAllText(Path.Combine(GoldenDirectory, name + ".actual.html"), actual);
        }

        Assert.Equal(expected, actual);
    }

    private static List<string> DeckNames() =>
        Directory.EnumerateFiles(GoldenDirectory, "*.md").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList();

    private static string Describe(Deck deck)
    {
        var builder = new StringBuilder();
        foreach (var slide in deck.Slides)
        {
            builder.Append("<!-- ===== slide ").Append(slide.Index + 1).Append(": ").Append(slide.Title).Append(" ===== -->\n");
            // Slide.Html ends with the wrapper's "</div>"; the newline keeps each marker on a line of its own.
            builder.Append(slide.Html).Append('\n');
            if (slide.NotesHtml.Length > 0)
            {
                builder.Append("<!-- ===== notes ===== -->\n").Append(slide.NotesHtml);
            }
        }

        // Warnings are part of the expected output: a golden deck may show a construct that deserves one.
        foreach (var warning in deck.Warnings)
        {
            builder.Append("<!-- ===== warning on line ").Append(warning.Line).Append(": ").Append(warning.Message).Append(" ===== -->\n");
        }

        return builder.ToString();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
