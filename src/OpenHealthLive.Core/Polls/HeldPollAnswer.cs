namespace OpenHealthLive.Core.Polls;

/// <summary>
/// A typed answer the patient-data guard held: kept only masked, shown only to the presenter, never counted in
/// results, pushes or exports.
/// </summary>
/// <param name="Text">The answer with what the guard found masked (<c>[NHS number ending …919]</c>).</param>
/// <param name="Reason">Why it was held, for the presenter.</param>
public sealed record HeldPollAnswer(string Text, string Reason);
