using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace OpenHealthLive.Web.Infrastructure;

/// <summary>
/// The site's address as another device should see it: <c>PublicAddress:BaseUrl</c> when set; else, when the server
/// listens beyond loopback, the machine's LAN address (on https when it listens on https too); else the address of
/// the request (which only works on this machine). Used for the phones' join link and the presenter's sign-in link.
/// </summary>
public sealed class PublicAddress(IOptions<PublicAddressOptions> options, IServer server, TimeProvider time)
{
    private static readonly TimeSpan LanAddressLifetime = TimeSpan.FromMinutes(1);
    private (IPAddress? Address, DateTimeOffset At) _lan;

    /// <summary>The site's base URL as phones should see it, ending in '/'.</summary>
    public Uri? BaseUrl(HttpRequest? request)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.BaseUrl))
        {
            return WithTrailingSlash(new Uri(options.Value.BaseUrl));
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        // A laptop listening on http and https (say --urls "http://0.0.0.0:5000;https://0.0.0.0:5001") gives phones
        // the https address: only there do they get the service worker, and nobody on the wifi reads their traffic.
        foreach (var address in addresses.OrderByDescending(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            if (!TryParseListenAddress(address, out var listen))
            {
                continue;
            }

            if (IsWildcard(listen.Host) && LanAddress() is { } lan)
            {
                var host = lan.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{lan}]" : lan.ToString();
                return new Uri($"{listen.Scheme}://{host}:{listen.Port}/");
            }

            if (!IsWildcard(listen.Host) && !IsLoopback(listen.Host))
            {
                return WithTrailingSlash(listen);
            }
        }

        if (request is not null)
        {
            return new Uri($"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase}/");
        }

        return addresses.Select(a => TryParseListenAddress(a, out var u) ? u : null).OfType<Uri>().Select(WithTrailingSlash).FirstOrDefault();
    }

    /// <summary>True when a phone could reach <paramref name="url"/> (its host is not loopback).</summary>
    public static bool IsReachableFromOtherDevices(Uri url) => url is not null && !IsLoopback(url.Host);

    private IPAddress? LanAddress()
    {
        var now = time.GetUtcNow();
        if (_lan.Address is not null && now - _lan.At < LanAddressLifetime)
        {
            return _lan.Address;
        }

        var candidates = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .Select(n => (Properties: n.GetIPProperties(), Interface: n))
            .SelectMany(n => n.Properties.UnicastAddresses.Select(a => (a.Address, HasGateway: n.Properties.GatewayAddresses.Count > 0)))
            .Where(a => a.Address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a.Address) && !a.Address.ToString().StartsWith("169.254.", StringComparison.Ordinal))
            .OrderByDescending(a => a.HasGateway)
            .Select(a => a.Address);
        var address = candidates.FirstOrDefault();
        _lan = (address, now);
        return address;
    }

    private static bool TryParseListenAddress(string address, out Uri uri)
    {
        // Kestrel reports wildcards as http://[::]:5000, http://0.0.0.0:5000, http://+:5000 or http://*:5000.
        var normalized = address.Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal);
        return Uri.TryCreate(normalized, UriKind.Absolute, out uri!);
    }

    private static bool IsWildcard(string host) => host is "0.0.0.0" or "[::]" or "::";

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static Uri WithTrailingSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
