namespace OpenHealthLive.Core.Slides;

/// <summary>A poll as declared in a deck's Markdown (a fenced <c>poll</c> block holding YAML).</summary>
public sealed record PollDefinition
{
    /// <summary>Identifier, unique in the deck: lower-case letters, digits and dashes.</summary>
    public required string Id { get; init; }

    /// <summary>The kind of poll.</summary>
    public required PollType Type { get; init; }

    /// <summary>The question as asked.</summary>
    public required string Question { get; init; }

    /// <summary>Choices for single, multiple, ranking and quiz polls.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>What is rated, for rating polls.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>Top of the rating scale (bottom is 1).</summary>
    public int Scale { get; init; } = 5;

    /// <summary>How many options a multiple-choice answer may pick.</summary>
    public int MaxChoices { get; init; } = 1;

    /// <summary>The correct option of a quiz. Never sent to the audience before the presenter reveals it.</summary>
    public string? Answer { get; init; }

    /// <summary>Open the poll when its slide is reached.</summary>
    public bool AutoOpen { get; init; }

    /// <summary>0-based index of the slide that asks the poll.</summary>
    public int SlideIndex { get; init; }

    /// <summary>1-based line of the poll block in the deck file.</summary>
    public int SourceLine { get; init; }
}
