namespace OpenHealthLive.Core.Storage;

/// <summary>The stored row of an audience question.</summary>
public sealed class QuestionRecord
{
    /// <summary>Primary key; also the question's public id.</summary>
    public long Id { get; set; }

    /// <summary>The session's join code.</summary>
    public required string SessionCode { get; set; }

    /// <summary>Hash of the asking device's token (never the token itself); with <see cref="ClientId"/> it makes a retried post idempotent.</summary>
    public required string DeviceHash { get; set; }

    /// <summary>Id the phone made for this post.</summary>
    public required string ClientId { get; set; }

    /// <summary>The question, trimmed, at most 500 characters.</summary>
    public required string Text { get; set; }

    /// <summary>Optional display name; anonymous when null.</summary>
    public string? Author { get; set; }

    /// <summary>Visible, held for review, or hidden.</summary>
    public int Status { get; set; }

    /// <summary>Why a question was held, for the presenter.</summary>
    public string? HeldReason { get; set; }

    /// <summary>Pinned questions sort first.</summary>
    public bool Pinned { get; set; }

    /// <summary>When the presenter marked it answered.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>Number of upvotes (kept in step with <see cref="QuestionVoteRecord"/> rows in the same transaction).</summary>
    public int Votes { get; set; }

    /// <summary>When it was posted.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
