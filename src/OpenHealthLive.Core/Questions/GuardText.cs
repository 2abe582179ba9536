using System.Globalization;
using System.Text;

namespace OpenHealthLive.Core.Questions;

/// <summary>
/// Brings a question to the one form the guard's rules match against, so that invisible, decorated or
/// look-alike characters cannot carry an identifier past them.
/// </summary>
internal static class GuardText
{
    /// <summary>
    /// Drops format and control characters (zero-width spaces and joiners, bidi controls, soft hyphens, tag
    /// characters, variation selectors) and every combining mark (accents, strokes and circles drawn over digits),
    /// applies compatibility decomposition (full-width, mathematical and circled forms), maps every decimal digit
    /// to ASCII, every dash to <c>-</c>, every apostrophe to <c>'</c> and every ideographic full stop to
    /// <c>.</c>, collapses whitespace to single spaces, and reads the letters O, o, I and l (and their Greek and
    /// Cyrillic look-alikes) as digits inside a word that is otherwise digits ("591O" is 5910).
    /// </summary>
    public static GuardView Normalize(string text)
    {
        var result = new StringBuilder(text.Length);
        var starts = new List<int>(text.Length);
        var ends = new List<int>(text.Length);
        var pendingSpace = -1;
        Span<char> buffer = stackalloc char[2];

        var index = 0;
        // Runes, not chars: lone surrogates become U+FFFD instead of making string.Normalize throw.
        foreach (var rune in text.EnumerateRunes())
        {
            var at = index;
            index += rune.Utf16SequenceLength;
            if (IsInvisible(rune))
            {
                Widen(ends, index);
                continue;
            }

            string decomposed;
            if (rune.IsAscii)
            {
                decomposed = ((char)rune.Value).ToString();
            }
            else if (rune.IsBmp && Map((char)rune.Value) is var read && read != rune.Value)
            {
                // What Map reads as another character (an apostrophe, a dash, a digit) is read before it can decompose:
                // the acute accent typed as an apostrophe ("´61") would become a space and a mark.
                decomposed = read.ToString();
            }
            else
            {
                var written = rune.EncodeToUtf16(buffer);
                decomposed = new string(buffer[..written]);
                try
                {
                    decomposed = decomposed.Normalize(NormalizationForm.FormKD);
                }
                catch (ArgumentException)
                {
                    // Unassigned or malformed: matched as it is.
                }
            }

            foreach (var c in decomposed)
            {
                if (IsMark(c))
                {
                    // A mark drawn over the previous character belongs to it: masking that character masks the mark.
                    Widen(ends, index);
                    continue;
                }

                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = result.Length > 0 ? (pendingSpace < 0 ? at : pendingSpace) : -1;
                    continue;
                }

                if (pendingSpace >= 0)
                {
                    result.Append(' ');
                    starts.Add(pendingSpace);
                    ends.Add(at);
                    pendingSpace = -1;
                }

                result.Append(Map(c));
                starts.Add(at);
                ends.Add(index);
            }
        }

        FoldLookAlikes(result);
        return new GuardView(result.ToString(), [.. starts], [.. ends], text.Length);
    }

    /// <summary>
    /// The normalised text in lower case, without accents, with every run of punctuation and spaces made one
    /// space, for the word list: "Müller", "MULLER" and "muller" fold alike, as do "O'Brien" and "O’Brien",
    /// "St. Elsewhere" and "St Elsewhere", "bed-4" and "bed 4". <paramref name="map"/>, when given, receives for
    /// each character of the result the index of the normalised character it came from.
    /// </summary>
    public static string Fold(string normalized, List<int>? map = null)
    {
        var result = new StringBuilder(normalized.Length);
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (result.Length > 0 && result[^1] != ' ')
                {
                    result.Append(' ');
                    map?.Add(i);
                }

                continue;
            }

            // Letters that carry their "accent" in the base character, so do not decompose.
            var folded = char.ToLowerInvariant(c) switch
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
            };
            result.Append(folded);
            for (var k = 0; k < folded.Length; k++)
            {
                map?.Add(i);
            }
        }

        var trimmed = result.ToString().TrimEnd();
        if (map is not null && map.Count > trimmed.Length)
        {
            map.RemoveRange(trimmed.Length, map.Count - trimmed.Length);
        }

        return trimmed;
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

    /// <summary>True for a letter or a digit: what identifiers are made of; everything else can separate their parts.</summary>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    private static void Widen(List<int> ends, int index)
    {
        if (ends.Count > 0)
        {
            ends[^1] = index;
        }
    }

    private static bool IsInvisible(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return category == UnicodeCategory.Format
            || (category == UnicodeCategory.Control && !Rune.IsWhiteSpace(rune))
            // Variation selectors: those of the supplement here; U+FE00–U+FE0F (emoji keycap digits) are nonspacing
            // marks, and go with the marks.
            || rune.Value is >= 0xE0100 and <= 0xE01EF;
    }

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

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
            '\u3002' or '\uFF61' => '.',
            _ when CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation => '-',
            _ => c,
        };
    }

    /// <summary>
    /// "591O", "13I2", "4O1": in a word of digits and look-alike letters only, with at least one digit, the
    /// letters are read as the digits they imitate. Words with any other letter ("SpO2", "COVID19") are left alone.
    /// </summary>
    private static void FoldLookAlikes(StringBuilder text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var digits = 0;
            var onlyLookAlikes = true;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                if (char.IsAsciiDigit(text[i]))
                {
                    digits++;
                }
                else if (LookAlike(text[i]) is null)
                {
                    onlyLookAlikes = false;
                }

                i++;
            }

            if (digits > 0 && onlyLookAlikes && digits < i - start)
            {
                for (var k = start; k < i; k++)
                {
                    text[k] = LookAlike(text[k]) ?? text[k];
                }
            }
        }

        FoldLoneLookAlikes(text);
    }

    /// <summary>"7-9-7-5-4-3-2-3-I-8": a look-alike letter standing alone between two numbers, a separator or two from each.</summary>
    private static void FoldLoneLookAlikes(StringBuilder text)
    {
        var words = new List<(int Start, int End, bool Digits)>();
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var digits = false;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                digits |= char.IsAsciiDigit(text[i]);
                i++;
            }

            words.Add((start, i, digits));
        }

        for (var w = 1; w < words.Count - 1; w++)
        {
            var (start, end, _) = words[w];
            if (end - start == 1 && LookAlike(text[start]) is { } digit
                && words[w - 1].Digits && start - words[w - 1].End <= 3
                && words[w + 1].Digits && words[w + 1].Start - end <= 3)
            {
                text[start] = digit;
            }
        }
    }

    private static char? LookAlike(char c) => c switch
    {
        'O' or 'o' or '\u039F' or '\u03BF' or '\u041E' or '\u043E' or '\u0555' or '\u0585' => '0',
        'I' or 'l' or '\u0399' or '\u0406' or '\u0456' or '\u04C0' or '\u04CF' or '\u01C0' => '1',
        _ => null,
    };
}
