using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Email;

/// <summary>
/// The outbox backlog for /health: how many messages wait to go, how old the oldest is, how many gave up. Degraded
/// (still serving) when the oldest ready message has waited longer than <see cref="EmailOptions.BacklogDegradedAfterMinutes"/>
/// or a message failed for good: mail is stuck, and someone should look. Counts only, nothing about anyone.
/// </summary>
public sealed class OutboxHealthCheck(IDbContextFactory<CormDbContext> dbFactory, IOptions<EmailOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var backlog = await OutboxBacklogSampler.ReadAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);
        var (ready, failed, waited) = (backlog.Ready, backlog.Failed, TimeSpan.FromSeconds(backlog.OldestReadySeconds));
        var data = new Dictionary<string, object> { ["ready"] = ready, ["failed"] = failed, ["oldestReadyMinutes"] = (int)waited.TotalMinutes };
        var limit = TimeSpan.FromMinutes(options.Value.BacklogDegradedAfterMinutes);
        if (failed > 0) return HealthCheckResult.Degraded($"{failed} message(s) failed for good; {ready} waiting", data: data);
        if (waited > limit) return HealthCheckResult.Degraded($"{ready} message(s) waiting, the oldest for {(int)waited.TotalMinutes} minutes", data: data);
        return HealthCheckResult.Healthy($"{ready} message(s) waiting", data);
    }
}
