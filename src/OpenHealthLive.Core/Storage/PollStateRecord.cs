namespace OpenHealthLive.Core.Storage;

/// <summary>The state of one deck poll in one session.</summary>
public sealed class PollStateRecord
{
    /// <summary>The session's join code.</summary>
    public required string SessionCode { get; set; }

    /// <summary>The poll's id in the deck.</summary>
    public required string PollId { get; set; }

    /// <summary>True while phones may vote.</summary>
    public bool IsOpen { get; set; }

    /// <summary>True when the room may see the results (and a quiz's answer).</summary>
    public bool ResultsVisible { get; set; }

    /// <summary>Grows with every reset; only the current round's votes count.</summary>
    public int Round { get; set; }

    /// <summary>When it was first opened in this round.</summary>
    public DateTimeOffset? OpenedAt { get; set; }

    /// <summary>When it was last closed.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>
    /// The results of the current round as the room was shown them, kept (as JSON, <see cref="Polls.PublishedResultsJson"/>)
    /// when the votes were deleted: counts only, no device. Null while the votes themselves are kept.
    /// </summary>
    public string? PublishedResults { get; set; }
}
