using System.Net;
using System.Net.Sockets;

namespace OpenHealthLive.Web.Infrastructure;

/// <summary>The key every per-address limit counts by.</summary>
public static class ClientAddress
{
    /// <summary>
    /// One key per IPv4 address and per IPv6 /64 (what one household or attacker usually holds; a phone changes the
    /// rest of its IPv6 address at will), and "unknown" when there is no address.
    /// </summary>
    public static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
