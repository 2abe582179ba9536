using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Devices;
using OpenHealthLive.Web.Infrastructure;
using OpenHealthLive.Web.Rooms;

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
            var device = devices.TryRead(http) ?? throw (limited.Bucket == HubRateLimits.MyData
                ? HubRefusal.Create(HubRefusal.NoDevice, NotJoinedData, NothingHeldMessage(code), [])
                : HubRefusal.Create(HubRefusal.NoDevice, NotJoinedWrite, NoDeviceMessage(code), []));
            var decision = limits.TryAcquire(limited.Bucket, device, http?.Connection.RemoteIpAddress?.ToString());
            if (!decision.Allowed)
            {
                throw Refusal(HubRefusal.RateLimited, limited.Bucket, decision);
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

    /// <summary>The code of a write from a connection without the device cookie.</summary>
    internal const string NotJoinedWrite = "not-joined";

    /// <summary>The code of a look at "my data" from a connection without the device cookie.</summary>
    internal const string NotJoinedData = RoomRefusals.NotJoinedData;

    /// <summary>
    /// The refusal of a call over its limit, logged as <paramref name="kind"/>; its code says which limit and whose
    /// (this phone's, or the network's), its argument the seconds to wait. A blocked phone gets the network's.
    /// </summary>
    internal static HubException Refusal(string kind, string bucket, RateLimitDecision decision, Exception? inner = null)
    {
        var seconds = RetryAfter.Phrase(decision.RetryAfter);
        var (code, message) = (bucket, decision.Scope) switch
        {
            (HubRateLimits.Questions, RateLimitScope.Device) => ("questions-too-fast", $"You are sending questions too quickly. Wait {seconds} and send it again."),
            (HubRateLimits.Questions, _) => ("questions-busy", $"Too many questions are coming from this network right now. Wait {seconds} and send it again."),
            (HubRateLimits.MyData, _) => ("asked-too-often", $"Asked too often. Wait {seconds} and look again."),
            (_, RateLimitScope.Device) => ("votes-too-fast", $"Too many votes too quickly. Wait {seconds} and try again."),
            _ => ("votes-busy", $"Too many votes are coming from this network right now. Wait {seconds} and try again."),
        };
        return HubRefusal.Create(kind, code, message, [RetryAfter.Seconds(decision.RetryAfter)], inner);
    }
}
