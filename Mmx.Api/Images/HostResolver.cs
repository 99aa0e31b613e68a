using System.Net;

namespace Mmx.Api.Images;

/// <summary>The system's resolver (DNS, /etc/hosts).</summary>
public sealed class DnsHostResolver : IHostResolver
{
    public Task<IPAddress[]> Resolve(string host, CancellationToken cancellation) => Dns.GetHostAddressesAsync(host, cancellation);
}
