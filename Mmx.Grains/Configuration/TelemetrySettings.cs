using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace Mmx.Grains.Configuration;

/// <summary>Distributed traces: where they are sent (OTLP), off when no endpoint is set.</summary>
[SettingsSection("Mmx:Telemetry")]
public sealed class TelemetrySettings : IValidatableObject
{
    public const string Grpc = "grpc";
    public const string HttpProtobuf = "http/protobuf";

    /// <summary>The OTLP collector: for gRPC its base URL (http://collector:4317), for http/protobuf the traces URL (http://collector:4318/v1/traces).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> or <c>http/protobuf</c>.</summary>
    public string OtlpProtocol { get; set; } = Grpc;

    /// <summary>Whether traces are exported at all: an endpoint is set.</summary>
    [MemberNotNullWhen(true, nameof(OtlpEndpoint))]
    public bool Exports => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Exports && !HttpUrl.IsAbsolute(OtlpEndpoint))
            yield return new ValidationResult($"\"{OtlpEndpoint}\" is not an absolute http(s) URL", [nameof(OtlpEndpoint)]);
        if (OtlpProtocol is not (Grpc or HttpProtobuf))
            yield return new ValidationResult($"\"{OtlpProtocol}\" is neither {Grpc} nor {HttpProtobuf}", [nameof(OtlpProtocol)]);
    }
}
