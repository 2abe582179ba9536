namespace OpenHealthLive.Web.Infrastructure;

/// <summary>
/// Reverse proxies whose X-Forwarded-* headers are trusted (section <c>Proxy</c>). Empty by default: a
/// forwarded header from anyone else is ignored, so a phone cannot spoof its address.
/// </summary>
public sealed class ProxyOptions
{
    public const string SectionName = "Proxy";

    /// <summary>IP addresses of trusted proxies, for example <c>127.0.0.1</c>.</summary>
    public IList<string> KnownProxies { get; } = [];
}
