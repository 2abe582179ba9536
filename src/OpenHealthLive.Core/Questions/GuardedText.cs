namespace OpenHealthLive.Core.Questions;

/// <summary>A text after <see cref="PatientDataGuard.Mask"/>: what it found, and the text with it masked.</summary>
/// <param name="Text">The text with every identifier found replaced by a mask such as <c>[NHS number ending …919]</c>;
/// the text as given when nothing was found.</param>
/// <param name="Findings">One finding per rule that fired, in the order of <see cref="GuardRules"/>; empty when none did.</param>
public sealed record GuardedText(string Text, IReadOnlyList<GuardFinding> Findings)
{
    /// <summary>True when the guard found something: the text is to be held for the presenter.</summary>
    public bool Held => Findings.Count > 0;
}
