using System.ComponentModel.DataAnnotations;
using System.Net;

namespace OpenHealthLive.Web.Infrastructure;

/// <summary>
/// Reverse proxies whose X-Forwarded-* headers are trusted (section <c>Proxy</c>). Empty by default, and then no
/// forwarded header is used at all: a client cannot claim another address or scheme.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string SectionName = "Proxy";

    /// <summary>IP addresses of trusted proxies, for example <c>127.0.0.1</c>.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, for example <c>10.0.0.0/24</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>True when some proxy is trusted; otherwise forwarded headers are ignored.</summary>
    public bool TrustsAnyProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<IPAddress> Proxies() => KnownProxies.Select(p => IPAddress.Parse(p.Trim()));

    public IEnumerable<IPNetwork> Networks() => KnownNetworks.Select(n => IPNetwork.Parse(n.Trim()));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p?.Trim(), out _)))
        {
            yield return new ValidationResult($"Proxy:KnownProxies has '{proxy}', which is not an IP address (e.g. 10.0.0.5).", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n?.Trim(), out _)))
        {
            yield return new ValidationResult($"Proxy:KnownNetworks has '{network}', which is not a network in CIDR notation (e.g. 10.0.0.0/24).", [nameof(KnownNetworks)]);
        }
    }
}
