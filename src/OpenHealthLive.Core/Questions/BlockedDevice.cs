namespace OpenHealthLive.Core.Questions;

/// <summary>A blocked phone as a moderator sees it: never its device hash, only what helps to recognise it.</summary>
/// <param name="Id">The block's id, to unblock it.</param>
/// <param name="BlockedAt">When it was blocked.</param>
/// <param name="Questions">How many of its questions the session still holds (all hidden when it was blocked).</param>
/// <param name="LastQuestion">The text of its latest question (as stored: masked where the guard found something), if any.</param>
public sealed record BlockedDevice(long Id, DateTimeOffset BlockedAt, int Questions, string? LastQuestion);
