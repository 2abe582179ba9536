namespace OpenHealthLive.Core.Storage;

/// <summary>One device's upvote of one question; the primary key makes it one vote per device.</summary>
public sealed class QuestionVoteRecord
{
    /// <summary>The question.</summary>
    public long QuestionId { get; set; }

    /// <summary>Hash of the voting device's token.</summary>
    public required string DeviceHash { get; set; }

    /// <summary>When the vote was cast.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
