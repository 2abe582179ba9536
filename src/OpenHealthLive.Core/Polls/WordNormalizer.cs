using System.Buffers;
using System.Globalization;
using System.Text;

namespace OpenHealthLive.Core.Polls;

/// <summary>
/// Turns what people type into a word cloud into the form that is counted, so that "Communities",
/// "community" and " Community! " make one word. The steps and the plural rule are in docs/polls.md.
/// </summary>
public static class WordNormalizer
{
    /// <summary>Longest normalised answer a word cloud accepts, in UTF-16 characters.</summary>
    public const int MaxLength = 40;

    private static readonly SearchValues<char> AsciiLetters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    /// <summary>
    /// Trims, collapses inner whitespace, lower-cases, removes accents from Latin letters, strips punctuation,
    /// symbols and emoji around each word, and makes simple English plurals singular.
    /// </summary>
    /// <returns>The normalised text; empty when nothing is left (for example emoji or punctuation only).</returns>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var folded = FoldLatinAccents(RemoveInvisibles(text)).ToLowerInvariant();
        var result = new StringBuilder(Math.Min(folded.Length, 256));
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var atSpace = i == folded.Length || char.IsWhiteSpace(folded[i]);
            if (!atSpace)
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0)
            {
                var word = Singular(TrimToLettersAndDigits(folded.AsSpan(start, i - start)));
                if (word.Length > 0)
                {
                    result.Append(result.Length > 0 ? " " : string.Empty).Append(word);
                }

                start = -1;
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// The plural rule, applied to one lower-case word. Only words of the letters a to z are touched, and the
    /// first matching step wins.
    /// </summary>
    internal static string Singular(string word)
    {
        if (word.Length <= 3 || word.AsSpan().ContainsAnyExcept(AsciiLetters))
        {
            return word;
        }

        if (word.EndsWith("ss", StringComparison.Ordinal)
            || word.EndsWith("is", StringComparison.Ordinal)
            || word.EndsWith("us", StringComparison.Ordinal)
            || word.EndsWith("as", StringComparison.Ordinal))
        {
            return word;
        }

        if (word.EndsWith("sses", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.Length >= 5 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        }

        return word.EndsWith('s') ? word[..^1] : word;
    }

    // Control and format characters (zero-width spaces, bidi overrides, joiners) are invisible on the
    // projector but would make two identical-looking words count apart; a lone surrogate cannot be normalised.
    // Tabs and line breaks separate words, so they become spaces.
    private static string RemoveInvisibles(string text)
    {
        var builder = new StringBuilder(text.Length);
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var status = Rune.DecodeFromUtf16(rest, out var rune, out var consumed);
            rest = rest[consumed..];
            if (status != OperationStatus.Done)
            {
                continue;
            }

            if (Rune.IsWhiteSpace(rune))
            {
                builder.Append(' ');
            }
            else if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format))
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    // Compatibility decomposition also folds full-width letters and ligatures (ｏｐｅｎ, ﬁ) into plain ones.
    // Marks are dropped only after Latin letters: in other scripts (Devanagari vowel signs, Japanese dakuten)
    // a mark changes the word, not just its accent.
    private static string FoldLatinAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var afterLatin = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                if (!afterLatin)
                {
                    builder.Append(c);
                }

                continue;
            }

            afterLatin = c < '\u0250' || c is >= '\u1E00' and <= '\u1EFF';
            builder.Append(c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string TrimToLettersAndDigits(ReadOnlySpan<char> word)
    {
        while (!word.IsEmpty)
        {
            Rune.DecodeFromUtf16(word, out var rune, out var consumed);
            if (Rune.IsLetterOrDigit(rune))
            {
                break;
            }

            word = word[consumed..];
        }

        while (!word.IsEmpty)
        {
            Rune.DecodeLastFromUtf16(word, out var rune, out var consumed);
            if (Rune.IsLetterOrDigit(rune))
            {
                break;
            }

            word = word[..^consumed];
        }

        return word.ToString();
    }
}
