using System.ComponentModel.DataAnnotations;

namespace OpenHealthLive.Web.Infrastructure;

/// <summary>The address other devices reach the site at (section <c>PublicAddress</c>); see <see cref="PublicAddress"/>.</summary>
public sealed class PublicAddressOptions
{
    public const string SectionName = "PublicAddress";

    /// <summary>The key's name before it had a section of its own (until issue 22, <c>Live:PublicBaseUrl</c>).</summary>
    public static IReadOnlyList<RenamedSetting> Renamed { get; } =
    [
        new("Live:PublicBaseUrl", "PublicAddress:BaseUrl"),
    ];

    /// <summary>
    /// The address phones use to reach the site (behind a proxy or tunnel), for example
    /// <c>https://live.example.org</c>. When unset, the machine's LAN address is used if the site listens
    /// beyond loopback.
    /// </summary>
    [Url(ErrorMessage = "PublicAddress:BaseUrl is an absolute http or https address, for example https://live.example.org.")]
    public string? BaseUrl { get; set; }
}
