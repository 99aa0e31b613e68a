using System.Net;

namespace Mmx.Api.Images;

/// <summary>Names to addresses for the image fetcher; a seam so tests can make a name point anywhere.</summary>
public interface IHostResolver
{
    Task<IPAddress[]> Resolve(string host, CancellationToken cancellation);
}
