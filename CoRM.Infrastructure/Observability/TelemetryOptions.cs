using System.ComponentModel.DataAnnotations;

namespace CoRM.Infrastructure.Observability;

/// <summary>Metrics and logs for operations ("Telemetry" in configuration).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Where to export metrics and logs by OTLP (e.g. http://collector:4317); none when empty.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>"grpc" (port 4317 by convention) or "http" (http/protobuf, port 4318).</summary>
    [RegularExpression("^(grpc|http)$", ErrorMessage = "Telemetry:OtlpProtocol must be grpc or http.")]
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>How often metrics are exported.</summary>
    [Range(1, 3600)]
    public int ExportIntervalSeconds { get; set; } = 60;

    /// <summary>How often the outbox backlog gauges are refreshed from the database.</summary>
    [Range(5, 3600)]
    public int OutboxSampleSeconds { get; set; } = 30;

    /// <summary>A user's action in the portal (a click, a page change) slower than this is logged as a warning, with who and which circuit.</summary>
    [Range(0, 600_000)]
    public int SlowCircuitActivityMilliseconds { get; set; } = 1000;
}
