namespace OpenHealthLive.Core.Polls;

/// <summary>Where voters put one option of a ranking poll.</summary>
/// <param name="Index">0-based position of the option in the deck.</param>
/// <param name="Label">The option as written in the deck.</param>
/// <param name="BordaScore">
/// Borda count: with n options, a first place earns n − 1 points, a second n − 2, …, a last place 0.
/// </param>
/// <param name="AverageRank">Mean 1-based place given to the option (1 is best, not rounded); 0 when nobody has voted.</param>
public sealed record RankResult(int Index, string Label, int BordaScore, double AverageRank);
