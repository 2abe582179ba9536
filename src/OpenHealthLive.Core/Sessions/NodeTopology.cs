namespace OpenHealthLive.Core.Sessions;

/// <summary>
/// Whether this node shares its sessions with other nodes behind one address. On a single node, in-memory
/// copies of shared state (a session's position, Q&amp;A settings, poll tallies) are the truth; with several
/// nodes, another node may change them, so copies are kept only briefly and read again from the database.
/// </summary>
/// <param name="MultiNode">True when other nodes share the database.</param>
/// <param name="NodeName">This node's name, for figures that are summed across nodes.</param>
public sealed record NodeTopology(bool MultiNode, string NodeName)
{
    /// <summary>One node on its own (the default).</summary>
    public static NodeTopology SingleNode { get; } = new(false, Environment.MachineName);

    /// <summary>How long an in-memory copy of shared state may be used before reading it again.</summary>
    public TimeSpan CacheLifetime => MultiNode ? TimeSpan.FromSeconds(1) : TimeSpan.MaxValue;
}
