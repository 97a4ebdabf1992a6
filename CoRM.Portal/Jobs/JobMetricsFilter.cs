using System.Diagnostics;
using CoRM.Infrastructure.Observability;
using Hangfire.Server;

namespace CoRM.Portal.Jobs;

/// <summary>
/// Times every job this host's servers run into corm.job.duration (job = class.method, outcome). Given to each server
/// of this host rather than to Hangfire's process-wide filters, so a test host never records another host's jobs.
/// </summary>
internal sealed class JobMetricsFilter(CormMetrics metrics) : IServerFilter
{
    private const string StartedKey = "corm:started";

    public void OnPerforming(PerformingContext context) => context.Items[StartedKey] = Stopwatch.GetTimestamp();

    public void OnPerformed(PerformedContext context)
    {
        if (!context.Items.TryGetValue(StartedKey, out var started) || started is not long timestamp) return;
        var job = context.BackgroundJob.Job;
        var name = job is null ? "unknown" : $"{job.Type.Name}.{job.Method.Name}";
        metrics.RecordJob(name, Stopwatch.GetElapsedTime(timestamp), context.Exception is null || context.ExceptionHandled);
    }
}
