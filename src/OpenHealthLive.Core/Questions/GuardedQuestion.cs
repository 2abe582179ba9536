namespace OpenHealthLive.Core.Questions;

/// <summary>A question and its author's name after <see cref="PatientDataGuard.Inspect"/>, masked where the guard found something.</summary>
/// <param name="Text">The question, masked.</param>
/// <param name="Author">The name, masked; null when none was given.</param>
/// <param name="Findings">One finding per rule that fired in either, or in the two read together.</param>
public sealed record GuardedQuestion(string Text, string? Author, IReadOnlyList<GuardFinding> Findings)
{
    /// <summary>True when the guard found something: the question is to be held for the presenter.</summary>
    public bool Held => Findings.Count > 0;
}
