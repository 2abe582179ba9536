namespace OpenHealthLive.Core.Sessions;

/// <summary>
/// What the projector shows besides the slide. Stored with the session, so a restart, another node or a projector
/// window opened again shows the room what it was shown. <see cref="Revision"/> grows with every change: a screen
/// ignores a state older than the one it shows. It is counted apart from <see cref="SlidePosition.Version"/>, which
/// phones follow, so a blackout does not make the room's phones join again.
/// </summary>
/// <param name="Blackout">The projector is blacked out.</param>
/// <param name="JoinOverlay">The large join QR code is shown.</param>
/// <param name="Captions">The caption bar is shown under the slide.</param>
/// <param name="Revision">Grows by one with every change; 0 before the first.</param>
public sealed record ProjectorDisplay(bool Blackout, bool JoinOverlay, bool Captions, long Revision)
{
    /// <summary>The slide alone: what a new session's projector shows.</summary>
    public static ProjectorDisplay Plain { get; } = new(false, false, false, 0);
}
