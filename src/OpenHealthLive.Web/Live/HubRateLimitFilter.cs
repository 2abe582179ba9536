using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using OpenHealthLive.Web.Devices;

namespace OpenHealthLive.Web.Live;

/// <summary>Applies <see cref="RateLimitedAttribute"/> at every call, with a message that says how long to wait.</summary>
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
            var device = devices.TryRead(http) ?? DeviceIdentity.ForConnection(invocationContext.Context.ConnectionId);
            if (!limits.TryAcquire(limited.Bucket, device, http?.Connection.RemoteIpAddress?.ToString(), out var retryAfter))
            {
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                throw new HubException(limited.Bucket == HubRateLimits.Questions
                    ? $"You are sending questions too quickly. Wait {seconds} seconds and send it again."
                    : $"Too many votes too quickly. Wait {seconds} seconds and try again.");
            }
        }

        return await next(invocationContext);
    }
}
