using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OpenHealthLive.Web.Questions;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// Limits on audience writes over the hub: per device first (a whole room shares one IP behind the venue's
/// NAT), with a generous per-IP backstop against a script that makes up devices.
/// </summary>
public sealed class HubRateLimits : IDisposable
{
    public const string Questions = "questions";
    public const string Votes = "votes";

    private readonly Dictionary<string, PartitionedRateLimiter<string>> _perDevice;
    private readonly PartitionedRateLimiter<string> _perIp;

    public HubRateLimits(IOptions<QuestionsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _perDevice = new(StringComparer.Ordinal)
        {
            [Questions] = PerMinute(settings.QuestionsPerDevicePerMinute),
            [Votes] = PerMinute(settings.VotesPerDevicePerMinute),
        };
        _perIp = PerMinute(settings.WritesPerIpPerMinute);
    }

    /// <summary>Takes one permit for a write; false with the wait when a limit is reached.</summary>
    public bool TryAcquire(string bucket, string device, string? ipAddress, out TimeSpan retryAfter)
    {
        using var deviceLease = _perDevice[bucket].AttemptAcquire(device);
        if (!deviceLease.IsAcquired)
        {
            retryAfter = deviceLease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(10);
            return false;
        }

        using var ipLease = _perIp.AttemptAcquire(ipAddress ?? "unknown");
        retryAfter = ipLease.TryGetMetadata(MetadataName.RetryAfter, out var ipWait) ? ipWait : TimeSpan.FromSeconds(10);
        return ipLease.IsAcquired;
    }

    public void Dispose()
    {
        foreach (var limiter in _perDevice.Values)
        {
            limiter.Dispose();
        }

        _perIp.Dispose();
    }

    /// <summary>A token bucket: the whole minute's allowance may be used at once, then it refills evenly.</summary>
    private static PartitionedRateLimiter<string> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = permits,
            TokensPerPeriod = Math.Max(1, permits / 12),
            ReplenishmentPeriod = TimeSpan.FromSeconds(5),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
