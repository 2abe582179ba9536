using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Rooms;

namespace OpenHealthLive.Web.Live;

/// <summary>Core's change notifications, sent over SignalR: one group send per change.</summary>
internal sealed class SignalRLiveNotifier(FollowerBroadcast<ILiveClient> broadcast, LiveMessages messages, DeliveryTracker delivery) : ILiveNotifier
{
    public Task SlideChangedAsync(LiveSessionState session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        delivery.Sending(session.Code, session.Position.Version, session.Position.Slide);
        // One state per language of the deck, each to the phones reading it: a phone gets one message, as before.
        return broadcast.SendPerLanguageAsync(session.Code, messages.DeckOf(session), translation =>
        {
            var state = messages.SlideState(session, translation);
            return client => client.SlideChanged(state);
        });
    }

    public Task TimerChangedAsync(LiveSessionState session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return broadcast.SendToPresentersAsync(session.Code, client => client.TimerChanged(messages.Timer(session)));
    }

    public Task ProjectorChangedAsync(LiveSessionState session, CancellationToken cancellationToken)
    {
        var state = ProjectorState.From(session);
        return broadcast.SendToPresentersAsync(session.Code, client => client.ProjectorChanged(state));
    }
}
