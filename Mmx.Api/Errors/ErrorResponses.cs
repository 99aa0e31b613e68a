using System.Text.Json;
using Orleans.Runtime;

namespace Mmx.Api.Errors;

/// <summary>
/// Makes every failure a JSON answer with an `err`: contract errors and bad input with HTTP 200,
/// transient cluster trouble with 503 and unexpected faults with 500 (both err 99, with a
/// correlation id that the log line carries too). Never an HTML page or a stack trace.
/// </summary>
public static class ErrorResponses
{
    public static IApplicationBuilder UseContractErrors(this IApplicationBuilder app)
    {
        // Empty 404/405/415 answers of the routing layer get a JSON body too.
        app.UseStatusCodePages(context => Write(context.HttpContext, context.HttpContext.Response.StatusCode,
            Err.BadRequest, context.HttpContext.Response.StatusCode == StatusCodes.Status404NotFound
                ? "no such route" : "this route does not take that request"));

        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                await Handle(context, ex);
            }
        });
        return app;
    }

    private static Task Handle(HttpContext context, Exception ex)
    {
        switch (ex)
        {
            case ApiException api:
                return Write(context, api.HttpStatus, api.Err, api.Message);
            case BadHttpRequestException bad:
                return Write(context, StatusCodes.Status200OK, Err.BadRequest, BadRequestMessage(bad));
            case JsonException:
                return Write(context, StatusCodes.Status200OK, Err.BadRequest, "the body is not valid JSON of the expected shape");
        }

        // The request's trace id: the same id finds the answer, its log line and its trace.
        var correlationId = System.Diagnostics.Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Mmx.Api.Errors");
        if (IsTransient(ex))
        {
            logger.LogWarning(ex, "Cluster unavailable for {Path}, correlation id {CorrelationId}", context.Request.Path, correlationId);
            return Write(context, StatusCodes.Status503ServiceUnavailable, Err.Internal,
                "the service is briefly unavailable; retry", correlationId, retry: true);
        }

        logger.LogError(ex, "Unexpected fault for {Path}, correlation id {CorrelationId}", context.Request.Path, correlationId);
        return Write(context, StatusCodes.Status500InternalServerError, Err.Internal, "internal error", correlationId);
    }

    /// <summary>Faults a retry can cure: a silo died or the cluster is still forming.</summary>
    private static bool IsTransient(Exception ex) => ex is SiloUnavailableException or OrleansMessageRejectionException
        or Orleans.Runtime.Messaging.ConnectionFailedException or TimeoutException or OrleansException { InnerException: TimeoutException };

    private static string BadRequestMessage(BadHttpRequestException bad) =>
        bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "the body is too large" : "the request is malformed";

    /// <summary>Retry-After of a 429 whose limit does not say (the limits count per minute).</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromMinutes(1);

    /// <summary>The one place an error answer is written: by this middleware, the rate limiter's rejection and the dashboard guard.</summary>
    public static Task Write(HttpContext context, int status, Err err, string message,
        string? correlationId = null, bool retry = false, TimeSpan? retryAfter = null)
    {
        Operations.MmxMetrics.Error((int)err);
        context.Response.Clear();
        context.Response.StatusCode = status;
        // Every 429 says when to come back (RFC 9110 Retry-After, whole seconds): clients and proxies back off by it.
        if (status == StatusCodes.Status429TooManyRequests)
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling((retryAfter ?? DefaultRetryAfter).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        bool? isSuccess = IsV2(context.Request.Path) ? false : null;
        return context.Response.WriteAsJsonAsync(new Errors.ErrorReply(err, message, correlationId, retry ? true : null, isSuccess));
    }

    /// <summary>
    /// The spec's version 2 routes, the original's /basic/* ones and the merchant portal's, whose answers carry is_success
    /// (false on every failure: the web client reads it).
    /// </summary>
    private static bool IsV2(PathString path) =>
        path.StartsWithSegments("/userweb") || path.StartsWithSegments("/user/goods/promot/news") || path.StartsWithSegments("/basic")
        || path.StartsWithSegments("/merchant") || path.StartsWithSegments("/shop");
}
