using System.Globalization;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Questions;

/// <summary>
/// Where a page of questions ends: the sort key of its last question, so the next page starts right after it
/// whatever was added meanwhile. Written as short text (<c>t.0.1.12.345</c>: order, held, pinned, votes, id) that
/// the phone hands back untouched; it comes back from the phone, so it is parsed strictly.
/// </summary>
internal readonly record struct QuestionCursor(QuestionOrder Order, bool Held, bool Pinned, int Votes, long Id)
{
    /// <summary>Longer text is refused before it is looked at.</summary>
    public const int MaxLength = 64;

    public static QuestionCursor After(QuestionOrder order, QuestionRecord last) =>
        new(order, last.Status == (int)QuestionStatus.Held, last.Pinned, last.Votes, last.Id);

    public string Format() =>
        string.Create(CultureInfo.InvariantCulture, $"{Letter(Order)}.{(Held ? 1 : 0)}.{(Pinned ? 1 : 0)}.{Votes}.{Id}");

    /// <summary>Parses a cursor made for <paramref name="order"/>; a cursor of another order is not valid for it.</summary>
    public static bool TryParse(string? text, QuestionOrder order, out QuestionCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return false;
        }

        var parts = text.Split('.');
        if (parts.Length != 5 || parts[0] != Letter(order).ToString()
            || !TryFlag(parts[1], out var held) || !TryFlag(parts[2], out var pinned)
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var votes)
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        cursor = new QuestionCursor(order, held, pinned, votes, id);
        return true;
    }

    private static char Letter(QuestionOrder order) => order switch
    {
        QuestionOrder.Top => 't',
        QuestionOrder.Newest => 'n',
        _ => 'h',
    };

    private static bool TryFlag(string text, out bool flag)
    {
        flag = text == "1";
        return text is "0" or "1";
    }
}
