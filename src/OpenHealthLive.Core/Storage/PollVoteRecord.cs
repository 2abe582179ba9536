namespace OpenHealthLive.Core.Storage;

/// <summary>
/// One device's answer to one poll round. The unique index on (session, poll, round, device) makes it one
/// vote per device in the database itself; changing a vote updates this row.
/// </summary>
public sealed class PollVoteRecord
{
    /// <summary>Primary key.</summary>
    public long Id { get; set; }

    /// <summary>The session's join code.</summary>
    public required string SessionCode { get; set; }

    /// <summary>The poll's id in the deck.</summary>
    public required string PollId { get; set; }

    /// <summary>The round the vote belongs to.</summary>
    public int Round { get; set; }

    /// <summary>Hash of the voting device's token.</summary>
    public required string DeviceHash { get; set; }

    /// <summary>Id the phone made for its latest submission; a retry with the same id changes nothing.</summary>
    public required string ClientId { get; set; }

    /// <summary>The normalised answer (<c>PollAnswers.Serialize</c>).</summary>
    public required string Answer { get; set; }

    /// <summary>First vote.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
