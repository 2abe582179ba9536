namespace OpenHealthLive.Core.Sessions;

/// <summary>An immutable snapshot of a live session.</summary>
/// <param name="Code">The join code.</param>
/// <param name="DeckSlug">The deck being presented.</param>
/// <param name="IsDefault">True for the session that exists from start-up.</param>
/// <param name="Position">The slide everyone should see.</param>
/// <param name="Shown">Every slide the room has been shown, with the furthest fragment on each: what the audience may look back at.</param>
/// <param name="CreatedAt">When the session started.</param>
/// <param name="Timer">The speaker's timer.</param>
/// <param name="Plan">Title, room, start time and rehearsal flag, as the organiser planned them.</param>
/// <param name="EndedAt">When the talk ended; null while it runs. An ended talk takes no questions or votes.</param>
/// <param name="AudienceDataErasedAt">When everything the audience sent was last deleted; null if never.</param>
public sealed record LiveSessionState(
    string Code, string DeckSlug, bool IsDefault, SlidePosition Position, ShownSlides Shown, DateTimeOffset CreatedAt, SpeakerTimer Timer, SessionPlan Plan,
    DateTimeOffset? EndedAt = null, DateTimeOffset? AudienceDataErasedAt = null)
{
    /// <summary>True once the talk has ended.</summary>
    public bool Ended => EndedAt is not null;

    /// <summary>Blackout, the join QR code and the caption bar on the projector.</summary>
    public ProjectorDisplay Projector { get; init; } = ProjectorDisplay.Plain;
}
