using System.Globalization;
using System.Text;
using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Core.Polls;

/// <summary>
/// The results of one poll round: anonymous aggregates only. Exactly one of the lists is filled, by poll
/// type; the others are empty.
/// </summary>
/// <remarks>Equality compares the lists element by element, so two snapshots of the same counts are equal.</remarks>
/// <param name="PollId">The poll's id in the deck.</param>
/// <param name="Type">The poll's type.</param>
/// <param name="Voters">How many answers are counted (one per voter).</param>
/// <param name="Options">Single choice, multiple choice and quiz: every option in deck order, even with no votes.</param>
/// <param name="Ranking">Ranking: every option, highest Borda score first; ties keep deck order.</param>
/// <param name="Ratings">Rating: every item in deck order.</param>
/// <param name="Words">Word cloud: the most frequent answers first, ties in ordinal (alphabetical) order, at most <see cref="PollTally.MaxWords"/>.</param>
public sealed record PollResults(
    string PollId,
    PollType Type,
    int Voters,
    IReadOnlyList<OptionResult> Options,
    IReadOnlyList<RankResult> Ranking,
    IReadOnlyList<RatingResult> Ratings,
    IReadOnlyList<WordResult> Words)
{
    /// <summary>
    /// The same counts, labelled as <paramref name="translation"/> words the poll (the same poll in another language of the
    /// deck: same id, same options and items in the same order). Votes are counted by position, so only the labels change.
    /// </summary>
    public PollResults LabelledAs(PollDefinition translation)
    {
        ArgumentNullException.ThrowIfNull(translation);
        if (!string.Equals(translation.Id, PollId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The results are of poll '{PollId}', not '{translation.Id}'.", nameof(translation));
        }

        static string Label(IReadOnlyList<string> labels, int index, string kept) => index >= 0 && index < labels.Count ? labels[index] : kept;
        return this with
        {
            Options = Options.Select(o => o with { Label = Label(translation.Options, o.Index, o.Label) }).ToList(),
            Ranking = Ranking.Select(r => r with { Label = Label(translation.Options, r.Index, r.Label) }).ToList(),
            Ratings = Ratings.Select(r => r with { Item = Label(translation.Items, r.Index, r.Item) }).ToList(),
        };
    }

    /// <summary>Compares every field; lists by their elements.</summary>
    public bool Equals(PollResults? other) =>
        other is not null
        && string.Equals(PollId, other.PollId, StringComparison.Ordinal)
        && Type == other.Type
        && Voters == other.Voters
        && Lists.SameItems(Options, other.Options)
        && Lists.SameItems(Ranking, other.Ranking)
        && Lists.SameItems(Ratings, other.Ratings)
        && Lists.SameItems(Words, other.Words);

    /// <summary>A hash consistent with <see cref="Equals(PollResults?)"/>.</summary>
    public override int GetHashCode() =>
        HashCode.Combine(PollId is null ? 0 : StringComparer.Ordinal.GetHashCode(PollId), Type, Voters, Lists.HashItems(Options), Lists.HashItems(Ranking), Lists.HashItems(Ratings), Lists.HashItems(Words));

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"PollId = {PollId}, Type = {Type}, Voters = {Voters}, Options = {Lists.Print(Options)}, Ranking = {Lists.Print(Ranking)}, Ratings = {Lists.Print(Ratings)}, Words = {Lists.Print(Words)}");
        return true;
    }
}
