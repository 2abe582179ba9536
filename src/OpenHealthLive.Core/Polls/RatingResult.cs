using System.Globalization;
using System.Text;

namespace OpenHealthLive.Core.Polls;

/// <summary>How one item of a rating poll was rated.</summary>
/// <remarks>Equality compares <see cref="Distribution"/> element by element.</remarks>
/// <param name="Index">0-based position of the item in the deck.</param>
/// <param name="Item">The item as written in the deck.</param>
/// <param name="Average">Mean rating (not rounded); 0 when <paramref name="Count"/> is 0.</param>
/// <param name="StandardDeviation">Population standard deviation of the ratings; 0 when <paramref name="Count"/> is 0.</param>
/// <param name="Count">How many voters rated the item.</param>
/// <param name="Distribution">
/// One entry per point of the scale: <c>Distribution[k]</c> is how many voters gave <c>k + 1</c>.
/// </param>
public sealed record RatingResult(int Index, string Item, double Average, double StandardDeviation, int Count, IReadOnlyList<int> Distribution)
{
    /// <summary>Compares every field; the distribution by its elements.</summary>
    public bool Equals(RatingResult? other) =>
        other is not null
        && Index == other.Index
        && string.Equals(Item, other.Item, StringComparison.Ordinal)
        && Average.Equals(other.Average)
        && StandardDeviation.Equals(other.StandardDeviation)
        && Count == other.Count
        && Lists.SameItems(Distribution, other.Distribution);

    /// <summary>A hash consistent with <see cref="Equals(RatingResult?)"/>.</summary>
    public override int GetHashCode() =>
        HashCode.Combine(Index, Item is null ? 0 : StringComparer.Ordinal.GetHashCode(Item), Average, StandardDeviation, Count, Lists.HashItems(Distribution));

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Index = {Index}, Item = {Item}, Average = {Average:R}, StandardDeviation = {StandardDeviation:R}, Count = {Count}, Distribution = {Lists.Print(Distribution)}");
        return true;
    }
}
