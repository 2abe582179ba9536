using System.Collections.Concurrent;

namespace OpenHealthLive.Web.Rooms;

/// <summary>
/// The connections following each session on this node (phones and presenter devices). In a cluster, when the
/// Redis backplane is down, a slide change still reaches this node's own followers directly through them.
/// </summary>
public sealed class LocalFollowers
{
    private readonly ConcurrentDictionary<string, (string Code, bool Presenter, string? Translation)> _byConnection = new(StringComparer.Ordinal);

    /// <param name="connectionId">The follower's connection.</param>
    /// <param name="code">The session it follows.</param>
    /// <param name="presenter">A presenter device.</param>
    /// <param name="translation">The translation of the deck it reads (see <see cref="LiveGroups.Language"/>); null for the deck's own language.</param>
    public void Add(string connectionId, string code, bool presenter, string? translation = null) => _byConnection[connectionId] = (code, presenter, translation);

    public void Remove(string connectionId) => _byConnection.TryRemove(connectionId, out _);

    /// <summary>This node's connections following <paramref name="code"/>; only presenter devices when <paramref name="presentersOnly"/>.</summary>
    public IReadOnlyList<string> ConnectionsOf(string code, bool presentersOnly = false) =>
        _byConnection.Where(c => c.Value.Code == code && (!presentersOnly || c.Value.Presenter)).Select(c => c.Key).ToList();

    /// <summary>This node's connections following <paramref name="code"/> that read <paramref name="translation"/> (null: the deck's own language).</summary>
    public IReadOnlyList<string> ConnectionsReading(string code, string? translation) =>
        _byConnection.Where(c => c.Value.Code == code && string.Equals(c.Value.Translation, translation, StringComparison.OrdinalIgnoreCase)).Select(c => c.Key).ToList();
}
