using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Captions;

/// <summary>The rules for a caption's text: its size, and what of a line still being typed may be shown.</summary>
public static class CaptionText
{
    /// <summary>Most characters in a line, committed or in progress.</summary>
    public const int MaxLength = 500;

    /// <summary>
    /// Most characters a stored line may have: the guard's masks can be longer than what they replace (a postcode of
    /// six characters becomes a mask of fifteen), so a line of nothing but short identifiers grows.
    /// </summary>
    public const int MaxStoredLength = CaptionRecord.MaxTextLength;

    /// <summary>What a caption too long is told.</summary>
    public static readonly string TooLong = $"A caption line has at most {MaxLength} characters. Press Enter (or send it) more often.";

    /// <summary>What a caption sent after the end is told.</summary>
    public const string Ended = "This talk has ended: it takes no more captions.";

    /// <summary>
    /// The part of a line in progress that may be shown now. A number still being typed is held back until a word
    /// without digits follows it: "943 476" is no identifier yet, and would reach every phone before the guard could
    /// know that "943 476 5919" is one. The trailing words that hold a digit or an <c>@</c> (and the spaces between
    /// them) wait for the next plain word, or for the line to be committed, when the guard sees them whole.
    /// </summary>
    public static string Settled(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cut = text.Length;
        var at = text.Length;
        while (true)
        {
            while (at > 0 && char.IsWhiteSpace(text[at - 1]))
            {
                at--;
            }

            var start = at;
            while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
            {
                start--;
            }

            if (start == at || !IsSensitive(text.AsSpan(start, at - start)))
            {
                return text[..cut];
            }

            cut = start;
            at = start;
        }
    }

    private static bool IsSensitive(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsDigit(c) || c is '@' or '\uFF20')
            {
                return true;
            }
        }

        return false;
    }
}
