using System.ComponentModel.DataAnnotations;

namespace OpenHealthLive.Web.Join;

/// <summary>Limits on wrong join codes (section <c>JoinCodes</c>); see docs/security.md, "Join codes".</summary>
public sealed class JoinCodeOptions
{
    public const string SectionName = "JoinCodes";

    /// <summary>
    /// Unknown or malformed codes one hub connection may try per minute (all at once, then one every
    /// 60/n seconds). A phone's codes come from its page's address, so one connection rarely needs more than one.
    /// </summary>
    [Range(1, 10_000)]
    public int FailedLookupsPerConnectionPerMinute { get; set; } = 10;

    /// <summary>
    /// Unknown or malformed codes one address may try per minute over HTTP and the hub together. A whole room can
    /// share one address behind the venue's NAT, and people mistype; a code the address has already joined still
    /// works when the limit is reached.
    /// </summary>
    [Range(1, 100_000)]
    public int FailedLookupsPerIpPerMinute { get; set; } = 30;
}
