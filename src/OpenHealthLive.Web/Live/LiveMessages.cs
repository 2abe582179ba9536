using OpenHealthLive.Core.Audience;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// Where a session is and what the audience may see there. The same object goes to every follower, so
/// SignalR serialises it once per protocol however many phones follow.
/// </summary>
/// <param name="Code">Join code.</param>
/// <param name="Slide">0-based current slide.</param>
/// <param name="Fragment">Fragments revealed on the current slide.</param>
/// <param name="Version">Grows with every change; clients ignore anything not newer than what they show.</param>
/// <param name="SlideCount">Slides in the deck; 0 while the deck cannot be shown.</param>
/// <param name="Shown">The slides the room has been shown (0-based, in order): the ones a phone may look back at.</param>
/// <param name="Deck">Fingerprint of the deck source; changes when the deck is edited.</param>
/// <param name="Html">The current slide as the audience may see it (unrevealed fragments are absent).</param>
/// <param name="Ended">True once the talk has ended: phones show it, and it takes no questions or votes.</param>
/// <param name="Language">The language <paramref name="Html"/> is written in: the one the phone chose when the deck has it, else the deck's own.</param>
public sealed record SlideState(string Code, int Slide, int Fragment, long Version, int SlideCount, IReadOnlyList<int> Shown, string Deck, string Html, bool Ended = false, string? Language = null);

/// <summary>What a presenter device gets when it starts following a session.</summary>
/// <param name="State">The current position.</param>
/// <param name="AudienceCount">Phones following now, on this node.</param>
/// <param name="Timer">The speaker's timer.</param>
/// <param name="Projector">Blackout and join overlay.</param>
/// <param name="Delivery">How many phones show the current slide.</param>
public sealed record PresenterJoined(SlideState State, AudienceCount AudienceCount, TimerState Timer, ProjectorState Projector, Delivery Delivery);

/// <summary>The speaker's timer: <c>ElapsedMs</c> counted when the message was made; it goes on counting while <c>Running</c>.</summary>
public sealed record TimerState(string Code, bool Running, long ElapsedMs);

/// <summary>The projector's display state, as stored with the session (<see cref="ProjectorDisplay"/>).</summary>
/// <param name="Code">Join code.</param>
/// <param name="Blackout">The projector is blacked out.</param>
/// <param name="JoinOverlay">The large join QR code is shown.</param>
/// <param name="Captions">The caption bar is shown under the slide.</param>
/// <param name="Revision">Grows with every change; a screen ignores a state older than the one it shows. Not <c>version</c>:
/// that name is the slide's, which a console's command answer is checked against.</param>
public sealed record ProjectorState(string Code, bool Blackout, bool JoinOverlay, bool Captions, long Revision)
{
    /// <summary>The projector state of <paramref name="session"/>.</summary>
    public static ProjectorState From(LiveSessionState session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var projector = session.Projector;
        return new(session.Code, projector.Blackout, projector.JoinOverlay, projector.Captions, projector.Revision);
    }
}

/// <summary>Number of phones following a session on one node; with several nodes, presenters add them up by node.</summary>
public sealed record AudienceCount(string Code, int Count, string Node);

/// <summary>
/// The current version of a session, sent every few seconds in a cluster so a phone that missed a change catches up;
/// with the projector's revision, so a presenter device that missed a blackout catches up too.
/// </summary>
public sealed record StateHeartbeat(string Code, long Version, long ProjectorRevision);

/// <summary>The deck behind a session was edited.</summary>
public sealed record DeckReloaded(string Code, string Deck);

/// <summary>Builds the messages above from a session and its deck.</summary>
public sealed class LiveMessages(DeckCatalog decks, TimeProvider time)
{
    public TimerState Timer(LiveSessionState session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new(session.Code, session.Timer.Running, (long)session.Timer.ElapsedAt(time.GetUtcNow()).TotalMilliseconds);
    }

    /// <summary>Where <paramref name="session"/> is, with the slide as the audience sees it in <paramref name="translation"/> (null: the deck's own language).</summary>
    public SlideState SlideState(LiveSessionState session, string? translation = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var position = session.Position;
        if (decks.Get(session.DeckSlug).Deck is not { } deck)
        {
            return new(session.Code, position.Slide, position.Fragment, position.Version, 0, [], string.Empty, string.Empty, session.Ended);
        }

        var view = AudienceView.Of(session, deck, translation);
        return new(session.Code, Math.Clamp(position.Slide, 0, deck.Slides.Count - 1), position.Fragment, position.Version, deck.Slides.Count, view.Slides, deck.Fingerprint, view.Live(),
            session.Ended, deck.In(translation).Language);
    }

    /// <summary>The deck <paramref name="session"/> presents, or null while it cannot be loaded.</summary>
    public Deck? DeckOf(LiveSessionState session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return decks.Get(session.DeckSlug).Deck;
    }

    /// <summary>
    /// The translation of <paramref name="session"/>'s deck that serves a reader asking for <paramref name="language"/>
    /// (its key in <see cref="Deck.Translations"/>), or null for the deck's own language: asked for, or the only one that serves.
    /// </summary>
    public string? TranslationFor(LiveSessionState session, string? language) =>
        DeckOf(session) is { } deck && deck.FindLanguage(language) is { } found && deck.Translations.ContainsKey(found) ? found : null;
}
