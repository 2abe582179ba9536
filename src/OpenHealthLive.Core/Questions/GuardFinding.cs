namespace OpenHealthLive.Core.Questions;

/// <summary>
/// One reason to hold a question for the presenter: which rule fired, and what it saw, in a form safe to show
/// (the identifier itself is never repeated in full).
/// </summary>
/// <param name="Rule">Stable rule id, one of <see cref="GuardRules"/>.</param>
/// <param name="Reason">A short phrase for the presenter, for example
/// "an NHS number with a valid check digit (ending …919)".</param>
public sealed record GuardFinding(string Rule, string Reason);
