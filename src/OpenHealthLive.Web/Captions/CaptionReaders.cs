using System.Collections.Concurrent;

namespace OpenHealthLive.Web.Captions;

/// <summary>
/// This node's connections that read a session's captions (a phone with its captions panel on, the projector, the
/// consoles). The SignalR group carries the captions; this list is for when the Redis backplane is down, when each
/// node sends to its own readers directly (see <see cref="Rooms.FollowerBroadcast{TClient}"/>).
/// </summary>
public sealed class CaptionReaders
{
    private readonly ConcurrentDictionary<string, string> _byConnection = new(StringComparer.Ordinal);

    public void Add(string connectionId, string code) => _byConnection[connectionId] = code;

    public void Remove(string connectionId) => _byConnection.TryRemove(connectionId, out _);

    /// <summary>This node's connections reading the captions of <paramref name="code"/>.</summary>
    public IReadOnlyList<string> ConnectionsOf(string code) => _byConnection.Where(c => c.Value == code).Select(c => c.Key).ToList();
}
