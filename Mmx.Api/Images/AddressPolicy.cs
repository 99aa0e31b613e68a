using System.Net;
using System.Net.Sockets;

namespace Mmx.Api.Images;

/// <summary>
/// Which addresses the image fetcher may connect to: public unicast only. Loopback, private,
/// shared (CGNAT), link-local (cloud metadata lives at 169.254.169.254), multicast, documentation
/// and reserved ranges are internal; IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4)
/// are judged by the address they carry. Ranges from IANA's special-purpose address registries.
/// </summary>
public static class AddressPolicy
{
    private static readonly IPNetwork[] InternalV4 =
    [
        IPNetwork.Parse("0.0.0.0/8"),        // "this network"
        IPNetwork.Parse("10.0.0.0/8"),       // private
        IPNetwork.Parse("100.64.0.0/10"),    // shared address space (carrier NAT)
        IPNetwork.Parse("127.0.0.0/8"),      // loopback
        IPNetwork.Parse("169.254.0.0/16"),   // link-local, cloud metadata
        IPNetwork.Parse("172.16.0.0/12"),    // private
        IPNetwork.Parse("192.0.0.0/24"),     // IETF protocol assignments
        IPNetwork.Parse("192.0.2.0/24"),     // documentation
        IPNetwork.Parse("192.88.99.0/24"),   // 6to4 relay anycast
        IPNetwork.Parse("192.168.0.0/16"),   // private
        IPNetwork.Parse("198.18.0.0/15"),    // benchmarking
        IPNetwork.Parse("198.51.100.0/24"),  // documentation
        IPNetwork.Parse("203.0.113.0/24"),   // documentation
        IPNetwork.Parse("224.0.0.0/4"),      // multicast
        IPNetwork.Parse("240.0.0.0/4"),      // reserved, broadcast
    ];

    private static readonly IPNetwork[] InternalV6 =
    [
        IPNetwork.Parse("::/128"),           // unspecified
        IPNetwork.Parse("::1/128"),          // loopback
        IPNetwork.Parse("::ffff:0:0:0/96"),  // IPv4-translated (SIIT): whatever IPv4 the translator picks
        IPNetwork.Parse("64:ff9b:1::/48"),   // local-use NAT64 (RFC 8215): a site's own translator
        IPNetwork.Parse("100::/64"),         // discard
        IPNetwork.Parse("2001::/23"),        // IETF protocol assignments (Teredo among them)
        IPNetwork.Parse("2001:db8::/32"),    // documentation
        IPNetwork.Parse("fc00::/7"),         // unique local
        IPNetwork.Parse("fe80::/10"),        // link-local
        IPNetwork.Parse("fec0::/10"),        // old site-local
        IPNetwork.Parse("ff00::/8"),         // multicast
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return IsPublic(address.MapToIPv4());
        if (address.AddressFamily == AddressFamily.InterNetwork) return !InternalV4.Any(n => n.Contains(address));
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return false;

        var bytes = address.GetAddressBytes();
        // The old IPv4-compatible form ::a.b.c.d (:: and ::1 land in 0.0.0.0/8 there, internal too).
        if (bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0) return IsPublic(new IPAddress(bytes.AsSpan(12, 4)));
        if (Nat64.Contains(address)) return IsPublic(new IPAddress(bytes.AsSpan(12, 4)));
        if (SixToFour.Contains(address)) return IsPublic(new IPAddress(bytes.AsSpan(2, 4)));
        return !InternalV6.Any(n => n.Contains(address));
    }
}
