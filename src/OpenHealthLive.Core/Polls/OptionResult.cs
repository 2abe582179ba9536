namespace OpenHealthLive.Core.Polls;

/// <summary>How many voters picked one option of a single-choice, multiple-choice or quiz poll.</summary>
/// <param name="Index">0-based position of the option in the deck.</param>
/// <param name="Label">The option as written in the deck.</param>
/// <param name="Count">Voters who picked it.</param>
/// <param name="Percent">
/// <paramref name="Count"/> as a percentage of all voters (0 to 100, not rounded); 0 when nobody has voted.
/// In a multiple-choice poll the percentages can add up to more than 100.
/// </param>
public sealed record OptionResult(int Index, string Label, int Count, double Percent);
