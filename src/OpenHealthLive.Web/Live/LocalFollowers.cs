using System.Collections.Concurrent;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// The connections following each session on this node (phones and presenter devices). In a cluster, when the
/// Redis backplane is down, a slide change still reaches this node's own followers directly through them.
/// </summary>
public sealed class LocalFollowers
{
    private readonly ConcurrentDictionary<string, (string Code, bool Presenter)> _byConnection = new(StringComparer.Ordinal);

    public void Add(string connectionId, string code, bool presenter) => _byConnection[connectionId] = (code, presenter);

    public void Remove(string connectionId) => _byConnection.TryRemove(connectionId, out _);

    /// <summary>This node's connections following <paramref name="code"/>; only presenter devices when <paramref name="presentersOnly"/>.</summary>
    public IReadOnlyList<string> ConnectionsOf(string code, bool presentersOnly = false) =>
        _byConnection.Where(c => c.Value.Code == code && (!presentersOnly || c.Value.Presenter)).Select(c => c.Key).ToList();
}
