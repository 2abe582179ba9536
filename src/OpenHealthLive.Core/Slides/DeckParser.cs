using System.Security.Cryptography;
using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace OpenHealthLive.Core.Slides;

/// <summary>
/// Turns a <c>deck.md</c> into a <see cref="Deck"/>. Slides are split on the parsed syntax tree: only a
/// top-level <c>---</c> thematic break separates slides, so a <c>---</c> inside a code block, a container
/// or the front matter never does.
/// </summary>
public static class DeckParser
{
    /// <summary>The file every deck folder holds.</summary>
    public const string DeckFileName = "deck.md";

    /// <summary>
    /// Reads and parses <c>deck.md</c> in <paramref name="deckDirectory"/>, with the translations beside it
    /// (<c>deck.es.md</c>, see <see cref="Deck.Translations"/>), each checked against it.
    /// </summary>
    public static DeckLoadResult Load(string deckDirectory)
    {
        var slug = Path.GetFileName(Path.TrimEndingDirectorySeparator(deckDirectory));
        var file = Path.Combine(deckDirectory, DeckFileName);
        string source;
        try
        {
            source = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return DeckLoadResult.Failure(slug, [new(DeckProblemSeverity.Error, file, 0, $"Cannot read the deck: {ex.Message}")]);
        }

        var result = Parse(slug, file, source);
        return result.Deck is { } deck ? DeckTranslations.Attach(deck, source) : result;
    }

    /// <summary>Parses deck source. Media paths are checked against the folder that holds <paramref name="file"/>.</summary>
    public static DeckLoadResult Parse(string slug, string file, string source) => Parse(slug, file, source, translationLanguage: null);

    /// <summary>Parses a deck, or the translation of one into <paramref name="translationLanguage"/>.</summary>
    internal static DeckLoadResult Parse(string slug, string file, string source, string? translationLanguage)
    {
        ArgumentNullException.ThrowIfNull(source);
        var problems = new List<DeckProblem>();
        var document = Markdown.Parse(source, SlidePipeline.Instance);
        var lines = new LineIndex(source);

        var metadata = ReadFrontMatter(slug, file, source, document, problems, translationLanguage, out var bodyStart);

        var slices = new List<(int Start, int End)>();
        var sliceStart = bodyStart;
        foreach (var block in document)
        {
            if (block is ThematicBreakBlock { ThematicChar: '-' } slideBreak && block.Span.Start >= bodyStart)
            {
                if (bodyStart == 0 && slices.Count == 0 && string.IsNullOrWhiteSpace(source[..slideBreak.Span.Start]))
                {
                    // No front matter, so this first '---' is its unclosed opening fence, already reported:
                    // it must not also count as a break after an empty slide.
                    sliceStart = slideBreak.Span.End + 1;
                    continue;
                }

                slices.Add((sliceStart, slideBreak.Span.Start));
                sliceStart = slideBreak.Span.End + 1;
            }
        }

        slices.Add((sliceStart, source.Length));
        WarnAboutSetextBreaks(file, document, bodyStart, lines, problems);

        var deckDirectory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        var media = new Dictionary<string, int>(StringComparer.Ordinal);
        var notesMedia = new Dictionary<string, int>(StringComparer.Ordinal);
        var polls = new List<PollDefinition>();
        var slides = new List<Slide>();
        foreach (var (start, end) in slices)
        {
            var text = start < end ? source[start..end] : string.Empty;
            var firstLine = lines.LineOf(start);
            if (string.IsNullOrWhiteSpace(text))
            {
                if (slices.Count > 1)
                {
                    problems.Add(new(DeckProblemSeverity.Warning, file, firstLine, "Empty slide (two '---' with nothing between them); it is skipped."));
                }

                continue;
            }

            var contentLine = lines.LineOf(start + (text.Length - text.TrimStart().Length));
            slides.Add(new SlideBuilder(slug, file, deckDirectory, slides.Count, text, firstLine, contentLine, media, notesMedia, problems, polls, metadata?.Language ?? "en").Build());
        }

        if (slides.Count == 0)
        {
            problems.Add(new(DeckProblemSeverity.Error, file, lines.LineOf(bodyStart),
                "The deck has no slides. Write each slide's Markdown after the front matter and separate slides with a line holding only '---'."));
        }

        foreach (var duplicate in polls.GroupBy(p => p.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new(DeckProblemSeverity.Error, file, duplicate.Last().SourceLine, $"Two polls have the id '{duplicate.Key}'; poll ids must be unique in a deck."));
        }

        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        if (metadata is null || problems.Any(p => p.Severity == DeckProblemSeverity.Error))
        {
            return DeckLoadResult.Failure(slug, problems);
        }

        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..12];
        return DeckLoadResult.Success(new Deck(slug, file, fingerprint, metadata, slides, media, notesMedia, polls, problems));
    }

    /// <summary>
    /// A <c>---</c> right under a line of text does not split slides: Markdown reads it as that line's underline,
    /// making it a heading, and the two slides the author meant silently become one.
    /// </summary>
    private static void WarnAboutSetextBreaks(string file, MarkdownDocument document, int bodyStart, LineIndex lines, List<DeckProblem> problems)
    {
        // Level 2 is the '-' underline ('=' makes level 1); fewer than three dashes could not have been a break.
        foreach (var heading in document.OfType<HeadingBlock>().Where(h => h is { IsSetext: true, Level: 2, HeaderCharCount: >= 3 } && h.Span.Start >= bodyStart))
        {
            var text = heading.Inline is null ? string.Empty : SlideBuilder.InlineText(heading.Inline).Trim();
            problems.Add(new(DeckProblemSeverity.Warning, file, lines.LineOf(heading.Span.End),
                $"This '---' right under '{text}' makes that text a heading instead of starting a new slide. Did you mean a slide break? "
                + $"Leave a blank line before ---. (For a heading, write '## {text}'.)"));
        }
    }

    private static DeckMetadata? ReadFrontMatter(
        string slug, string file, string source, MarkdownDocument document, List<DeckProblem> problems, string? translationLanguage, out int bodyStart)
    {
        bodyStart = 0;
        if (document.Count > 0 && document[0] is YamlFrontMatterBlock frontMatter)
        {
            bodyStart = Math.Min(source.Length, frontMatter.Span.End + 1);
            var yaml = string.Join('\n', frontMatter.Lines.Lines.Take(frontMatter.Lines.Count).Select(l => l.Slice.ToString()));
            return FrontMatterReader.Read(yaml, file, frontMatter.Line + 2, problems, TitleCase(slug), translationLanguage);
        }

        if (source.StartsWith("---", StringComparison.Ordinal))
        {
            problems.Add(new(DeckProblemSeverity.Error, file, 1, "The front matter that starts on line 1 is never closed; end it with a line holding only '---'."));
        }
        else
        {
            problems.Add(new(DeckProblemSeverity.Error, file, 1,
                $"The deck must start with YAML front matter between two '---' lines, holding at least a title (for example 'title: {TitleCase(slug)}')."));
        }

        return null;
    }

    private static string TitleCase(string slug) =>
        string.Join(' ', slug.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary>Maps character offsets to 1-based line numbers.</summary>
    private sealed class LineIndex
    {
        private readonly List<int> _starts = [0];

        public LineIndex(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    _starts.Add(i + 1);
                }
            }
        }

        public int LineOf(int offset)
        {
            var found = _starts.BinarySearch(offset);
            return (found >= 0 ? found : ~found - 1) + 1;
        }
    }
}
