using Microsoft.Extensions.Time.Testing;
using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Core.Tests.Sessions;

/// <summary>The one freshness rule for copies of shared state: never stale on one node, read again after the lifetime with several.</summary>
public sealed class ClusterCacheTests
{
    private static readonly NodeTopology OneNode = new(false, "solo");
    private static readonly NodeTopology TwoNodes = new(true, "a") { CacheLifetime = TimeSpan.FromMilliseconds(500) };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero));

    [Fact]
    public void On_one_node_a_copy_never_goes_stale()
    {
        var cache = new ClusterCache<string, int>(OneNode, _time);
        cache.Set("TALK42", 7);

        _time.Advance(TimeSpan.FromDays(3));

        Assert.True(cache.TryGetFresh("TALK42", out var value));
        Assert.Equal(7, value);
    }

    [Fact]
    public void With_several_nodes_a_copy_is_used_until_its_lifetime_ends_and_read_again_from_then_on()
    {
        var cache = new ClusterCache<string, int>(TwoNodes, _time);
        cache.Set("TALK42", 7);

        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.True(cache.TryGetFresh("TALK42", out _));

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(cache.TryGetFresh("TALK42", out _));
        // The stale copy is still there for what only grows (a version), never as the current state.
        Assert.True(cache.TryGetAny("TALK42", out var last));
        Assert.Equal(7, last);
    }

    [Fact]
    public void The_lifetime_is_the_node_topologys()
    {
        var cache = new ClusterCache<string, int>(TwoNodes with { CacheLifetime = TimeSpan.FromSeconds(2) }, _time);
        cache.Set("TALK42", 7);

        _time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.True(cache.TryGetFresh("TALK42", out _));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(cache.TryGetFresh("TALK42", out _));
    }

    [Fact]
    public void A_copy_read_again_starts_a_new_lifetime_and_keeps_what_the_caller_chooses()
    {
        var cache = new ClusterCache<string, int>(TwoNodes, _time);
        cache.Set("TALK42", 9);
        _time.Advance(TimeSpan.FromMilliseconds(400));

        // A read from the database that is behind what this node has (say, a write it could not store yet).
        var kept = cache.AddOrUpdate("TALK42", 5, Math.Max);
        _time.Advance(TimeSpan.FromMilliseconds(400));

        Assert.Equal(9, kept);
        Assert.True(cache.TryGetFresh("TALK42", out var value));
        Assert.Equal(9, value);
    }

    [Fact]
    public void A_forgotten_copy_is_gone_and_another_key_has_its_own()
    {
        var cache = new ClusterCache<string, int>(OneNode, _time);
        cache.Set("TALK42", 7);
        cache.Set("OTHER2", 8);

        cache.Remove("TALK42");

        Assert.False(cache.TryGetAny("TALK42", out _));
        Assert.True(cache.TryGetFresh("OTHER2", out var other));
        Assert.Equal(8, other);
    }

    [Fact]
    public void Freshness_of_a_copy_kept_elsewhere_follows_the_same_rule()
    {
        var readAt = _time.GetUtcNow();
        var cluster = new ClusterFreshness(TwoNodes, _time);
        var solo = new ClusterFreshness(OneNode, _time);

        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.True(cluster.IsFresh(readAt));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(cluster.IsFresh(readAt));
        Assert.True(solo.IsFresh(readAt));
    }
}
