namespace OpenHealthLive.Core.Polls;

/// <summary>What a deletion of a session's poll votes took away, and what it kept.</summary>
/// <param name="Votes">Votes deleted, in every round.</param>
/// <param name="PublishedPolls">Polls whose shown results were kept as open data.</param>
public sealed record VotesDeleted(int Votes, int PublishedPolls);
