using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace OpenHealthLive.Core.Sessions;

/// <summary>
/// In-memory copies of shared state, by key, kept fresh by <see cref="ClusterFreshness"/>: for ever on one node, for
/// <see cref="NodeTopology.CacheLifetime"/> with several. Thread-safe.
/// </summary>
/// <typeparam name="TKey">What a copy is of (a session's code).</typeparam>
/// <typeparam name="TValue">The copy; immutable, since readers share it.</typeparam>
public sealed class ClusterCache<TKey, TValue>(NodeTopology topology, TimeProvider time, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ClusterFreshness _freshness = new(topology, time);
    private readonly ConcurrentDictionary<TKey, Copy> _copies = new(comparer);

    /// <summary>The copy of <paramref name="key"/> when there is one that may still be used.</summary>
    public bool TryGetFresh(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_copies.TryGetValue(key, out var copy) && _freshness.IsFresh(copy.ReadAt))
        {
            value = copy.Value;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The last copy of <paramref name="key"/>, however old: for what only grows (a version), never as the current state.</summary>
    public bool TryGetAny(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_copies.TryGetValue(key, out var copy))
        {
            value = copy.Value;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/>, just read or just written, as the copy of <paramref name="key"/>.</summary>
    public void Set(TKey key, TValue value) => _copies[key] = new Copy(value, _freshness.Now);

    /// <summary>
    /// Keeps, as the copy of <paramref name="key"/>, what <paramref name="choose"/> picks between the copy it has (if any)
    /// and <paramref name="value"/>, just read; returns it. The copy counts as read now either way.
    /// </summary>
    public TValue AddOrUpdate(TKey key, TValue value, Func<TValue, TValue, TValue> choose)
    {
        ArgumentNullException.ThrowIfNull(choose);
        var now = _freshness.Now;
        return _copies.AddOrUpdate(key, new Copy(value, now), (_, existing) => new Copy(choose(existing.Value, value), now)).Value;
    }

    /// <summary>Forgets the copy of <paramref name="key"/>: the next read goes to the database.</summary>
    public void Remove(TKey key) => _copies.TryRemove(key, out _);

    private sealed record Copy(TValue Value, DateTimeOffset ReadAt);
}
