using System.Text.RegularExpressions;
using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Core.Tests.Slides;

/// <summary>Builds deck sources line by line, so that the line numbers a test expects can be read off the test.</summary>
internal static class TestDecks
{
    public const string Slug = "test-deck";

    /// <summary>A deck file that is never on disk: fine for decks without images.</summary>
    public static readonly string File = Path.Combine(Path.GetTempPath(), "ohl-not-on-disk", Slug, DeckParser.DeckFileName);

    /// <summary>Joins lines with <c>\n</c> and ends the text with one.</summary>
    public static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    /// <summary>A three-line front matter (lines 1 to 3) followed by <paramref name="body"/> from line 4.</summary>
    public static string WithFrontMatter(params string[] body) => Lines(["---", "title: Test talk", "---", .. body]);

    /// <summary>A deck of one slide, '## Poll' (line 4), holding a poll block whose YAML starts on line 7.</summary>
    public static string WithPoll(params string[] yaml) => WithFrontMatter(["## Poll", "", "```poll", .. yaml, "```"]);

    public static DeckLoadResult Parse(string source) => DeckParser.Parse(Slug, File, source);

    /// <summary>Parses a deck that must load.</summary>
    public static Deck ParseDeck(string source)
    {
        var result = Parse(source);
        Assert.True(result.Succeeded, "The deck should load, but: " + string.Join(Environment.NewLine, result.Problems));
        return result.Deck!;
    }

    /// <summary>
    /// The markup inside a slide's <c>slide-body</c> wrapper, for tests about a slide's content; the wrapper itself has
    /// tests of its own. Fails when the markup is not exactly one wrapper.
    /// </summary>
    public static string Inner(string slideHtml)
    {
        var match = Regex.Match(slideHtml, "\\A<div class=\"slide-body[^\"]*\"[^>]*>\n(.*)</div>\\z", RegexOptions.Singleline);
        Assert.True(match.Success, "Expected one slide-body wrapper around the slide, but got: " + slideHtml);
        return match.Groups[1].Value;
    }

    /// <summary>The only error of a deck that must fail.</summary>
    public static DeckProblem SingleError(string source)
    {
        var result = Parse(source);
        Assert.False(result.Succeeded);
        Assert.Null(result.Deck);
        return Assert.Single(result.Errors);
    }
}
