using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Polls;

/// <summary>
/// Runs a typed poll answer through the <see cref="PatientDataGuard"/>: as typed, and as it would be counted
/// (<see cref="WordNormalizer"/>), so that neither form can carry an identifier into a word cloud.
/// </summary>
public static class WordCloudGuard
{
    /// <summary>What the guard found in <paramref name="typed"/>, and the answer masked; not held when both forms are clean.</summary>
    public static GuardedText Screen(PatientDataGuard guard, string typed)
    {
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(typed);
        var asTyped = guard.Mask(typed.Trim());
        if (asTyped.Held)
        {
            return asTyped;
        }

        // Only what normalising made of the answer looks like an identifier: the masked normal form is what is kept.
        var normalized = guard.Mask(WordNormalizer.Normalize(typed));
        return normalized.Held ? normalized : asTyped;
    }
}
