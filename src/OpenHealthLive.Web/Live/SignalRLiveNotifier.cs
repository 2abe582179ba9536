using Microsoft.AspNetCore.SignalR;
using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Web.Live;

/// <summary>Core's change notifications, sent over SignalR: one group send per change.</summary>
internal sealed class SignalRLiveNotifier(IHubContext<LiveHub, ILiveClient> hub, LiveMessages messages, DeliveryTracker delivery) : ILiveNotifier
{
    public Task SlideChangedAsync(LiveSessionState session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        delivery.Sending(session.Code, session.Position.Version, session.Position.Slide);
        return hub.Clients.Group(LiveGroups.Followers(session.Code)).SlideChanged(messages.SlideState(session));
    }

    public Task TimerChangedAsync(LiveSessionState session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return hub.Clients.Group(LiveGroups.Presenters(session.Code)).TimerChanged(messages.Timer(session));
    }
}
