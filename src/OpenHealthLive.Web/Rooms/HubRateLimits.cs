using Microsoft.Extensions.Options;
using OpenHealthLive.Web.Infrastructure;

namespace OpenHealthLive.Web.Rooms;

/// <summary>
/// Limits on audience writes over the hub. Per device first: the device is the signed cookie the join page sets,
/// which a client cannot forge, and a phone keeps it across connections. Then per address, as backstops against a
/// script that mints cookies: generous, because a whole room shares one address behind the venue's NAT (questions
/// have their own, lower backstop; votes come in storms when a poll opens and share the general one).
/// </summary>
public sealed class HubRateLimits
{
    public const string Questions = "questions";
    public const string Votes = "votes";

    /// <summary>A phone reading back what it has sent (<c>GetMyData</c>): a read, but one that searches the database.</summary>
    public const string MyData = "my-data";

    private readonly Dictionary<string, TokenBuckets> _perDevice;
    private readonly TokenBuckets _questionsPerAddress;
    private readonly TokenBuckets _writesPerAddress;

    public HubRateLimits(IOptions<AudienceLimitsOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var minute = TimeSpan.FromMinutes(1);
        _perDevice = new(StringComparer.Ordinal)
        {
            [Questions] = new(settings.QuestionsPerDevicePerMinute, minute, time),
            [Votes] = new(settings.VotesPerDevicePerMinute, minute, time),
            [MyData] = new(settings.VotesPerDevicePerMinute, minute, time),
        };
        _questionsPerAddress = new(settings.QuestionsPerIpPerMinute, minute, time);
        _writesPerAddress = new(settings.WritesPerIpPerMinute, minute, time);
    }

    /// <summary>The wait the backstop per address gives when its allowance for <paramref name="bucket"/> has just run out: one token's time.</summary>
    public TimeSpan AddressWait(string bucket) =>
        TimeSpan.FromMinutes(1) / (bucket == Questions ? _questionsPerAddress.Permits : _writesPerAddress.Permits);

    /// <summary>Takes one permit for a write; the refusal's reason and wait when a limit is reached.</summary>
    public RateLimitDecision TryAcquire(string bucket, string device, string? address)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (!_perDevice[bucket].TryTake(device, out var deviceWait))
        {
            return new(false, RateLimitScope.Device, deviceWait);
        }

        var key = address ?? "unknown";
        if (bucket == Questions && !_questionsPerAddress.TryTake(key, out var questionsWait))
        {
            _perDevice[bucket].Return(device);
            return new(false, RateLimitScope.Address, questionsWait);
        }

        if (!_writesPerAddress.TryTake(key, out var writesWait))
        {
            _perDevice[bucket].Return(device);
            if (bucket == Questions)
            {
                _questionsPerAddress.Return(key);
            }

            return new(false, RateLimitScope.Address, writesWait);
        }

        return new(true, RateLimitScope.Device, TimeSpan.Zero);
    }
}

/// <summary>Which limit a refused write met.</summary>
public enum RateLimitScope
{
    /// <summary>This phone's own allowance.</summary>
    Device,

    /// <summary>The backstop for everyone behind the same address.</summary>
    Address,
}

/// <summary>The answer of <see cref="HubRateLimits.TryAcquire"/>.</summary>
public readonly record struct RateLimitDecision(bool Allowed, RateLimitScope Scope, TimeSpan RetryAfter);
