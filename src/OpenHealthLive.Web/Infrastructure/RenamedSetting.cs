namespace OpenHealthLive.Web.Infrastructure;

/// <summary>
/// A setting that moved to another key. The old key is still read when the new one is not set, so deployments that
/// set it (compose files, <c>Live__DefaultDeck</c> in the environment) keep working; a warning at start-up names the new key.
/// </summary>
/// <param name="OldKey">The key as deployments may still set it, for example <c>Live:DefaultDeck</c>.</param>
/// <param name="NewKey">The key that replaces it, for example <c>Decks:DefaultDeck</c>.</param>
public sealed record RenamedSetting(string OldKey, string NewKey);
