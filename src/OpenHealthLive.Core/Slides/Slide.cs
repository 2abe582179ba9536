namespace OpenHealthLive.Core.Slides;

/// <summary>One rendered slide of a <see cref="Deck"/>.</summary>
public sealed class Slide
{
    internal Slide(int index, int sourceLine, string title, string html, string notesHtml, IReadOnlyList<string> steps, IReadOnlyList<IReadOnlySet<string>> stepMedia,
        string plainText, IReadOnlyList<string> classes)
    {
        StepMedia = stepMedia;
        Index = index;
        SourceLine = sourceLine;
        Title = title;
        Html = html;
        NotesHtml = notesHtml;
        Steps = steps;
        PlainText = plainText;
        Classes = classes;
    }

    /// <summary>0-based position in the deck.</summary>
    public int Index { get; }

    /// <summary>1-based line in <c>deck.md</c> where the slide starts.</summary>
    public int SourceLine { get; }

    /// <summary>Text of the slide's first heading, or a numbered fallback.</summary>
    public string Title { get; }

    /// <summary>The whole slide, every fragment visible, without notes: for the presenter.</summary>
    public string Html { get; }

    /// <summary>Speaker notes as HTML; empty when the slide has none. Never sent to the audience.</summary>
    public string NotesHtml { get; }

    /// <summary>
    /// The slide as the audience may see it at each fragment step: <c>Steps[0]</c> shows no fragment,
    /// <c>Steps[n]</c> shows the first n. Content not yet revealed is absent from the markup, not hidden.
    /// </summary>
    public IReadOnlyList<string> Steps { get; }

    /// <summary>
    /// The deck files (keys of <see cref="Deck.Media"/>) each of <see cref="Steps"/> shows: an image in a fragment not
    /// yet revealed is not in the steps before it.
    /// </summary>
    public IReadOnlyList<IReadOnlySet<string>> StepMedia { get; }

    /// <summary>Number of fragments (incremental reveals) on the slide.</summary>
    public int FragmentCount => Steps.Count - 1;

    /// <summary>The slide's text without markup, for search.</summary>
    public string PlainText { get; }

    /// <summary>Classes from the slide's first heading (<c>## Title {.section}</c>).</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>The audience markup at <paramref name="fragment"/>, clamped to the slide's fragments.</summary>
    public string HtmlAt(int fragment) => Steps[Math.Clamp(fragment, 0, FragmentCount)];

    /// <summary>The deck files shown at <paramref name="fragment"/>, clamped to the slide's fragments.</summary>
    public IReadOnlySet<string> MediaAt(int fragment) => StepMedia[Math.Clamp(fragment, 0, FragmentCount)];
}
