using System.Globalization;
using System.Text;

namespace OpenHealthLive.Core.Questions;

/// <summary>
/// Cleans what a phone sent before it is checked or stored: Unicode normalised, control and bidirectional
/// override characters removed (they can make text read differently from what it is), whitespace tidied.
/// The result is still untrusted text: it is HTML-encoded wherever it is shown.
/// </summary>
public static class QuestionText
{
    /// <summary>Longest question, in characters after cleaning.</summary>
    public const int MaxLength = 500;

    /// <summary>Longest display name.</summary>
    public const int MaxAuthorLength = 40;

    /// <summary>Longest client-made id.</summary>
    public const int MaxClientIdLength = 64;

    /// <summary>Cleans a question; keeps single line breaks, at most two in a row.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Far beyond the limit: do not spend time normalising a megabyte only to refuse it.
        if (text.Length > MaxLength * 8)
        {
            text = text[..(MaxLength * 8)];
        }

        var normalized = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        var newlines = 0;
        var pendingSpace = false;
        foreach (var c in normalized)
        {
            if (c is '\r')
            {
                continue;
            }

            if (c is '\n')
            {
                newlines++;
                pendingSpace = false;
                continue;
            }

            if (IsInvisibleControl(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (newlines > 0 && builder.Length > 0)
            {
                builder.Append('\n', Math.Min(newlines, 2));
            }
            else if (pendingSpace)
            {
                builder.Append(' ');
            }

            newlines = 0;
            pendingSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Cleans a display name: one line, or null when empty.</summary>
    public static string? CleanAuthor(string? author)
    {
        var cleaned = Clean(author).Replace('\n', ' ');
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <remarks>The zero-width joiner stays: emoji such as 👩‍⚕️ are built with it.</remarks>
    private static bool IsInvisibleControl(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        && c is not '\t' and not '\u200D';
}
