using OpenHealthLive.Core.Polls;

namespace OpenHealthLive.Core.Slides;

/// <summary>A parsed, rendered deck: immutable, shared by every session that presents it.</summary>
public sealed class Deck
{
    internal Deck(string slug, string sourcePath, string fingerprint, DeckMetadata metadata, IReadOnlyList<Slide> slides,
        IReadOnlyDictionary<string, int> media, IReadOnlyDictionary<string, int> notesMedia, IReadOnlyList<PollDefinition> polls,
        IReadOnlyList<DeckProblem> warnings)
    {
        Slug = slug;
        SourcePath = sourcePath;
        Fingerprint = fingerprint;
        Metadata = metadata;
        Slides = slides;
        Media = media;
        NotesMedia = notesMedia;
        Polls = polls;
        Warnings = warnings;
    }

    /// <summary>The deck's folder name under <c>content/</c>.</summary>
    public string Slug { get; }

    /// <summary>Full path of <c>deck.md</c>.</summary>
    public string SourcePath { get; }

    /// <summary>Short hash of the source, so clients can tell a reloaded deck from the one they cached.</summary>
    public string Fingerprint { get; }

    /// <summary>The front matter.</summary>
    public DeckMetadata Metadata { get; }

    /// <summary>The slides, in order; never empty.</summary>
    public IReadOnlyList<Slide> Slides { get; }

    /// <summary>
    /// Files the slides reference (paths relative to the deck folder, with <c>/</c>), each mapped to the
    /// index of the first slide that shows it. Only these files are ever served to the audience.
    /// </summary>
    public IReadOnlyDictionary<string, int> Media { get; }

    /// <summary>
    /// Files the speaker notes reference, keyed like <see cref="Media"/>, each mapped to the index of the first
    /// slide whose notes show it. They share the media URL, but notes are presenter-only: serve these to the
    /// presenter, never to the audience (a file the slides show as well is also in <see cref="Media"/>).
    /// </summary>
    public IReadOnlyDictionary<string, int> NotesMedia { get; }

    /// <summary>The polls declared in the deck, in slide order.</summary>
    public IReadOnlyList<PollDefinition> Polls { get; }

    /// <summary>Problems that did not stop the deck from loading.</summary>
    public IReadOnlyList<DeckProblem> Warnings { get; }
}
