using CoRM.Infrastructure.Observability;
using CoRM.Portal.Jobs;
using CoRM.Portal.Security;
using Microsoft.AspNetCore.Components.Server.Circuits;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CoRM.Portal.Observability;

/// <summary>
/// Metrics and structured logs for operations. The meters are always there (dotnet-counters reads them); with
/// Telemetry:OtlpEndpoint set, metrics and logs (with their scopes: user, circuit, request) are also exported by OTLP.
/// </summary>
public static class Telemetry
{
    /// <summary>Meters exported: CoRM's own (jobs, outbox), ASP.NET Core's requests, Kestrel, Blazor circuits and UI events.</summary>
    public static readonly string[] Meters =
    [
        CormMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Components.Lifecycle",
        "Microsoft.AspNetCore.Components.Server.Circuits",
    ];

    public static WebApplicationBuilder AddCormTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CircuitHandler, CircuitLogScope>();
        builder.Services.AddSingleton<JobMetricsFilter>();

        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (string.IsNullOrWhiteSpace(options.OtlpEndpoint)) return builder;

        var endpoint = new Uri(options.OtlpEndpoint);
        var protocol = options.OtlpProtocol == "http" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("CoRM.Portal", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(metrics => metrics.AddMeter(Meters).AddRuntimeInstrumentation()
                .AddOtlpExporter((exporter, reader) =>
                {
                    exporter.Endpoint = Signal(endpoint, protocol, "v1/metrics");
                    exporter.Protocol = protocol;
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = options.ExportIntervalSeconds * 1000;
                }))
            .WithLogging(logging => logging.AddOtlpExporter(exporter =>
            {
                exporter.Endpoint = Signal(endpoint, protocol, "v1/logs");
                exporter.Protocol = protocol;
            }), logOptions =>
            {
                logOptions.IncludeScopes = true;
                logOptions.IncludeFormattedMessage = true;
            });
        return builder;
    }

    /// <summary>Over HTTP each signal has its own path on the collector; gRPC takes the bare endpoint.</summary>
    private static Uri Signal(Uri endpoint, OtlpExportProtocol protocol, string path) =>
        protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(endpoint, path) : endpoint;

    /// <summary>Logs written while serving a request carry the signed-in portal user's id (beside ASP.NET Core's request and trace ids).</summary>
    public static IApplicationBuilder UseUserLogScope(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var userId = context.User.FindFirst(CormClaims.PortalUserId)?.Value;
        if (userId is null)
        {
            await next(context);
            return;
        }
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CoRM.Portal.Requests");
        using (logger.BeginScope(new Dictionary<string, object?> { ["UserId"] = userId })) await next(context);
    });
}
