using System.ComponentModel.DataAnnotations;

namespace OpenHealthLive.Web.Infrastructure;

/// <summary>Settings of live sessions (section <c>Live</c>).</summary>
public sealed class LiveOptions
{
    public const string SectionName = "Live";

    /// <summary>Deck (folder under the content path) that the start-up session presents.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,63}$", ErrorMessage = "Live:DefaultDeck is a deck folder name: lower-case letters, digits and dashes.")]
    public string DefaultDeck { get; set; } = "open-healthcare";

    /// <summary>Join code of the start-up session; generated once and kept when unset.</summary>
    [RegularExpression("^[A-HJ-KM-NP-Za-hj-km-np-z2-9]{6}$", ErrorMessage = "Live:DefaultSessionCode has 6 characters from A-Z and 2-9, without I, L, O.")]
    public string? DefaultSessionCode { get; set; }

    /// <summary>
    /// The address phones use to reach the site (behind a proxy or tunnel), for example
    /// <c>https://live.example.org</c>. When unset, the machine's LAN address is used if the site listens
    /// beyond loopback.
    /// </summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>Folder holding one sub-folder per deck. When unset, <c>content/</c> is looked for beside the app and in the repository.</summary>
    public string? ContentPath { get; set; }

    /// <summary>Reload a deck when its files change. Defaults to on in Development only.</summary>
    public bool? WatchDecks { get; set; }

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
    [Range(0, 3600)]
    public int StateHeartbeatSeconds { get; set; } = 3;

    /// <summary>
    /// Hub connections one client address may hold open. Generous: a whole room can share one address behind the
    /// venue's NAT; raise it for a larger room behind one address. The presenter is never refused.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxConnectionsPerAddress { get; set; } = 5_000;
}

/// <summary>How nodes share SignalR messages.</summary>
public enum Backplane
{
    /// <summary>One node: no sharing.</summary>
    None,

    /// <summary>Through Redis pub/sub (Microsoft.AspNetCore.SignalR.StackExchangeRedis).</summary>
    Redis,
}
