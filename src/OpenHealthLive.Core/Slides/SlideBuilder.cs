using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using OpenHealthLive.Core.Slides.Rendering;

namespace OpenHealthLive.Core.Slides;

/// <summary>
/// Renders one slide: notes out, images checked and pointed at the media endpoint, slide attributes read from
/// the first heading, polls parsed, fragments numbered — then one HTML string per fragment step, in which
/// content not yet revealed is absent rather than hidden.
/// </summary>
internal sealed partial class SlideBuilder(
    string slug, string file, string deckDirectory, int index, string text, int firstLine, int contentLine,
    Dictionary<string, int> media, Dictionary<string, int> notesMedia, List<DeckProblem> problems, List<PollDefinition> polls, string language)
{
    /// <summary>Body lines that fit a 16:9 slide at the projector's type size (see docs/authoring.md).</summary>
    public const double LinesThatFit = 15;

    private static readonly string[] MediaExtensions = [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif"];

    public Slide Build()
    {
        var full = Prepare(problems);
        var html = Render(full);
        var steps = new List<string>(full.FragmentCount + 1);
        var stepMedia = new List<IReadOnlySet<string>>(full.FragmentCount + 1);
        for (var step = 0; step < full.FragmentCount; step++)
        {
            var partial = Prepare([]);
            foreach (var (block, fragment) in partial.Fragments)
            {
                if (fragment > step)
                {
                    block.Parent?.Remove(block);
                }
            }

            steps.Add(Render(partial));
            stepMedia.Add(MediaIn(partial));
        }

        steps.Add(html);
        stepMedia.Add(MediaIn(full));

        var lines = EstimateLines(full.Document);
        if (lines > LinesThatFit)
        {
            problems.Add(new(DeckProblemSeverity.Warning, file, contentLine,
                string.Create(CultureInfo.InvariantCulture, $"Slide {index + 1} ('{full.Title}') holds about {lines:0} lines; a 16:9 slide fits about {LinesThatFit:0}. Split it or shorten it.")));
        }

        var notesHtml = string.Concat(full.Notes.Select(RenderChildren));
        return new Slide(index, contentLine, full.Title, html, notesHtml, steps, stepMedia, PlainText(full.Document), full.Classes);
    }

    private Prepared Prepare(List<DeckProblem> report)
    {
        var document = Markdown.Parse(text, SlidePipeline.Instance);
        if (ReferenceEquals(report, problems))
        {
            WarnAboutUnreadAttributes(document, report);
        }

        // Notes anywhere (in a column, a list item, a quote) are for the speaker only. Notes inside notes go
        // with the outer block, so they are not taken out twice.
        var notes = document.Descendants<CustomContainer>().Where(c => IsNotes(c) && !IsInsideNotes(c)).ToList();
        foreach (var block in notes)
        {
            block.Parent!.Remove(block);
        }

        var heading = document.Descendants<HeadingBlock>().FirstOrDefault();
        var headingText = heading?.Inline is null ? string.Empty : InlineText(heading.Inline).Trim();
        var title = headingText.Length > 0 ? headingText : $"Slide {index + 1}";

        var prepared = new Prepared(document, notes, title);
        if (heading is not null)
        {
            ReadSlideAttributes(heading, prepared, report);
        }

        CheckImages(document, media, report);
        // Images in the notes are checked like any other, but recorded apart: the audience may never fetch them.
        foreach (var block in notes)
        {
            CheckImages(block, notesMedia, report);
        }

        foreach (var container in document.Descendants<CustomContainer>().Where(IsColumn))
        {
            ReadColumnWidth(container, report);
        }

        foreach (var block in document.Descendants<FencedCodeBlock>().Where(b => string.Equals(b.Info, "poll", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            var poll = PollDefinitionReader.Read(block.Lines.ToString(), file, firstLine + block.Line + 1, index, report);
            if (poll is not null)
            {
                block.SetData(SlideCodeBlockRenderer.PollKey, poll);
                block.SetData(SlideCodeBlockRenderer.QuestionShownKey, IsQuestionShown(headingText, poll.Question));
                block.SetData(SlideCodeBlockRenderer.LanguageKey, language);
                if (ReferenceEquals(report, problems))
                {
                    polls.Add(poll);
                }
            }
        }

        var fragment = 0;
        NumberFragments(document, prepared, 0, ref fragment);
        prepared.FragmentCount = fragment;
        foreach (var (block, number) in prepared.Fragments)
        {
            var attributes = block.GetAttributes();
            attributes.AddClass("fragment");
            attributes.AddProperty("data-fragment", number.ToString(CultureInfo.InvariantCulture));
        }

        return prepared;
    }

    /// <summary>
    /// Quarto's incremental syntax: a paragraph holding only <c>. . .</c> pauses, and what follows it in the same
    /// block (the slide, a column, a quote) is the next fragment; every item of a list inside
    /// <c>::: incremental</c> is a fragment of its own. Fragments are numbered in source order across the slide,
    /// but a pause reaches only its own block: a pause in one column must not hide the next column, the footer
    /// or the rest of the slide, and the blocks after an incremental list show from the start, as in Quarto.
    /// </summary>
    /// <param name="container">The block whose children are numbered.</param>
    /// <param name="prepared">Collects (block, fragment) pairs.</param>
    /// <param name="shownFrom">The fragment at which <paramref name="container"/> itself appears.</param>
    /// <param name="fragment">The last fragment number handed out so far on the slide.</param>
    private static void NumberFragments(ContainerBlock container, Prepared prepared, int shownFrom, ref int fragment)
    {
        var current = shownFrom;
        foreach (var child in container.ToList())
        {
            if (child is ParagraphBlock { Inline: { } inline } && InlineText(inline).Trim() == ". . .")
            {
                current = ++fragment;
                container.Remove(child);
                continue;
            }

            // Only a block that appears later than its parent is marked; it goes with its parent otherwise.
            if (current > shownFrom)
            {
                prepared.Fragments.Add((child, current));
            }

            if (child is CustomContainer custom && IsIncremental(custom))
            {
                foreach (var item in custom.OfType<ListBlock>().SelectMany(list => list.OfType<ListItemBlock>()))
                {
                    prepared.Fragments.Add((item, ++fragment));
                }

                continue;
            }

            if (child is ContainerBlock inner and not ListBlock and not Table)
            {
                NumberFragments(inner, prepared, current, ref fragment);
            }
        }
    }

    private void CheckImages(ContainerBlock container, Dictionary<string, int> served, List<DeckProblem> report)
    {
        foreach (var image in container.Descendants<LinkInline>().Where(l => l.IsImage).ToList())
        {
            if (CheckMedia(image.Url, firstLine + image.Line, served, report) is { } url)
            {
                image.Url = url;
            }

            if (image.FirstChild is null && ReferenceEquals(report, problems))
            {
                report.Add(new(DeckProblemSeverity.Warning, file, firstLine + image.Line,
                    $"Image '{image.Url?.Split('/')[^1]}' has no alt text; describe it in the brackets: ![what it shows](file)."));
            }
        }
    }

    /// <summary>
    /// Markdig leaves attributes it cannot read (a one-letter class or id, as in <c>{.notes .x}</c>) as text in the
    /// container's info, so the block silently loses its classes.
    /// </summary>
    private void WarnAboutUnreadAttributes(MarkdownDocument document, List<DeckProblem> report)
    {
        foreach (var container in document.Descendants<CustomContainer>().Where(c => c.Info?.StartsWith('{') == true))
        {
            var written = $"{container.Info} {container.Arguments}".Trim();
            report.Add(new(DeckProblemSeverity.Warning, file, firstLine + container.Line,
                $"The attributes '{written}' cannot be read (a class or id of one letter is not accepted), so the block gets none of them{(IsNotes(container) ? "; it is still kept as speaker notes" : string.Empty)}. Use longer names."));
        }
    }

    private void ReadSlideAttributes(HeadingBlock heading, Prepared prepared, List<DeckProblem> report)
    {
        if (heading.TryGetAttributes() is not { } attributes)
        {
            return;
        }

        var line = firstLine + heading.Line;
        foreach (var cls in attributes.Classes ?? [])
        {
            if (SlideClass().IsMatch(cls))
            {
                prepared.Classes.Add(cls);
            }
            else
            {
                report.Add(new(DeckProblemSeverity.Error, file, line, $"'{cls}' is not a slide class; use lower-case letters, digits and dashes."));
            }
        }

        attributes.Classes?.Clear();
        foreach (var (name, value) in attributes.Properties?.ToList() ?? [])
        {
            switch (name)
            {
                case "background-color" when value is not null && CssColor().IsMatch(value):
                    prepared.Data["background-color"] = value;
                    break;
                case "background-color":
                    report.Add(new(DeckProblemSeverity.Error, file, line, $"background-color '{value}' is not a colour such as '#0b3d4f' or 'black'."));
                    break;
                case "background-image":
                    if (CheckMedia(value, line, media, report) is { } url)
                    {
                        prepared.Data["background-image"] = url;
                    }

                    break;
                default:
                    continue;
            }

            attributes.Properties!.RemoveAll(p => p.Key == name);
        }
    }

    private void ReadColumnWidth(CustomContainer column, List<DeckProblem> report)
    {
        if (column.TryGetAttributes() is not { Properties: { } properties } attributes || properties.FirstOrDefault(p => p.Key == "width") is not { Key: not null } width)
        {
            return;
        }

        properties.Remove(width);
        var number = (width.Value ?? string.Empty).TrimEnd('%');
        if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) && percent is >= 10 and <= 90 && percent % 5 == 0)
        {
            attributes.AddProperty("data-width", percent.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            report.Add(new(DeckProblemSeverity.Error, file, firstLine + column.Line, $"Column width '{width.Value}' must be a multiple of 5% between 10% and 90%."));
        }
    }

    /// <summary>
    /// Checks a media reference, records it in <paramref name="served"/> and returns the URL it is served at, or
    /// null (with a problem) when it cannot be.
    /// </summary>
    private string? CheckMedia(string? url, int line, Dictionary<string, int> served, List<DeckProblem> report)
    {
        url ??= string.Empty;
        if (url.Length == 0)
        {
            report.Add(new(DeckProblemSeverity.Error, file, line, "An image has no file name."));
            return null;
        }

        if (url.StartsWith("/decks/", StringComparison.Ordinal))
        {
            return url;
        }

        if (url.StartsWith("//", StringComparison.Ordinal) || (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && !absolute.IsFile))
        {
            report.Add(new(DeckProblemSeverity.Error, file, line,
                $"Image '{url}' is not in the deck folder. Copy it next to deck.md: a remote image would make every phone in the room contact another server."));
            return null;
        }

        var relative = Uri.UnescapeDataString(url.Split('?', '#')[0]).Replace('\\', '/');
        if (relative.Any(char.IsControl))
        {
            // Path.GetFullPath throws on a NUL ('%00'), and no picture file is meant to have one in its name.
            report.Add(new(DeckProblemSeverity.Error, file, line, $"Image '{url}' has a control character in its file name."));
            return null;
        }

        // Only a leading '/' is trimmed (it means the deck folder); dots are part of names, and '../' must
        // reach the outside-the-folder check below.
        var full = Path.GetFullPath(Path.Combine(deckDirectory, relative.TrimStart('/')));
        if (!full.StartsWith(deckDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            report.Add(new(DeckProblemSeverity.Error, file, line, $"Image '{url}' points outside the deck folder; keep a deck's images beside its deck.md."));
            return null;
        }

        if (!MediaExtensions.Contains(Path.GetExtension(full).ToLowerInvariant()))
        {
            report.Add(new(DeckProblemSeverity.Error, file, line, $"Image '{url}' is not a picture this site serves ({string.Join(", ", MediaExtensions)})."));
            return null;
        }

        if (!File.Exists(full))
        {
            report.Add(new(DeckProblemSeverity.Error, file, line, $"Image '{url}' does not exist (looked for {full})."));
            return null;
        }

        var key = Path.GetRelativePath(deckDirectory, full).Replace('\\', '/');
        served.TryAdd(key, index);
        return MediaUrlPrefix(slug) + string.Join('/', key.Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary>
    /// The deck files a step of the slide shows (keys as in <see cref="Deck.Media"/>): images in fragments not yet
    /// revealed are not among them, so an image is unlocked for the room only when it is on the screen.
    /// </summary>
    private HashSet<string> MediaIn(Prepared prepared)
    {
        var prefix = MediaUrlPrefix(slug);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var urls = prepared.Document.Descendants<LinkInline>().Where(l => l.IsImage).Select(l => l.Url)
            .Append(prepared.Data.GetValueOrDefault("background-image"));
        foreach (var url in urls)
        {
            if (url is not null && url.StartsWith(prefix, StringComparison.Ordinal))
            {
                keys.Add(string.Join('/', url[prefix.Length..].Split('/').Select(Uri.UnescapeDataString)));
            }
        }

        return keys;
    }

    /// <summary>Where the presenter's views fetch a deck's files; audience views get per-session addresses instead.</summary>
    internal static string MediaUrlPrefix(string slug) => $"/decks/{Uri.EscapeDataString(slug)}/media/";

    private static string Render(Prepared prepared)
    {
        var builder = new StringBuilder("<div class=\"slide-body");
        foreach (var cls in prepared.Classes)
        {
            builder.Append(' ').Append(cls);
        }

        builder.Append('"');
        foreach (var (name, value) in prepared.Data)
        {
            builder.Append(" data-").Append(name).Append("=\"").Append(System.Net.WebUtility.HtmlEncode(value)).Append('"');
        }

        builder.Append(">\n").Append(RenderBlock(prepared.Document)).Append("</div>");
        return builder.ToString();
    }

    private static string RenderBlock(MarkdownObject markdown)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        SlidePipeline.Instance.Setup(renderer);
        renderer.Render(markdown);
        return writer.ToString();
    }

    private static string RenderChildren(ContainerBlock container)
    {
        var builder = new StringBuilder();
        foreach (var child in container)
        {
            builder.Append(RenderBlock(child));
        }

        return builder.ToString();
    }

    /// <summary>A rough count of projector lines, to warn about slides that will not fit.</summary>
    private static double EstimateLines(ContainerBlock container)
    {
        double lines = 0;
        foreach (var block in container)
        {
            lines += block switch
            {
                CustomContainer c when IsColumns(c) => c.OfType<ContainerBlock>().Select(EstimateLines).DefaultIfEmpty(0).Max(),
                CustomContainer c when HasClass(c, "footer") || HasClass(c, "aside") => 0,
                FootnoteGroup => 0,
                HeadingBlock h => h.Level switch { 1 => 2.4, 2 => 1.8, _ => 1.3 },
                ParagraphBlock { Inline: { } inline } p when inline.Any(i => i is LinkInline { IsImage: true }) => 7,
                ParagraphBlock { Inline: { } inline } => Math.Ceiling(Math.Max(1, InlineText(inline).Length) / 60.0),
                ListBlock list => list.OfType<ListItemBlock>().Sum(item => 0.15 + EstimateLines(item)),
                Table table => table.Count * 1.05,
                FencedCodeBlock { Info: "poll" } poll => 3 + (poll.GetData(SlideCodeBlockRenderer.PollKey) is PollDefinition d ? Math.Max(d.Options.Count, d.Items.Count) : 0),
                CodeBlock code => code.Lines.Count * 0.75 + 0.6,
                ContainerBlock inner => EstimateLines(inner),
                _ => 1,
            };
        }

        return lines;
    }

    /// <summary>
    /// Fails closed: besides <c>::: notes</c> and <c>{.notes}</c>, any <c>notes</c> or <c>.notes</c> word on the
    /// fence line counts, because Markdig leaves attributes it cannot read (<c>{.notes .x}</c>) as plain text in
    /// the info and arguments, and notes that are not recognised would be shown to the audience.
    /// </summary>
    private static bool IsNotes(CustomContainer container) =>
        HasClass(container, "notes")
        || $"{container.Info} {container.Arguments}".Split([' ', '\t', '{', '}'], StringSplitOptions.RemoveEmptyEntries)
            .Any(word => word.TrimStart('.').Equals("notes", StringComparison.OrdinalIgnoreCase));

    private static bool IsInsideNotes(Block block)
    {
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is CustomContainer container && IsNotes(container))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIncremental(CustomContainer container) => HasClass(container, "incremental");

    private static bool IsColumns(CustomContainer container) => HasClass(container, "columns");

    private static bool IsColumn(CustomContainer container) => HasClass(container, "column");

    /// <summary>
    /// One of the block's classes, in any case. Markdig makes a container's word a class, so <c>::: columns</c> and
    /// <c>::: {.columns}</c> both have it.
    /// </summary>
    private static bool HasClass(Block block, string cls) =>
        block.TryGetAttributes()?.Classes?.Contains(cls, StringComparer.OrdinalIgnoreCase) ?? false;

    /// <summary>
    /// True when the heading already asks the question, so the card need not repeat it. A question with no letters
    /// or digits ('???') would be "contained" in any heading, and the fallback title 'Slide 3' shows no question.
    /// </summary>
    private static bool IsQuestionShown(string headingText, string question)
    {
        var wanted = Normalize(question);
        return wanted.Length > 0 && Normalize(headingText).Contains(wanted, StringComparison.OrdinalIgnoreCase);
    }

    private static string Normalize(string text) => new(text.Where(char.IsLetterOrDigit).ToArray());

    internal static string InlineText(ContainerInline container)
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
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded);
                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    break;
                case LineBreakInline:
                    // A heading or paragraph written over two lines: keep the words apart.
                    builder.Append(' ');
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
            else if (block is FencedCodeBlock { Info: "poll" } poll && poll.GetData(SlideCodeBlockRenderer.PollKey) is PollDefinition definition)
            {
                builder.Append(definition.Question).Append(' ').AppendJoin(' ', definition.Options).Append(' ').AppendJoin(' ', definition.Items).Append(' ');
            }
            else if (block is CodeBlock code)
            {
                builder.Append(code.Lines.ToString()).Append(' ');
            }
        }

        return Whitespace().Replace(builder.ToString(), " ").Trim();
    }

    // \z rather than $ in these patterns: $ also matches before a final newline.
    [GeneratedRegex(@"^[a-z][a-z0-9-]{0,31}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlideClass();

    [GeneratedRegex(@"^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}|[a-zA-Z]{3,24})\z", RegexOptions.CultureInvariant)]
    private static partial Regex CssColor();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private sealed class Prepared(MarkdownDocument document, List<CustomContainer> notes, string title)
    {
        public MarkdownDocument Document { get; } = document;

        public List<CustomContainer> Notes { get; } = notes;

        public string Title { get; } = title;

        public List<string> Classes { get; } = [];

        public Dictionary<string, string> Data { get; } = new(StringComparer.Ordinal);

        public List<(Block Block, int Fragment)> Fragments { get; } = [];

        public int FragmentCount { get; set; }
    }
}
