using OpenHealthLive.Web.Infrastructure;

namespace OpenHealthLive.Web.Join;

/// <summary>
/// Builds the URL phones use to join: the site's <see cref="PublicAddress"/> (it must work from a phone) and
/// <c>j/{code}</c>, and the text of its QR code.
/// </summary>
public sealed class JoinLinks(PublicAddress address)
{
    /// <summary>The site's base URL as phones should see it, ending in '/'.</summary>
    public Uri? BaseUrl(HttpRequest? request) => address.BaseUrl(request);

    /// <summary>The join URL of a session: <c>{base}/j/{code}</c>.</summary>
    public Uri? JoinUrl(string code, HttpRequest? request) => BaseUrl(request) is { } baseUrl ? new Uri(baseUrl, "j/" + code) : null;

    /// <summary>
    /// The text put in the QR code. When the base URL has no path, the whole URL is upper-cased (scheme, host
    /// and our own routes are case-insensitive), so the QR code uses alphanumeric mode and needs fewer,
    /// larger modules: easier to scan from the back of a hall.
    /// </summary>
    public static string QrText(Uri joinUrl)
    {
        ArgumentNullException.ThrowIfNull(joinUrl);
        var text = joinUrl.ToString();
        var upper = text.ToUpperInvariant();
        var onlyOurPath = joinUrl.AbsolutePath.StartsWith("/j/", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(joinUrl.Query);
        return onlyOurPath && upper.All(c => char.IsAsciiLetterOrDigit(c) || " $%*+-./:".Contains(c, StringComparison.Ordinal)) ? upper : text;
    }

    /// <summary>True when a phone could reach <paramref name="url"/> (its host is not loopback).</summary>
    public static bool IsReachableFromOtherDevices(Uri url) => PublicAddress.IsReachableFromOtherDevices(url);
}
