using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Questions;

/// <summary>
/// Which phones a moderator blocked in which session. Asked at every audience write, a vote storm included, so each
/// session's set is kept in memory (briefly, in a cluster) and dropped after every block or unblock.
/// </summary>
public sealed class DeviceBlocks(IDbContextFactory<LiveDbContext> dbFactory, TimeProvider time, NodeTopology? topology = null)
{
    private readonly ClusterCache<string, FrozenSet<string>> _blocked = new(topology ?? NodeTopology.SingleNode, time, StringComparer.Ordinal);
    private readonly Lock _gate = new();

    // Bumped by every change: a read that started before it must not put its older set back in the cache.
    private long _generation;

    /// <summary>True when <paramref name="deviceHash"/> is blocked in the session. Ask only about a session that exists: each one asked about is remembered.</summary>
    public async Task<bool> IsBlockedAsync(string sessionCode, string deviceHash, CancellationToken cancellationToken)
    {
        if (_blocked.TryGetFresh(sessionCode, out var cached))
        {
            return cached.Contains(deviceHash);
        }

        var generation = Interlocked.Read(ref _generation);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var devices = (await db.BlockedDevices.AsNoTracking().Where(b => b.SessionCode == sessionCode).Select(b => b.DeviceHash).ToListAsync(cancellationToken))
            .ToFrozenSet(StringComparer.Ordinal);
        lock (_gate)
        {
            if (_generation == generation)
            {
                _blocked.Set(sessionCode, devices);
            }
        }

        return devices.Contains(deviceHash);
    }

    /// <summary>Forgets what is known of a session after a block or an unblock was committed: the next write reads it again.</summary>
    public void Forget(string sessionCode)
    {
        lock (_gate)
        {
            _generation++;
            _blocked.Remove(sessionCode);
        }
    }
}
