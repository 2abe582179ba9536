using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Devices;
using OpenHealthLive.Web.Infrastructure;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// Applies <see cref="RateLimitedAttribute"/> at every call: a write needs the device cookie the join page sets
/// (a connection without one may follow the slides, not write), and then a permit from <see cref="HubRateLimits"/>.
/// The refusal says what to do and how long to wait.
/// </summary>
internal sealed class HubRateLimitFilter(HubRateLimits limits, DeviceIdentity devices) : IHubFilter
{
    // Looked up once per hub method: most calls (a phone's AcknowledgeSlide at every slide change) have no limit.
    private static readonly ConcurrentDictionary<MethodInfo, RateLimitedAttribute?> Buckets = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        if (Buckets.GetOrAdd(invocationContext.HubMethod, static method => Attribute.GetCustomAttribute(method, typeof(RateLimitedAttribute)) as RateLimitedAttribute) is { } limited)
        {
            var http = invocationContext.Context.GetHttpContext();
            var code = invocationContext.HubMethodArguments.Count > 0 ? invocationContext.HubMethodArguments[0] as string : null;
            var device = devices.TryRead(http) ?? throw HubRefusal.Create(HubRefusal.NoDevice, limited.Bucket == HubRateLimits.MyData ? NothingHeldMessage(code) : NoDeviceMessage(code));
            var decision = limits.TryAcquire(limited.Bucket, device, http?.Connection.RemoteIpAddress?.ToString());
            if (!decision.Allowed)
            {
                throw HubRefusal.Create(HubRefusal.RateLimited, RefusalMessage(limited.Bucket, decision));
            }
        }

        return await next(invocationContext);
    }

    /// <summary>What a connection without the device cookie is told when it tries to write.</summary>
    internal static string NoDeviceMessage(string? code) => NotJoined(code, "it cannot send questions or votes");

    /// <summary>What a connection without the device cookie is told when it asks what it has sent.</summary>
    internal static string NothingHeldMessage(string? code) => NotJoined(code, "the server holds nothing it sent");

    private static string NotJoined(string? code, string consequence)
    {
        var joinLink = JoinCode.TryNormalize(code, out var normalized, out _) ? $"/j/{normalized}" : "the talk's join link";
        return $"This browser has not joined the talk through its join page, so {consequence}. Open {joinLink} and try again.";
    }

    /// <summary>What everyone behind a busy address is told; also the answer to a phone a moderator blocked.</summary>
    internal static string AddressRefusalMessage(string bucket, TimeSpan wait) => RefusalMessage(bucket, new RateLimitDecision(false, RateLimitScope.Address, wait));

    private static string RefusalMessage(string bucket, RateLimitDecision decision)
    {
        var seconds = RetryAfter.Phrase(decision.RetryAfter);
        return (bucket, decision.Scope) switch
        {
            (HubRateLimits.Questions, RateLimitScope.Device) => $"You are sending questions too quickly. Wait {seconds} and send it again.",
            (HubRateLimits.Questions, _) => $"Too many questions are coming from this network right now. Wait {seconds} and send it again.",
            (HubRateLimits.MyData, _) => $"Asked too often. Wait {seconds} and look again.",
            (_, RateLimitScope.Device) => $"Too many votes too quickly. Wait {seconds} and try again.",
            _ => $"Too many votes are coming from this network right now. Wait {seconds} and try again.",
        };
    }
}
