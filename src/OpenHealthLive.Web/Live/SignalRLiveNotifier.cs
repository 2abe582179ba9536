using Microsoft.AspNetCore.SignalR;
using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Web.Live;

/// <summary>Core's change notifications, sent over SignalR: one group send per change.</summary>
internal sealed class SignalRLiveNotifier(IHubContext<LiveHub, ILiveClient> hub, LiveMessages messages) : ILiveNotifier
{
    public Task SlideChangedAsync(LiveSessionState session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return hub.Clients.Group(LiveGroups.Followers(session.Code)).SlideChanged(messages.SlideState(session));
    }
}
