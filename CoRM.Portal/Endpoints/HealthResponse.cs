using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoRM.Portal.Endpoints;

/// <summary>
/// /health as JSON for a load balancer and a person alike: the overall status first (Healthy or Degraded answer 200,
/// Unhealthy 503), then each check with its status, description and counts. No names, addresses or ids.
/// </summary>
internal static class HealthResponse
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.GetType().Name,
                data = e.Value.Data,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
