using System.ComponentModel.DataAnnotations;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Infrastructure;

namespace OpenHealthLive.Web.Rooms;

/// <summary>Several nodes behind one address (section <c>Cluster</c>); see docs/deploy.md.</summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary>The keys' names before they had a section of their own (until issue 22, under <c>Live</c>).</summary>
    public static IReadOnlyList<RenamedSetting> Renamed { get; } =
    [
        new("Live:Backplane", "Cluster:Backplane"),
        new("Live:RedisConnectionString", "Cluster:RedisConnectionString"),
        new("Live:NodeName", "Cluster:NodeName"),
        new("Live:StateHeartbeatSeconds", "Cluster:StateHeartbeatSeconds"),
    ];

    /// <summary><c>None</c> (one node) or <c>Redis</c>: several nodes behind one address share SignalR messages through Redis.</summary>
    public Backplane Backplane { get; set; } = Backplane.None;

    /// <summary>The Redis connection string when <see cref="Backplane"/> is <c>Redis</c>, e.g. <c>redis:6379</c>.</summary>
    public string? RedisConnectionString { get; set; }

    /// <summary>This node's name in a cluster (figures summed across nodes are labelled with it). Defaults to machine name and process id.</summary>
    public string? NodeName { get; set; }

    /// <summary>
    /// With several nodes: how often each node tells its followers the current version of their session, so
    /// that a phone that missed a change (Redis was down) catches up. 0 turns it off.
    /// </summary>
    [Range(0, 3600, ErrorMessage = "Cluster:StateHeartbeatSeconds is between 0 (off) and 3600.")]
    public int StateHeartbeatSeconds { get; set; } = 3;

    /// <summary>
    /// With several nodes: how long a node uses its copy of shared state (a talk's position, Q&amp;A settings, blocked
    /// phones, poll tallies) before reading it again from the database, since another node may have changed it. One
    /// figure for every such copy (<see cref="NodeTopology.CacheLifetime"/>); shorter means fresher copies and more reads.
    /// </summary>
    [Range(50, 60_000, ErrorMessage = "Cluster:CacheMilliseconds is between 50 and 60000.")]
    public int CacheMilliseconds { get; set; } = (int)NodeTopology.DefaultCacheLifetime.TotalMilliseconds;

    /// <summary>True when this node shares its rooms with others.</summary>
    public bool MultiNode => Backplane == Backplane.Redis;
}
