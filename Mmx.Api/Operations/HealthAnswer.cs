using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mmx.Api.Operations;

/// <summary>
/// What /health/live and /health/ready answer: the overall state and, for each check, its state,
/// how long it took and why it failed, as one JSON object
/// (<c>{"status":"Healthy","durationMs":3.1,"checks":{"cluster-and-storage":{"status":"Healthy","durationMs":2.9}}}</c>),
/// so an operator sees which check is red without reading logs. Media type
/// <c>application/health+json</c> (the IETF draft for health answers): it is no API answer, and
/// the OpenAPI document leaves operator endpoints out.
/// </summary>
public static class HealthAnswer
{
    public const string MediaType = "application/health+json";

    public static async Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = MediaType;
        context.Response.Headers.CacheControl = "no-store";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            if (entry.Description is { } description) json.WriteString("description", description);
            // The kind of failure only: messages of inner exceptions can name hosts and users.
            if (entry.Exception is { } error) json.WriteString("error", error.GetType().Name);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
