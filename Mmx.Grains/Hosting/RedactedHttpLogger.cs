using System.Diagnostics;
using Microsoft.Extensions.Http.Logging;

namespace Mmx.Grains;

/// <summary>
/// The log line of an outgoing call to a gateway or provider, in place of the HTTP client
/// factory's own: method, scheme, host, port and path, status and time; never the URL's user info
/// or query, where operators' gateway URLs carry credentials and providers' calls carry tokens.
/// </summary>
public sealed class RedactedHttpLogger(ILogger<RedactedHttpLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request) => Stopwatch.GetTimestamp();

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        logger.LogDebug("HTTP {Method} {Url} answered {Status} in {Milliseconds:F0} ms", request.Method, Redacted(request.RequestUri), (int)response.StatusCode, elapsed.TotalMilliseconds);

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        logger.LogDebug("HTTP {Method} {Url} failed after {Milliseconds:F0} ms: {Error}", request.Method, Redacted(request.RequestUri), elapsed.TotalMilliseconds, exception.Message);

    /// <summary>The URL without user info and query.</summary>
    public static string Redacted(Uri? uri) => uri is null ? "" : uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
}
