using System.Diagnostics;

namespace OpenHealthLive.Bench;

/// <summary>
/// The harness is the one clock: a change's send time is taken just before the presenter's call, and each
/// phone's receive time when its handler runs. Change <c>k</c> carries version <c>baseVersion + 1 + k</c>.
/// </summary>
internal sealed class DeliveryClock
{
    private readonly int _phones;
    private readonly int _changes;
    private readonly long _baseVersion;
    private readonly long[] _sent;
    private readonly long[] _received;
    private readonly int[] _counts;
    private readonly TaskCompletionSource[] _all;

    public DeliveryClock(int phones, int changes, long baseVersion)
    {
        _phones = phones;
        _changes = changes;
        _baseVersion = baseVersion;
        _sent = new long[changes];
        _received = new long[phones * changes];
        _counts = new int[changes];
        _all = Enumerable.Range(0, changes).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
    }

    public void Sent(int change) => Volatile.Write(ref _sent[change], Stopwatch.GetTimestamp());

    /// <summary>Called from a phone's handler; a version seen twice counts once.</summary>
    public void Received(int phone, long version)
    {
        var now = Stopwatch.GetTimestamp();
        var change = version - _baseVersion - 1;
        if (change < 0 || change >= _changes)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _received[(change * _phones) + phone], now, 0) == 0 && Interlocked.Increment(ref _counts[change]) == _phones)
        {
            _all[change].TrySetResult();
        }
    }

    /// <summary>Waits until every phone has change <paramref name="change"/>, or the timeout; true when all have it.</summary>
    public async Task<bool> WaitAsync(int change, TimeSpan timeout)
    {
        try
        {
            await _all[change].Task.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Per-phone delays of changes <paramref name="from"/> onwards (earlier ones are warm-up).</summary>
    public DelayStats Summarize(int from)
    {
        var delays = new List<double>((_changes - from) * _phones);
        var lastPhone = new List<double>();
        var missed = 0;
        for (var change = from; change < _changes; change++)
        {
            var sent = _sent[change];
            var slowest = 0.0;
            for (var phone = 0; phone < _phones; phone++)
            {
                var received = _received[(change * _phones) + phone];
                if (received == 0)
                {
                    missed++;
                    slowest = double.PositiveInfinity;
                    delays.Add(double.PositiveInfinity);
                    continue;
                }

                var ms = (received - sent) * 1000.0 / Stopwatch.Frequency;
                delays.Add(ms);
                slowest = Math.Max(slowest, ms);
            }

            lastPhone.Add(slowest);
        }

        delays.Sort();
        lastPhone.Sort();
        return new DelayStats(
            Percentile(delays, 0.50), Percentile(delays, 0.95), Percentile(delays, 0.99), delays.Count == 0 ? 0 : delays[^1],
            Percentile(lastPhone, 0.50), lastPhone.Count == 0 ? 0 : lastPhone[^1],
            delays.Count == 0 ? 0 : delays.Count(d => d <= 1000) / (double)delays.Count,
            missed);
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

/// <summary>Per-phone delays in ms (p50, p95, p99, max), the delay to the last phone per change (median, worst), the share within 1 s, phones that never got a change.</summary>
internal sealed record DelayStats(double P50Ms, double P95Ms, double P99Ms, double MaxMs, double LastPhoneMedianMs, double LastPhoneMaxMs, double WithinOneSecond, int Missed);
