namespace OpenHealthLive.Core.Questions;

/// <summary>
/// A text in the guard's normal form (<see cref="GuardText.Normalize"/>), with where each of its characters
/// came from in the text as typed, so that what a rule finds in the normal form can be masked in the original.
/// </summary>
internal sealed class GuardView(string text, int[] sourceStart, int[] sourceEnd, int sourceLength)
{
    /// <summary>The normal form the rules match against.</summary>
    public string Text { get; } = text;

    /// <summary>Length of the text as typed.</summary>
    public int SourceLength { get; } = sourceLength;

    /// <summary>The index in the normal form of the character that starts at <paramref name="sourceIndex"/> in the typed text, or -1.</summary>
    public int IndexOf(int sourceIndex) => Array.IndexOf(sourceStart, sourceIndex);

    /// <summary>
    /// The range of the typed text that characters <paramref name="start"/> to <paramref name="end"/> (exclusive)
    /// of the normal form came from, widened to take in the invisible characters and marks between them.
    /// </summary>
    public (int Start, int End) Source(int start, int end)
    {
        if (Text.Length == 0)
        {
            return (0, SourceLength);
        }

        start = Math.Clamp(start, 0, Text.Length - 1);
        end = Math.Clamp(end, start + 1, Text.Length);
        return (sourceStart[start], sourceEnd[end - 1]);
    }
}
