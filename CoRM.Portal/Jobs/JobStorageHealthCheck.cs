using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoRM.Portal.Jobs;

/// <summary>
/// The job storage for /health: reachable (an exception here makes the check unhealthy), how many servers are
/// listening, what is queued, processing and failed. Degraded when this instance should run jobs and no server
/// is listening on the storage: scheduled work (receipts, reminders, the outbox) would wait.
/// </summary>
internal sealed class JobStorageHealthCheck(JobStorage storage, IConfiguration configuration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stats = storage.GetMonitoringApi().GetStatistics();
        var data = new Dictionary<string, object>
        {
            ["storage"] = storage.GetType().Name, ["servers"] = stats.Servers, ["enqueued"] = stats.Enqueued, ["scheduled"] = stats.Scheduled,
            ["processing"] = stats.Processing, ["failed"] = stats.Failed, ["recurring"] = stats.Recurring,
        };
        if (configuration.GetValue("Jobs:RunServer", true) && stats.Servers == 0)
            return Task.FromResult(HealthCheckResult.Degraded("No job server is listening: scheduled work waits", data: data));
        return Task.FromResult(HealthCheckResult.Healthy($"{stats.Servers} job server(s), {stats.Enqueued} queued, {stats.Failed} failed", data));
    }
}
