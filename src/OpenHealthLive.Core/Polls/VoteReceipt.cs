namespace OpenHealthLive.Core.Polls;

/// <summary>What a phone is told once its vote is committed.</summary>
/// <param name="PollId">The poll.</param>
/// <param name="Round">The round it counts in.</param>
/// <param name="Answer">The answer as counted (normalised), or as kept when held (masked).</param>
/// <param name="Changed">True when it replaced an earlier vote of this phone.</param>
/// <param name="HeldReason">Why the answer was held for the presenter instead of counted; null when it is counted.</param>
public sealed record VoteReceipt(string PollId, int Round, PollAnswer Answer, bool Changed, string? HeldReason = null);
