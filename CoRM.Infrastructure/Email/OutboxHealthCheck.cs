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
        var unsent = db.OutboxMessages.Where(m => m.SentAt == null);
        var ready = await unsent.CountAsync(m => m.Attempts < OutboxDispatcher.MaxAttempts, cancellationToken);
        var failed = await unsent.CountAsync(m => m.Attempts >= OutboxDispatcher.MaxAttempts, cancellationToken);
        var oldest = await unsent.Where(m => m.Attempts < OutboxDispatcher.MaxAttempts).MinAsync(m => (DateTime?)m.CreatedAt, cancellationToken);
        var waited = oldest is { } at ? time.GetUtcNow().UtcDateTime - at : TimeSpan.Zero;
        var data = new Dictionary<string, object> { ["ready"] = ready, ["failed"] = failed, ["oldestReadyMinutes"] = (int)Math.Max(0, waited.TotalMinutes) };
        var limit = TimeSpan.FromMinutes(options.Value.BacklogDegradedAfterMinutes);
        if (failed > 0) return HealthCheckResult.Degraded($"{failed} message(s) failed for good; {ready} waiting", data: data);
        if (waited > limit) return HealthCheckResult.Degraded($"{ready} message(s) waiting, the oldest for {(int)waited.TotalMinutes} minutes", data: data);
        return HealthCheckResult.Healthy($"{ready} message(s) waiting", data);
    }
}
