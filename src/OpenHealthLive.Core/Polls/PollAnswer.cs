using System.Text;
using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Core.Polls;

/// <summary>
/// What a phone sends for a poll. Exactly one field is used, chosen by the poll's type; run it through
/// <see cref="PollAnswers.Normalize"/> before counting or storing it.
/// </summary>
/// <remarks>
/// Equality compares the lists element by element (not by reference), so a normalised answer equals the one
/// read back by <see cref="PollAnswers.Deserialize"/> and a changed vote can be told from a repeated one.
/// </remarks>
/// <param name="Option">Single choice and quiz: the 0-based index of the chosen option.</param>
/// <param name="Options">Multiple choice: distinct option indexes, from 1 to <see cref="PollDefinition.MaxChoices"/> of them.</param>
/// <param name="Ratings">Rating: one value from 1 to <see cref="PollDefinition.Scale"/> per item, in item order.</param>
/// <param name="Ranking">Ranking: every option index once, best first.</param>
/// <param name="Text">Word cloud: a word or a short phrase.</param>
public sealed record PollAnswer(
    int? Option = null,
    IReadOnlyList<int>? Options = null,
    IReadOnlyList<int>? Ratings = null,
    IReadOnlyList<int>? Ranking = null,
    string? Text = null)
{
    /// <summary>Compares every field; lists by their elements.</summary>
    public bool Equals(PollAnswer? other) =>
        other is not null
        && Option == other.Option
        && Lists.SameItems(Options, other.Options)
        && Lists.SameItems(Ratings, other.Ratings)
        && Lists.SameItems(Ranking, other.Ranking)
        && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <summary>A hash consistent with <see cref="Equals(PollAnswer?)"/>.</summary>
    public override int GetHashCode() =>
        HashCode.Combine(Option, Lists.HashItems(Options), Lists.HashItems(Ratings), Lists.HashItems(Ranking), Text is null ? 0 : StringComparer.Ordinal.GetHashCode(Text));

    // Prints the lists' elements, so that a failing assertion shows the answer rather than a type name.
    private bool PrintMembers(StringBuilder builder)
    {
        var first = true;
        void Field(string name, string? value)
        {
            if (value is null)
            {
                return;
            }

            builder.Append(first ? string.Empty : ", ").Append(name).Append(" = ").Append(value);
            first = false;
        }

        Field(nameof(Option), Option?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(nameof(Options), Lists.Print(Options));
        Field(nameof(Ratings), Lists.Print(Ratings));
        Field(nameof(Ranking), Lists.Print(Ranking));
        Field(nameof(Text), Text is null ? null : "\"" + Text + "\"");
        return !first;
    }
}
