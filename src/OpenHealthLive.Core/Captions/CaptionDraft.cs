namespace OpenHealthLive.Core.Captions;

/// <summary>The line a captioner is typing, as phones may see it (see <see cref="CaptionText.Settled"/>); never stored.</summary>
/// <param name="SessionCode">The session.</param>
/// <param name="Text">What may be shown of the line so far, masked; empty when the line was cleared.</param>
public sealed record CaptionDraft(string SessionCode, string Text);
