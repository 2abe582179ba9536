namespace OpenHealthLive.Core.Polls;

/// <summary>What a phone is told once its vote is committed.</summary>
/// <param name="PollId">The poll.</param>
/// <param name="Round">The round it counts in.</param>
/// <param name="Answer">The answer as counted (normalised).</param>
/// <param name="Changed">True when it replaced an earlier vote of this phone.</param>
public sealed record VoteReceipt(string PollId, int Round, PollAnswer Answer, bool Changed);
