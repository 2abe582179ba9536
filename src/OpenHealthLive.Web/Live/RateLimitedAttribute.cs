using OpenHealthLive.Web.Rooms;

namespace OpenHealthLive.Web.Live;

/// <summary>Puts a hub method under one of the <see cref="HubRateLimits"/> buckets; checked by <see cref="HubRateLimitFilter"/>.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class RateLimitedAttribute(string bucket) : Attribute
{
    /// <summary>The bucket: <see cref="HubRateLimits.Questions"/>, <see cref="HubRateLimits.Votes"/> or <see cref="HubRateLimits.MyData"/>.</summary>
    public string Bucket { get; } = bucket;
}
