using System.Net;

namespace Mmx.Api.Images;

/// <summary>Names to addresses for the image fetcher; a seam so tests can make a name point anywhere.</summary>
public interface IHostResolver
{
    Task<IPAddress[]> Resolve(string host, CancellationToken cancellation);
}

/// <summary>The system's resolver (DNS, /etc/hosts).</summary>
public sealed class DnsHostResolver : IHostResolver
{
    public Task<IPAddress[]> Resolve(string host, CancellationToken cancellation) => Dns.GetHostAddressesAsync(host, cancellation);
}
