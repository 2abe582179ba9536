using System.Security.Cryptography;

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
    /// Normalises what a person typed (case, spaces, dashes) into a code, or explains why it cannot be one.
    /// </summary>
    /// <returns>True when <paramref name="code"/> holds a well-formed code.</returns>
    public static bool TryNormalize(string? input, out string code, out string error)
    {
        code = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "Type the code shown on the screen.";
            return false;
        }

        if (input.Length > 32)
        {
            error = $"A code has {Length} characters.";
            return false;
        }

        var cleaned = new string(input.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
        if (cleaned.Length != Length)
        {
            error = $"A code has {Length} characters; you typed {cleaned.Length}.";
            return false;
        }

        var bad = cleaned.FirstOrDefault(c => !Alphabet.Contains(c, StringComparison.Ordinal));
        if (bad != default)
        {
            error = bad is '0' or 'O' or '1' or 'I' or 'L'
                ? $"Codes never contain '{bad}' (it is too easy to confuse); check the code on the screen."
                : $"'{bad}' cannot appear in a code; check the code on the screen.";
            return false;
        }

        code = cleaned;
        error = string.Empty;
        return true;
    }

    /// <summary>True when <paramref name="input"/> is a code in its normal form.</summary>
    public static bool IsNormalized(string? input) =>
        input is { Length: Length } && input.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
