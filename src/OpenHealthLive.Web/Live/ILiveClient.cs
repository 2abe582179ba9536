using OpenHealthLive.Web.Captions;
using OpenHealthLive.Web.Pen;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Privacy;
using OpenHealthLive.Web.Questions;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// Events the server pushes to clients. The names are the wire protocol: see docs/live-protocol.md. The room's own
/// events are here; each feature declares its own in its folder and this interface takes them in, so the one hub
/// (SignalR gives a hub one client type) reaches them all while no feature names the hub.
/// </summary>
public interface ILiveClient : IQuestionsClient, IPollsClient, ISessionStatusClient, ICaptionsClient, IPenClient
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

    /// <summary>Blackout, the join overlay or the caption bar changed; presenter devices (the projector among them).</summary>
    Task ProjectorChanged(ProjectorState projector);

    /// <summary>The deck's source changed (Development); clients fetch the state again.</summary>
    Task DeckReloaded(DeckReloaded reloaded);
}
