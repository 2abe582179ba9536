namespace OpenHealthLive.Core.Questions;

/// <summary>
/// One identifier a rule found: which rule, a key that tells two sightings of the same identifier apart from
/// two identifiers, the reason for the presenter, the mask that replaces it, and where it is in the text as
/// typed (<c>Start</c> -1: the whole text, when a rule could not finish).
/// </summary>
internal sealed record GuardDetection(string Rule, string Key, string Reason, string Mask, int Start, int End)
{
    public GuardDetection Shift(int offset) => Start < 0 ? this : this with { Start = Start + offset, End = End + offset };
}
