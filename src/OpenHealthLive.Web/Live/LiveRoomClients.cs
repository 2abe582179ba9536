using Microsoft.AspNetCore.SignalR;
using OpenHealthLive.Web.Rooms;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// The hub's connections as any feature's client interface: <see cref="ILiveClient"/> inherits each of them, so the
/// typed proxy SignalR makes is each feature's client too. An interface that ILiveClient does not take in is a
/// programming error, caught by the first send.
/// </summary>
internal sealed class LiveRoomClients(IHubContext<LiveHub, ILiveClient> hub) : IRoomClients
{
    public TClient Group<TClient>(string group)
        where TClient : class => As<TClient>(hub.Clients.Group(group));

    public TClient Connection<TClient>(string connectionId)
        where TClient : class => As<TClient>(hub.Clients.Client(connectionId));

    private static TClient As<TClient>(ILiveClient client)
        where TClient : class =>
        client as TClient ?? throw new InvalidOperationException($"{typeof(TClient).Name} is not part of {nameof(ILiveClient)}: add it to the interfaces ILiveClient inherits.");
}
