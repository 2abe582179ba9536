
namespace OpenHealthLive.Core.Slides;

/// <summary>A parsed, rendered deck: immutable, shared by every session that presents it.</summary>
public sealed class Deck
{
    internal Deck(string slug, string sourcePath, string fingerprint, DeckMetadata metadata, IReadOnlyList<Slide> slides,
        IReadOnlyDictionary<string, int> media, IReadOnlyDictionary<string, int> notesMedia, IReadOnlyList<PollDefinition> polls,
        IReadOnlyList<DeckProblem> warnings, IReadOnlyDictionary<string, Deck>? translations = null)
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
        Translations = translations ?? new Dictionary<string, Deck>(StringComparer.OrdinalIgnoreCase);
        Languages = [metadata.Language, .. Translations.Keys.Order(StringComparer.OrdinalIgnoreCase)];
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

    /// <summary>
    /// Where the presenter's views fetch the deck's files: the prefix of every deck-file address in <see cref="Slide.Html"/>
    /// and <see cref="Slide.NotesHtml"/>, followed by the key (see <see cref="Media"/>) with each segment escaped.
    /// </summary>
    public string MediaUrlPrefix => SlideBuilder.MediaUrlPrefix(Slug);

    /// <summary>The deck's own language (BCP 47), from its front matter: what the projector and the presenter show.</summary>
    public string Language => Metadata.Language;

    /// <summary>
    /// The translations beside the deck (<c>deck.es.md</c> beside <c>deck.md</c>), keyed by language tag, ignoring case.
    /// Each has the same slides, fragments and polls as this deck (the loader refuses one that does not); a translation
    /// has none of its own.
    /// </summary>
    public IReadOnlyDictionary<string, Deck> Translations { get; }

    /// <summary>Every language the deck can be read in: its own first, then its translations.</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>The deck in <paramref name="language"/> (one of <see cref="Languages"/>, any case), or this deck when it has no such translation.</summary>
    public Deck In(string? language) => language is not null && Translations.TryGetValue(language, out var translation) ? translation : this;

    /// <summary>
    /// The language of <see cref="Languages"/> that serves a reader asking for <paramref name="requested"/>: the same tag,
    /// else the same language in another region (<c>es-MX</c> is served by <c>es</c>, <c>en-US</c> by <c>en-GB</c>); null when none does.
    /// </summary>
    public string? FindLanguage(string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return null;
        }

        return Languages.FirstOrDefault(l => l.Equals(requested, StringComparison.OrdinalIgnoreCase))
            ?? Languages.FirstOrDefault(l => PrimaryLanguage(l).Equals(PrimaryLanguage(requested), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The first of <paramref name="preferences"/> (best first, as a browser lists them) the deck can serve, else its own language.</summary>
    public string ChooseLanguage(IEnumerable<string?> preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        return preferences.Select(FindLanguage).FirstOrDefault(l => l is not null) ?? Language;
    }

    /// <summary>This deck with <paramref name="translations"/> attached, a fingerprint that covers them too, and their warnings.</summary>
    internal Deck WithTranslations(IReadOnlyDictionary<string, Deck> translations, string fingerprint, IReadOnlyList<DeckProblem> warnings) =>
        new(Slug, SourcePath, fingerprint, Metadata, Slides, Media, NotesMedia, Polls, warnings, translations);

    /// <summary>This deck read as a translation: <paramref name="metadata"/> for its words, and the fingerprint of the deck it translates.</summary>
    internal Deck AsTranslation(DeckMetadata metadata, string fingerprint) =>
        new(Slug, SourcePath, fingerprint, metadata, Slides, Media, NotesMedia, Polls, Warnings);

    /// <summary>The language without its region or script: <c>es</c> of <c>es-MX</c>.</summary>
    private static string PrimaryLanguage(string tag) => tag.Split('-', '_')[0];
}
