using System.Net;
using System.Net.Sockets;

namespace Mmx.Api.Http;

/// <summary>
/// What counts as one client address for the limits: an IPv4 address as it is, an IPv6 address by
/// its /64 (a subscriber is handed a whole prefix and can pick any address in it).
/// </summary>
public static class ClientAddresses
{
    public static string KeyOf(IPAddress? address)
    {
        if (address is null) return "local";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
