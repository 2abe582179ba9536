using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OpenHealthLive.Web.Infrastructure;

namespace OpenHealthLive.Web.Presenter;

/// <summary>
/// Limits presenter sign-in attempts so that the key cannot be guessed by trying, without letting anyone lock the
/// presenter out. A whole room, presenter included, can share one address (a venue's NAT), so:
/// <list type="bullet">
/// <item>a device that has signed in before (<see cref="KnownPresenterDevices"/>) has a budget of its own, which
/// nobody without its cookie can touch;</item>
/// <item>other attempts share their address's budget (an IPv6 /64 is one address);</item>
/// <item>and wrong keys from all addresses together are capped per minute (a sliding minute): beyond it, attempts
/// from devices that have never signed in wait, even with the right key, or guessing would go on.</item>
/// </list>
/// The page shows how long to wait rather than a bare 429.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _attempts;
    private readonly TimeProvider _time;
    private readonly int _failuresPerMinute;
    private readonly LinkedList<DateTimeOffset> _failures = new();
    private readonly Lock _failuresLock = new();

    public SignInThrottle(IOptions<PresenterOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _failuresPerMinute = options.Value.SignInFailuresPerMinute;
        var permits = options.Value.SignInAttemptsPerMinute;
        _attempts = PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>
    /// Takes one attempt for a device (<paramref name="knownDevice"/>, from its cookie) or else an address. When
    /// allowed, the caller checks the key, and calls <see cref="NotAFailure"/> unless it was wrong.
    /// </summary>
    public SignInAttempt TryAttempt(IPAddress? address, string? knownDevice)
    {
        var partition = knownDevice is null ? "address:" + ClientAddress.Key(address) : "device:" + knownDevice;
        using (var lease = _attempts.AttemptAcquire(partition))
        {
            if (!lease.IsAcquired)
            {
                return SignInAttempt.Refuse(knownDevice is null ? SignInRefusal.Address : SignInRefusal.Device,
                    lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window);
            }
        }

        if (knownDevice is not null)
        {
            return SignInAttempt.Allow(null);
        }

        lock (_failuresLock)
        {
            var now = _time.GetUtcNow();
            Expire(now);
            if (_failures.Count >= _failuresPerMinute)
            {
                return SignInAttempt.Refuse(SignInRefusal.Global, _failures.First!.Value + Window - now);
            }

            // Held before the key is checked, so that attempts running at the same time cannot all slip under the cap.
            return SignInAttempt.Allow(_failures.AddLast(now));
        }
    }

    /// <summary>
    /// The attempt was not a wrong key (the key was right, or none was checked): the place it held in the global
    /// count of wrong keys is given back. A wrong key keeps its place for a minute.
    /// </summary>
    public void NotAFailure(SignInAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (attempt.Held is { } held)
        {
            lock (_failuresLock)
            {
                if (held.List == _failures)
                {
                    _failures.Remove(held);
                }
            }

            attempt.Held = null;
        }
    }

    public void Dispose() => _attempts.Dispose();


    private void Expire(DateTimeOffset now)
    {
        while (_failures.First is { } oldest && oldest.Value + Window <= now)
        {
            _failures.RemoveFirst();
        }
    }
}
