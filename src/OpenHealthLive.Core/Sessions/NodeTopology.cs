namespace OpenHealthLive.Core.Sessions;

/// <summary>
/// Whether this node shares its sessions with other nodes behind one address. On a single node, in-memory
/// copies of shared state (a session's position, Q&amp;A settings, blocked phones, poll tallies) are the truth; with
/// several nodes, another node may change them, so copies are kept only for <see cref="CacheLifetime"/> and then read
/// again from the database (<see cref="ClusterCache{TKey, TValue}"/>, <see cref="ClusterFreshness"/>).
/// </summary>
/// <param name="MultiNode">True when other nodes share the database.</param>
/// <param name="NodeName">This node's name, for figures that are summed across nodes.</param>
public sealed record NodeTopology(bool MultiNode, string NodeName)
{
    /// <summary>How long a copy of shared state is used with several nodes, unless configured otherwise.</summary>
    public static readonly TimeSpan DefaultCacheLifetime = TimeSpan.FromMilliseconds(500);

    /// <summary>One node on its own (the default).</summary>
    public static NodeTopology SingleNode { get; } = new(false, Environment.MachineName);

    /// <summary>
    /// With several nodes, how long an in-memory copy of shared state may be used before it is read again: the one
    /// figure for every such copy (Web: <c>Cluster:CacheMilliseconds</c>). Unused on one node, where copies never go stale.
    /// </summary>
    public TimeSpan CacheLifetime { get; init; } = DefaultCacheLifetime;
}
