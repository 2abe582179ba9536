using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OpenHealthLive.Web.Presenter;

/// <summary>
/// Limits presenter sign-in attempts per IP address, so the key cannot be guessed by trying. The page
/// shows the wait time rather than a bare 429.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SignInThrottle(IOptions<PresenterOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var permits = options.Value.SignInAttemptsPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Takes one attempt; false with a wait time when the address has used up its attempts.</summary>
    public bool TryAttempt(string? ipAddress, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(ipAddress ?? "unknown");
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
