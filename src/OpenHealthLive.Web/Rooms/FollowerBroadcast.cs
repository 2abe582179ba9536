using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Web.Rooms;

/// <summary>
/// Sends to everyone following a session. On one node, or in a cluster while Redis is up: one group send. In a
/// cluster while Redis is down, only this node's own followers can be reached: they are sent to directly, so
/// each node keeps serving its own phones; the others catch up through the state heartbeat once Redis returns.
/// Each feature sends through its own client interface (<typeparamref name="TClient"/>: IQuestionsClient,
/// IPollsClient, ...), so it names only its own messages and never the hub (see docs/architecture.md).
/// </summary>
internal sealed partial class FollowerBroadcast<TClient>(
    IRoomClients hub,
    NodeTopology topology,
    LocalFollowers followers,
    ILogger<FollowerBroadcast<TClient>> logger,
    BackplaneConnection? backplane = null)
    where TClient : class
{
    /// <summary>To everyone following <paramref name="code"/>.</summary>
    public Task SendAsync(string code, Func<TClient, Task> send) =>
        SendAsync(code, LiveGroups.Followers(code), () => followers.ConnectionsOf(code), send);

    /// <summary>To the presenter devices of <paramref name="code"/>.</summary>
    public Task SendToPresentersAsync(string code, Func<TClient, Task> send) =>
        SendAsync(code, LiveGroups.Presenters(code), () => followers.ConnectionsOf(code, presentersOnly: true), send);

    /// <summary>
    /// To the consoles that watch the room (<see cref="LiveGroups.RoomWatchers"/>). With the backplane down, to this
    /// node's presenter devices: the few that do not show the figures ignore them until Redis is back.
    /// </summary>
    public Task SendToRoomWatchersAsync(string code, Func<TClient, Task> send) =>
        SendAsync(code, LiveGroups.RoomWatchers(code), () => followers.ConnectionsOf(code, presentersOnly: true), send);

    /// <summary>
    /// To everyone following <paramref name="code"/>, each in the language it reads: <paramref name="build"/> makes the
    /// message for the deck's own language (null) and for each of <paramref name="deck"/>'s translations, and each goes to
    /// that language's group, so a phone gets one message, in its language. A deck that cannot be loaded has no
    /// languages: the message for null then goes to every follower.
    /// </summary>
    public async Task SendPerLanguageAsync(string code, Deck? deck, Func<string?, Func<TClient, Task>> build)
    {
        if (deck is null)
        {
            await SendAsync(code, build(null));
            return;
        }

        await SendAsync(code, LiveGroups.Language(code, null), () => followers.ConnectionsReading(code, null), build(null));
        foreach (var translation in deck.Translations.Keys)
        {
            await SendAsync(code, LiveGroups.Language(code, translation), () => followers.ConnectionsReading(code, translation), build(translation));
        }
    }

    /// <summary>To another group of <paramref name="code"/>'s connections; without the backplane, to <paramref name="local"/> on this node.</summary>
    public async Task SendAsync(string code, string group, Func<IReadOnlyList<string>> local, Func<TClient, Task> send)
    {
        if (topology.MultiNode && backplane is { IsConnected: false })
        {
            await SendLocallyAsync(local(), send);
            return;
        }

        try
        {
            await send(hub.Group<TClient>(group));
        }
        catch (Exception ex) when (topology.MultiNode && ex is not OperationCanceledException)
        {
            LogBackplaneFailed(ex, code);
            await SendLocallyAsync(local(), send);
        }
    }

    /// <summary>One connection at a time: the backplane writes straight to a local connection without going through Redis.</summary>
    private async Task SendLocallyAsync(IReadOnlyList<string> connections, Func<TClient, Task> send)
    {
        foreach (var connectionId in connections)
        {
            await send(hub.Connection<TClient>(connectionId));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The backplane could not carry a change of session {Code}; sent to this node's followers only")]
    private partial void LogBackplaneFailed(Exception exception, string code);
}
