using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenHealthLive.Core.Sessions;

/// <summary>
/// The short code an audience types to join a session: six characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L), compared case-insensitively. 31^6 ≈ 887 million codes.
/// </summary>
public static class JoinCode
{
    /// <summary>Characters a code is made of.</summary>
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>Number of characters in a code.</summary>
    public const int Length = 6;

    /// <summary>A new random code.</summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>
    /// Normalises what a person typed into a code, or explains why it cannot be one. Case is ignored, and so are
    /// ASCII spaces and hyphens (what people type between groups); every other character must be one of the
    /// <see cref="Alphabet"/>'s. Anything else is refused and named in the message, invisible characters by
    /// their code point only (a control or direction character echoed back would garble the page that shows it).
    /// </summary>
    /// <returns>True when <paramref name="code"/> holds a well-formed code.</returns>
    public static bool TryNormalize(string? input, out string code, out string error)
    {
        code = string.Empty;
        if (input is null || input.All(c => c == ' '))
        {
            error = "Type the code shown on the screen.";
            return false;
        }

        if (input.Length > 32)
        {
            error = $"A code has {Length} characters.";
            return false;
        }

        Span<char> cleaned = stackalloc char[32];
        var count = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (c is ' ' or '-')
            {
                continue;
            }

            var upper = char.IsAsciiLetterLower(c) ? (char)(c - 'a' + 'A') : c;
            if (Alphabet.Contains(upper, StringComparison.Ordinal))
            {
                cleaned[count++] = upper;
                continue;
            }

            error = Refusal(input, i);
            return false;
        }

        if (count != Length)
        {
            error = $"A code has {Length} characters; you typed {count}.";
            return false;
        }

        code = new string(cleaned[..count]);
        error = string.Empty;
        return true;
    }

    /// <summary>True when <paramref name="input"/> is a code in its normal form.</summary>
    public static bool IsNormalized(string? input) =>
        input is { Length: Length } && input.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    private static string Refusal(string input, int index)
    {
        var c = input[index];
        if (char.IsAscii(c) && !char.IsControl(c))
        {
            var upper = char.ToUpperInvariant(c);
            return upper is '0' or 'O' or '1' or 'I' or 'L'
                ? $"Codes never contain '{upper}' (it is too easy to confuse); check the code on the screen."
                : $"'{c}' cannot appear in a code; check the code on the screen.";
        }

        // A lone surrogate is named by itself; a pair is one character (an emoji).
        var rune = Rune.TryGetRuneAt(input, index, out var r) ? r : (Rune?)null;
        var number = $"U+{(rune?.Value ?? c):X4}";
        return rune is { } visible && IsVisible(visible)
            ? $"'{visible}' ({number}) cannot appear in a code: codes use only the letters A to Z and the digits 2 to 9; check the code on the screen."
            : $"The code contains an invisible character ({number}); type it again from the screen, using only letters and digits.";
    }

    /// <summary>Letters, digits, punctuation and symbols show as themselves; spaces, controls, format characters and marks do not.</summary>
    private static bool IsVisible(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => false,
        _ => true,
    };
}
