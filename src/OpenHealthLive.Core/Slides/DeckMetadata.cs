namespace OpenHealthLive.Core.Slides;

/// <summary>The YAML front matter of a deck.</summary>
public sealed record DeckMetadata
{
    /// <summary>Title of the talk; required.</summary>
    public required string Title { get; init; }

    /// <summary>Optional subtitle.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Who gives the talk.</summary>
    public string? Speaker { get; init; }

    /// <summary>The speaker's institution.</summary>
    public string? Affiliation { get; init; }

    /// <summary>Date of the talk, as written by the author.</summary>
    public string? Date { get; init; }

    /// <summary>Conference or event name.</summary>
    public string? Event { get; init; }

    /// <summary>Licence of the slides, for example <c>CC-BY-4.0</c>.</summary>
    public string? Licence { get; init; }

    /// <summary>BCP 47 language tag of the slides; used for the page's <c>lang</c> attribute.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Planned length of the talk, for pacing.</summary>
    public TimeSpan? PlannedDuration { get; init; }

    /// <summary>
    /// When true, phones may read slides the presenter has not reached yet. Off by default so that a
    /// quiz answer or a result slide is never seen early.
    /// </summary>
    public bool AudienceCanBrowseAhead { get; init; }

    /// <summary><c>auto</c> (each screen follows its device's setting), <c>dark</c> or <c>light</c>.</summary>
    public string Theme { get; init; } = "auto";
}
