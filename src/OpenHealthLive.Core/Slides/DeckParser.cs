using System.Security.Cryptography;
using System.Text;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

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

    private static readonly string[] MediaExtensions = [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif"];

    /// <summary>Reads and parses <c>deck.md</c> in <paramref name="deckDirectory"/>.</summary>
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

        return Parse(slug, file, source);
    }

    /// <summary>Parses deck source. Media paths are checked against the folder that holds <paramref name="file"/>.</summary>
    public static DeckLoadResult Parse(string slug, string file, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var problems = new List<DeckProblem>();
        var document = Markdown.Parse(source, SlidePipeline.Instance);
        var lines = new LineIndex(source);

        var metadata = ReadFrontMatter(slug, file, source, document, problems, out var bodyStart);

        var slices = new List<(int Start, int End)>();
        var sliceStart = bodyStart;
        foreach (var block in document)
        {
            if (block is ThematicBreakBlock { ThematicChar: '-' } slideBreak && block.Span.Start >= bodyStart)
            {
                slices.Add((sliceStart, slideBreak.Span.Start));
                sliceStart = slideBreak.Span.End + 1;
            }
        }

        slices.Add((sliceStart, source.Length));

        var deckDirectory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        var media = new Dictionary<string, int>(StringComparer.Ordinal);
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
            slides.Add(RenderSlide(slug, file, deckDirectory, slides.Count, text, firstLine, contentLine, media, problems));
        }

        if (slides.Count == 0)
        {
            problems.Add(new(DeckProblemSeverity.Error, file, lines.LineOf(bodyStart),
                "The deck has no slides. Write each slide's Markdown after the front matter and separate slides with a line holding only '---'."));
        }

        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        if (metadata is null || problems.Any(p => p.Severity == DeckProblemSeverity.Error))
        {
            return DeckLoadResult.Failure(slug, problems);
        }

        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..12];
        return DeckLoadResult.Success(new Deck(slug, file, fingerprint, metadata, slides, media, problems));
    }

    private static DeckMetadata? ReadFrontMatter(string slug, string file, string source, MarkdownDocument document, List<DeckProblem> problems, out int bodyStart)
    {
        bodyStart = 0;
        if (document.Count > 0 && document[0] is YamlFrontMatterBlock frontMatter)
        {
            bodyStart = Math.Min(source.Length, frontMatter.Span.End + 1);
            var yaml = string.Join('\n', frontMatter.Lines.Lines.Take(frontMatter.Lines.Count).Select(l => l.Slice.ToString()));
            return FrontMatterReader.Read(yaml, file, frontMatter.Line + 2, problems, TitleCase(slug));
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

    private static Slide RenderSlide(string slug, string file, string deckDirectory, int index, string text, int firstLine, int contentLine,
        Dictionary<string, int> media, List<DeckProblem> problems)
    {
        var document = Markdown.Parse(text, SlidePipeline.Instance);

        var notes = document.OfType<CustomContainer>().Where(IsNotes).ToList();
        foreach (var block in notes)
        {
            document.Remove(block);
        }

        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage))
        {
            CheckImage(slug, file, deckDirectory, index, firstLine + image.Line, image, media, problems);
        }

        var html = Render(document);
        var notesHtml = string.Concat(notes.Select(RenderChildren));
        var heading = document.Descendants<HeadingBlock>().FirstOrDefault();
        var title = heading?.Inline is null ? string.Empty : InlineText(heading.Inline).Trim();
        if (title.Length == 0)
        {
            title = $"Slide {index + 1}";
        }

        return new Slide(index, contentLine, title, html, notesHtml, [html], PlainText(document));
    }

    private static bool IsNotes(CustomContainer container) =>
        string.Equals(container.Info, "notes", StringComparison.OrdinalIgnoreCase)
        || (container.TryGetAttributes()?.Classes?.Contains("notes") ?? false);

    private static void CheckImage(string slug, string file, string deckDirectory, int slideIndex, int line, LinkInline image,
        Dictionary<string, int> media, List<DeckProblem> problems)
    {
        var url = image.Url ?? string.Empty;
        if (url.Length == 0)
        {
            problems.Add(new(DeckProblemSeverity.Error, file, line, "An image has no file name."));
            return;
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && !absolute.IsFile)
        {
            problems.Add(new(DeckProblemSeverity.Error, file, line,
                $"Image '{url}' is not in the deck folder. Copy it next to deck.md: a remote image would make every phone in the room contact another server."));
            return;
        }

        var relative = Uri.UnescapeDataString(url.Split('?', '#')[0]).Replace('\\', '/').TrimStart('.', '/');
        var full = Path.GetFullPath(Path.Combine(deckDirectory, relative));
        if (!full.StartsWith(deckDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            problems.Add(new(DeckProblemSeverity.Error, file, line, $"Image '{url}' points outside the deck folder; keep a deck's images beside its deck.md."));
            return;
        }

        if (!MediaExtensions.Contains(Path.GetExtension(full).ToLowerInvariant()))
        {
            problems.Add(new(DeckProblemSeverity.Error, file, line, $"Image '{url}' is not a picture this site serves ({string.Join(", ", MediaExtensions)})."));
            return;
        }

        if (!File.Exists(full))
        {
            problems.Add(new(DeckProblemSeverity.Error, file, line, $"Image '{url}' does not exist (looked for {full})."));
            return;
        }

        var key = Path.GetRelativePath(deckDirectory, full).Replace('\\', '/');
        media.TryAdd(key, slideIndex);
        image.Url = $"/decks/{Uri.EscapeDataString(slug)}/media/{string.Join('/', key.Split('/').Select(Uri.EscapeDataString))}";
    }

    private static string Render(MarkdownObject markdown)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        SlidePipeline.Instance.Setup(renderer);
        renderer.Render(markdown);
        writer.Flush();
        return writer.ToString();
    }

    private static string RenderChildren(ContainerBlock container)
    {
        var builder = new StringBuilder();
        foreach (var child in container)
        {
            builder.Append(Render(child));
        }

        return builder.ToString();
    }

    private static string InlineText(ContainerInline container)
    {
        var builder = new StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content);
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
            }
        }

        return builder.ToString();
    }

    private static string PlainText(MarkdownDocument document)
    {
        var builder = new StringBuilder();
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block.Inline is not null)
            {
                builder.Append(InlineText(block.Inline)).Append(' ');
            }
            else if (block is CodeBlock code)
            {
                builder.Append(code.Lines.ToString()).Append(' ');
            }
        }

        return System.Text.RegularExpressions.Regex.Replace(builder.ToString(), @"\s+", " ", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)).Trim();
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
