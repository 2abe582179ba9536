using System.Collections.Concurrent;
using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// Counts the phones following each session. Counts are marked dirty on change and pushed to presenters in
/// batches by <see cref="AudienceCountBroadcaster"/>, so a join storm of a thousand phones costs presenters
/// one message a second, not a thousand.
/// </summary>
public sealed class AudienceTracker(NodeTopology topology)
{
    private readonly ConcurrentDictionary<string, string> _sessionByConnection = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _dirty = new(StringComparer.Ordinal);

    public void Join(string connectionId, string code)
    {
        if (_sessionByConnection.TryGetValue(connectionId, out var previous))
        {
            if (previous == code)
            {
                return;
            }

            Leave(connectionId);
        }

        if (_sessionByConnection.TryAdd(connectionId, code))
        {
            _counts.AddOrUpdate(code, 1, (_, n) => n + 1);
            _dirty[code] = 0;
        }
    }

    public void Leave(string connectionId)
    {
        if (_sessionByConnection.TryRemove(connectionId, out var code))
        {
            _counts.AddOrUpdate(code, 0, (_, n) => Math.Max(0, n - 1));
            _dirty[code] = 0;
        }
    }

    public int CountOf(string code) => _counts.TryGetValue(code, out var n) ? n : 0;

    /// <summary>Sessions with at least one phone on this node.</summary>
    public IReadOnlyList<string> ActiveCodes() => _counts.Where(c => c.Value > 0).Select(c => c.Key).ToList();

    /// <summary>The count of a session on this node, as a message.</summary>
    public AudienceCount Count(string code) => new(code, CountOf(code), topology.NodeName);

    /// <summary>Sessions whose count changed since the last call, with their counts now.</summary>
    public IReadOnlyList<AudienceCount> TakeChanges()
    {
        var changes = new List<AudienceCount>();
        foreach (var code in _dirty.Keys)
        {
            if (_dirty.TryRemove(code, out _))
            {
                changes.Add(Count(code));
            }
        }

        return changes;
    }
}
