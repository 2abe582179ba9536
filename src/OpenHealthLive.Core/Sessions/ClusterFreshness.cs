namespace OpenHealthLive.Core.Sessions;

/// <summary>
/// The one rule for in-memory copies of shared state: on one node a copy never goes stale (this node made every
/// change); with several nodes a copy read at some moment may be used for <see cref="NodeTopology.CacheLifetime"/>,
/// then it is read again, because another node may have changed it meanwhile.
/// </summary>
public sealed class ClusterFreshness(NodeTopology topology, TimeProvider time)
{
    /// <summary>Now, by the clock the copies are stamped with.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>True when a copy read at <paramref name="readAt"/> may still be used.</summary>
    public bool IsFresh(DateTimeOffset readAt) => !topology.MultiNode || time.GetUtcNow() - readAt < topology.CacheLifetime;
}
