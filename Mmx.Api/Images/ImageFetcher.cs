using System.Net;
using System.Net.Sockets;

namespace Mmx.Api.Images;

/// <summary>
/// Downloads an image a user names by URL, without letting the URL reach inside. The check sits in
/// the socket connector, so it judges the address each connection really goes to, after DNS and
/// after every redirect, not the name written in the URL: a name that resolves inside, a decimal
/// or short IPv4 form, or a redirect to an internal address are all refused before a packet is
/// sent. Hosts in <c>Mmx:Images:AllowHosts</c> are exempt (an operator's own image server).
/// No proxy is used, so the connection made is the one checked.
/// </summary>
public sealed class ImageFetcher(IHttpClientFactory http, ImageSettings settings, ILogger<ImageFetcher> logger)
{
    public const string ClientName = "mmx-image-fetch";
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRedirects = 3;

    /// <summary>The image's bytes and format; err 1 for a refused address or a body that is no image or too big, err 12 when the source fails.</summary>
    public async Task<(byte[] Bytes, ImageKind Kind)> Fetch(Uri url, CancellationToken cancellation)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) throw ApiException.BadRequest("url must be http or https");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var response = await http.CreateClient(ClientName).GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode) throw new ApiException(Err.UpstreamFailed, $"the image source answered HTTP {(int)response.StatusCode}");
            if (response.Content.Headers.ContentLength > MaxBytes) throw TooBig();
            var bytes = await ReadCapped(await response.Content.ReadAsStreamAsync(timeout.Token), timeout.Token);
            var kind = ImageKind.Sniff(bytes) ?? throw ApiException.BadRequest("the url is not a PNG, JPEG, GIF or WebP image");
            return (bytes, kind);
        }
        catch (HttpRequestException e) when (Blocked(e) is { } blocked)
        {
            logger.LogWarning("Image fetch refused: {Host} is internal", blocked.Host);
            throw ApiException.BadRequest("the url points to an address this server may not fetch from");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellation.IsCancellationRequested)
        {
            logger.LogInformation("Image fetch failed: {Reason}", e.GetType().Name);
            throw new ApiException(Err.UpstreamFailed, "the image source did not answer");
        }
    }

    private static async Task<byte[]> ReadCapped(Stream body, CancellationToken cancellation)
    {
        await using var _ = body;
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > MaxBytes) throw TooBig();
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ApiException TooBig() => ApiException.BadRequest($"the image is over {MaxBytes / 1024 / 1024} MB");

    private static BlockedAddressException? Blocked(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is BlockedAddressException blocked) return blocked;
        }
        return null;
    }
}

/// <summary>The image fetcher, its guarded HttpClient, the resolver it checks with and the default store.</summary>
public static class ImageFetching
{
    /// <summary>The embedded default keeps images in a folder; cluster mode in PostgreSQL, which every front shares.</summary>
    public static IServiceCollection AddImageFetching(this IServiceCollection services, ClusterSettings cluster)
    {
        services.AddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton<GuardedConnector>();
        if (cluster.ConnectionString is { } connectionString)
        {
            services.AddSingleton(_ => Npgsql.NpgsqlDataSource.Create(connectionString));
            services.AddSingleton<IImageStore, PostgresImageStore>();
        }
        else services.AddSingleton<IImageStore, FolderImageStore>();
        services.AddSingleton<ImageFetcher>();
        services.AddHttpClient(ImageFetcher.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                UseProxy = false,
                UseCookies = false,
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = ImageFetcher.MaxRedirects,
                AutomaticDecompression = DecompressionMethods.None,
                PooledConnectionLifetime = TimeSpan.FromMinutes(1),
                ConnectCallback = provider.GetRequiredService<GuardedConnector>().Connect,
            });
        return services;
    }
}

/// <summary>Thrown by the connector when a host's addresses are internal and it is not allow-listed.</summary>
public sealed class BlockedAddressException(string host) : Exception($"{host} resolves to an internal address")
{
    public string Host { get; } = host;
}

/// <summary>Resolves, checks and connects: the one place a fetch's destination is decided.</summary>
public sealed class GuardedConnector(IHostResolver resolver, ImageSettings settings)
{
    private readonly HashSet<string> _allowHosts = new(
        settings.AllowHosts.Select(h => h.TrimEnd('.')),
        StringComparer.OrdinalIgnoreCase);

    public async ValueTask<Stream> Connect(SocketsHttpConnectionContext context, CancellationToken cancellation)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']').TrimEnd('.');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.Resolve(host, cancellation);
        if (addresses.Length == 0) throw new HttpRequestException($"{host} has no address");
        // Every answer must be public: a name with one public and one internal address could be
        // steered to the internal one.
        if (!_allowHosts.Contains(host) && !addresses.All(AddressPolicy.IsPublic)) throw new BlockedAddressException(host);

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellation);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
