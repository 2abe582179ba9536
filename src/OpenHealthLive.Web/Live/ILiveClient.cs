using OpenHealthLive.Web.Captions;
using OpenHealthLive.Web.Pen;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Privacy;
using OpenHealthLive.Web.Questions;

namespace OpenHealthLive.Web.Live;

/// <summary>Events the server pushes to clients. The names are the wire protocol: see docs/live-protocol.md.</summary>
public interface ILiveClient
{
    /// <summary>The session moved; sent to everyone following it.</summary>
    Task SlideChanged(SlideState state);

    /// <summary>How many phones follow the session; sent to presenter devices, at most once a second.</summary>
    Task AudienceCountChanged(AudienceCount count);

    /// <summary>How many phones show the current slide and how fast it reached them; presenter devices, at most once a second.</summary>
    Task DeliveryChanged(Delivery delivery);

    /// <summary>The session's current version, every few seconds in a cluster: a client behind it joins again.</summary>
    Task StateHeartbeat(StateHeartbeat heartbeat);

    /// <summary>The speaker's timer started, paused or was reset; presenter devices.</summary>
    Task TimerChanged(TimerState timer);

    /// <summary>Blackout or the join overlay changed; presenter devices (the projector among them).</summary>
    Task ProjectorChanged(ProjectorState projector);

    /// <summary>The deck's source changed (Development); clients fetch the state again.</summary>
    Task DeckReloaded(DeckReloaded reloaded);

    /// <summary>Visible questions that changed or disappeared; sent to everyone following, batched.</summary>
    Task QuestionsChanged(QuestionsChanged changes);

    /// <summary>Every question change, held and hidden ones included; presenter devices only.</summary>
    Task ModerationChanged(ModerationChanged changes);

    /// <summary>Pre-moderation, the question being answered, questions open or closed, or slow mode changed.</summary>
    Task QnaSettingsChanged(QnaSettingsChanged settings);

    /// <summary>A phone was blocked or unblocked; staff devices only.</summary>
    Task BlockedDevicesChanged(BlockedDevicesChanged blocked);

    /// <summary>A poll opened, closed, showed or hid its results, or was reset: the room's view of it.</summary>
    Task PollChanged(AudiencePoll poll);

    /// <summary>The same change, as presenter devices see it (results and a quiz's answer included).</summary>
    Task PollUpdated(PresenterPoll poll);

    /// <summary>New counts; to presenters always, to the room while the results are shown. Batched.</summary>
    Task PollResultsChanged(PollResultsChanged results);

    /// <summary>The talk ended, opened again, or its audience's data was deleted; sent to everyone following.</summary>
    Task SessionStatusChanged(SessionStatus status);

    /// <summary>The caption line in progress changed; caption readers only.</summary>
    Task CaptionTyping(CaptionDraftState draft);

    /// <summary>A caption line was committed, with the slide it was said on; caption readers only.</summary>
    Task CaptionCommitted(LiveCaption line);

    /// <summary>Every caption line of the session was deleted; caption readers only.</summary>
    Task CaptionsCleared(CaptionsCleared cleared);

    /// <summary>Whether the captions are kept after the talk changed; caption readers and presenter devices.</summary>
    Task CaptionSettingsChanged(CaptionSettingsChanged settings);

    /// <summary>The pen drew, finished, erased or cleared strokes of a slide the room has been shown; sent to everyone following.</summary>
    Task InkChanged(InkChanged ink);
}
