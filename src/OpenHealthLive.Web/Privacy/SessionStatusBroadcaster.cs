using OpenHealthLive.Core.Privacy;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Rooms;

namespace OpenHealthLive.Web.Privacy;

/// <summary>Sends <c>SessionStatusChanged</c> to everyone following a session when it ends, opens again or loses its audience's data.</summary>
internal sealed class SessionStatusBroadcaster(FollowerBroadcast<ISessionStatusClient> broadcast, RetentionPolicy policy) : ISessionStatusNotifier
{
    public Task SessionStatusChangedAsync(LiveSessionState session, CancellationToken cancellationToken)
    {
        var status = SessionStatus.From(session, policy);
        return broadcast.SendAsync(session.Code, client => client.SessionStatusChanged(status));
    }
}
