using System.Globalization;
using System.Text;

namespace OpenHealthLive.Core.Questions;

/// <summary>
/// Brings a question to the one form the guard's rules match against, so that invisible or look-alike
/// characters cannot carry an identifier past them.
/// </summary>
internal static class GuardText
{
    /// <summary>
    /// Drops format and control characters (zero-width spaces and joiners, bidi controls, soft hyphens, tag
    /// characters, variation selectors), applies NFKC (full-width and other compatibility forms), maps every
    /// decimal digit to ASCII, every dash to <c>-</c> and every apostrophe to <c>'</c>, and collapses
    /// whitespace to single spaces.
    /// </summary>
    public static string Normalize(string text)
    {
        var visible = new StringBuilder(text.Length);
        Span<char> buffer = stackalloc char[2];

        // Runes, not chars: lone surrogates become U+FFFD instead of making string.Normalize throw.
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsInvisible(rune))
            {
                continue;
            }

            var written = rune.EncodeToUtf16(buffer);
            visible.Append(buffer[..written]);
        }

        string composed;
        try
        {
            composed = visible.ToString().Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            composed = visible.ToString();
        }

        var result = new StringBuilder(composed.Length);
        var pendingSpace = false;
        foreach (var c in composed)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(Map(c));
        }

        return result.ToString();
    }

    /// <summary>
    /// The normalised text in lower case, without accents, with every run of punctuation and spaces made one
    /// space, for the word list: "Müller", "MULLER" and "muller" fold alike, as do "O'Brien" and "O’Brien",
    /// "St. Elsewhere" and "St Elsewhere", "bed-4" and "bed 4".
    /// </summary>
    public static string Fold(string normalized)
    {
        string decomposed;
        try
        {
            decomposed = normalized.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            decomposed = normalized;
        }

        var result = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                    continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                if (result.Length > 0 && result[^1] != ' ')
                {
                    result.Append(' ');
                }

                continue;
            }

            // Letters that carry their "accent" in the base character, so do not decompose.
            result.Append(char.ToLowerInvariant(c) switch
            {
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                'ø' => "o",
                'ł' => "l",
                'đ' or 'ð' => "d",
                'þ' => "th",
                'ı' => "i",
                var lower => lower.ToString(),
            });
        }

        return result.ToString().TrimEnd();
    }

    /// <summary>The maximal runs of ASCII digits in <paramref name="text"/>.</summary>
    public static List<Range> DigitRuns(string text)
    {
        var runs = new List<Range>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            runs.Add(start..i);
        }

        return runs;
    }

    /// <summary>Only the ASCII digits of <paramref name="text"/>.</summary>
    public static string DigitsOf(ReadOnlySpan<char> text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>The character at <paramref name="index"/>, or a space outside the text.</summary>
    public static char At(string text, int index) => index >= 0 && index < text.Length ? text[index] : ' ';

    /// <summary>"…919": the last few characters of a value, the most a reason may show of an identifier.</summary>
    public static string Tail(string value, int count = 3)
    {
        var trimmed = value.TrimEnd(' ', '.', ',', '-', '/');
        return trimmed.Length <= count ? "…" : "…" + trimmed[^count..];
    }

    private static bool IsInvisible(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return category == UnicodeCategory.Format
            || (category == UnicodeCategory.Control && !Rune.IsWhiteSpace(rune))
            || rune.Value is >= 0xFE00 and <= 0xFE0F // variation selectors (emoji keycap digits)
            || rune.Value is >= 0xE0100 and <= 0xE01EF
            || rune.Value == 0x20E3 // combining enclosing keycap
            || rune.Value == 0x034F; // combining grapheme joiner
    }

    private static char Map(char c)
    {
        if (char.IsAsciiDigit(c))
        {
            return c;
        }

        if (char.IsDigit(c))
        {
            return (char)('0' + (int)char.GetNumericValue(c));
        }

        return c switch
        {
            '\u2212' => '-',
            '\u2018' or '\u2019' or '\u201B' or '\u02BC' or '\u2032' or '`' or '\u00B4' => '\'',
            _ when CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation => '-',
            _ => c,
        };
    }
}
