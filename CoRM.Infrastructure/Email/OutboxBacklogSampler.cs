using CoRM.Infrastructure.Observability;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Email;

/// <summary>
/// Counts the outbox every Telemetry:OutboxSampleSeconds for the backlog gauges, so a metrics export reads a number
/// instead of querying the database itself. /health counts afresh with the same query.
/// </summary>
public sealed class OutboxBacklogSampler(
    IDbContextFactory<CormDbContext> dbFactory, CormMetrics metrics, IOptions<TelemetryOptions> options, TimeProvider time,
    ILogger<OutboxBacklogSampler> logger) : BackgroundService
{
    public static async Task<OutboxBacklog> ReadAsync(CormDbContext db, DateTime now, CancellationToken ct)
    {
        var unsent = db.OutboxMessages.Where(m => m.SentAt == null);
        var ready = await unsent.CountAsync(m => m.Attempts < OutboxDispatcher.MaxAttempts, ct);
        var failed = await unsent.CountAsync(m => m.Attempts >= OutboxDispatcher.MaxAttempts, ct);
        var oldest = await unsent.Where(m => m.Attempts < OutboxDispatcher.MaxAttempts).MinAsync(m => (DateTime?)m.CreatedAt, ct);
        var waited = oldest is { } at && now > at ? (now - at).TotalSeconds : 0;
        return new OutboxBacklog(ready, failed, waited, now);
    }

    public async Task SampleAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        metrics.RecordBacklog(await ReadAsync(db, time.GetUtcNow().UtcDateTime, ct));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.OutboxSampleSeconds), time);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The gauges keep their last figures; the failure is for the log, and /health reports the database.
                logger.LogWarning(e, "Could not count the outbox for the backlog metrics");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
