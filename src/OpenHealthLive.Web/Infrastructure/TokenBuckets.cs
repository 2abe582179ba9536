using System.Collections.Concurrent;

namespace OpenHealthLive.Web.Infrastructure;

/// <summary>
/// Token buckets, one per key (a device, an address): the whole allowance may be used at once, then it comes
/// back one token at a time, evenly over <paramref name="window"/>. Read from <paramref name="time"/> when asked,
/// with no timers, so a limit is exact ("the fifth passes, the sixth is refused") and a test can move the clock.
/// </summary>
/// <param name="permits">Tokens in a full bucket, and tokens returned over one <paramref name="window"/>.</param>
/// <param name="window">The time over which a spent allowance comes back in full.</param>
/// <param name="time">The clock.</param>
public sealed class TokenBuckets(int permits, TimeSpan window, TimeProvider time)
{
    /// <summary>Above this many keys, buckets that have refilled completely are dropped (they hold nothing).</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly double _ticksPerToken = (double)window.Ticks / Math.Max(1, permits);
    private int _sweeping;

    /// <summary>The allowance of one key.</summary>
    public int Permits => permits;

    /// <summary>Takes one token from <paramref name="key"/>'s bucket; false, with the wait for the next token, when it is empty.</summary>
    public bool TryTake(string key, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = time.GetUtcNow().UtcTicks;
        var bucket = _buckets.GetOrAdd(key, static (_, state) => new Bucket(state.permits, state.now), (permits, now));
        bool taken;
        lock (bucket)
        {
            bucket.Refill(now, _ticksPerToken, permits);
            taken = bucket.Tokens >= 1;
            if (taken)
            {
                bucket.Tokens -= 1;
                retryAfter = TimeSpan.Zero;
            }
            else
            {
                retryAfter = TimeSpan.FromTicks((long)Math.Ceiling((1 - bucket.Tokens) * _ticksPerToken));
            }
        }

        if (_buckets.Count > SweepAbove)
        {
            Sweep(now);
        }

        return taken;
    }

    /// <summary>Gives back a token taken by <see cref="TryTake"/> for a call that a later check refused.</summary>
    public void Return(string key)
    {
        if (_buckets.TryGetValue(key, out var bucket))
        {
            lock (bucket)
            {
                bucket.Tokens = Math.Min(permits, bucket.Tokens + 1);
            }
        }
    }

    private void Sweep(long now)
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }

        try
        {
            foreach (var (key, bucket) in _buckets)
            {
                lock (bucket)
                {
                    bucket.Refill(now, _ticksPerToken, permits);
                    if (bucket.Tokens >= permits)
                    {
                        _buckets.TryRemove(key, out _);
                    }
                }
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    private sealed class Bucket(double tokens, long at)
    {
        public double Tokens { get; set; } = tokens;

        private long At { get; set; } = at;

        public void Refill(long now, double ticksPerToken, int capacity)
        {
            if (now > At)
            {
                Tokens = Math.Min(capacity, Tokens + ((now - At) / ticksPerToken));
                At = now;
            }
        }
    }
}
