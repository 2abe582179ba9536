namespace OpenHealthLive.Core.Captions;

/// <summary>A session's caption settings.</summary>
/// <param name="SessionCode">The session.</param>
/// <param name="Kept">True when the captions are kept after the talk ends; by default they are deleted then.</param>
public sealed record CaptionSettings(string SessionCode, bool Kept);
