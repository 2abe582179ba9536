using Microsoft.AspNetCore.SignalR;
using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// Sends to everyone following a session. On one node, or in a cluster while Redis is up: one group send. In a
/// cluster while Redis is down, only this node's own followers can be reached: they are sent to directly, so
/// each node keeps serving its own phones; the others catch up through the state heartbeat once Redis returns.
/// </summary>
internal sealed partial class FollowerBroadcast(
    IHubContext<LiveHub, ILiveClient> hub,
    NodeTopology topology,
    LocalFollowers followers,
    ILogger<FollowerBroadcast> logger,
    BackplaneConnection? backplane = null)
{
    /// <summary>To everyone following <paramref name="code"/>.</summary>
    public Task SendAsync(string code, Func<ILiveClient, Task> send) => SendAsync(code, LiveGroups.Followers(code), presentersOnly: false, send);

    /// <summary>To the presenter devices of <paramref name="code"/>.</summary>
    public Task SendToPresentersAsync(string code, Func<ILiveClient, Task> send) => SendAsync(code, LiveGroups.Presenters(code), presentersOnly: true, send);

    /// <summary>To another group of <paramref name="code"/>'s connections; without the backplane, to <paramref name="local"/> on this node.</summary>
    public Task SendAsync(string code, string group, Func<IReadOnlyList<string>> local, Func<ILiveClient, Task> send) =>
        SendCoreAsync(code, group, local, send);

    private Task SendAsync(string code, string group, bool presentersOnly, Func<ILiveClient, Task> send) =>
        SendCoreAsync(code, group, () => followers.ConnectionsOf(code, presentersOnly), send);

    private async Task SendCoreAsync(string code, string group, Func<IReadOnlyList<string>> local, Func<ILiveClient, Task> send)
    {
        if (topology.MultiNode && backplane is { IsConnected: false })
        {
            await SendLocallyAsync(local(), send);
            return;
        }

        try
        {
            await send(hub.Clients.Group(group));
        }
        catch (Exception ex) when (topology.MultiNode && ex is not OperationCanceledException)
        {
            LogBackplaneFailed(ex, code);
            await SendLocallyAsync(local(), send);
        }
    }

    /// <summary>One connection at a time: the backplane writes straight to a local connection without going through Redis.</summary>
    private async Task SendLocallyAsync(IReadOnlyList<string> connections, Func<ILiveClient, Task> send)
    {
        foreach (var connectionId in connections)
        {
            await send(hub.Clients.Client(connectionId));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The backplane could not carry a change of session {Code}; sent to this node's followers only")]
    private partial void LogBackplaneFailed(Exception exception, string code);
}
