using CoRM.Domain.Access;
using CoRM.Domain.Messaging;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Email;

/// <summary>A message the relay refused for good, with its answer.</summary>
public sealed record MailFailure(long MessageId, int? ConstituentId, string Name, string Address, string Answer, DateTime FailedAt);

/// <summary>
/// How a bulk run's mail is going: counts, the rate over the last five minutes, when it should finish and why it
/// waits, and the permanent failures (the first 100, oldest first).
/// </summary>
public sealed record MailProgressReport(
    string Origin, int Sent, int Queued, int Failed, double PerMinute, DateTime? EstimatedFinish, string? Waiting,
    IReadOnlyList<MailFailure> Failures, DateTime At)
{
    public int Total => Sent + Queued + Failed;
    public bool Done => Queued == 0;
}

/// <summary>
/// Progress of the outbox messages one run produced (an appeal, a year-end receipting run), for the pages that started
/// them. Only advancement and administrators see it: the failures name donors.
/// </summary>
public sealed class MailProgress(IDbContextFactory<CormDbContext> dbFactory, IOptions<EmailOptions> options, TimeProvider time)
{
    /// <summary>The window the current rate is measured over.</summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(5);

    public const int FailuresShown = 100;

    public async Task<MailProgressReport?> ForOriginAsync(UserScope user, string origin, CancellationToken ct = default)
    {
        // Appeals and year-end summaries are the giving office's; no other origin is shown on a page.
        if (!user.WorksGiving || !(origin.StartsWith("appeal:", StringComparison.Ordinal) || origin.StartsWith("year-end:", StringComparison.Ordinal))) return null;
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.OutboxMessages.Where(m => m.Origin == origin);
        var counts = await mine
            .GroupBy(m => m.SentAt != null ? 0 : m.Attempts >= OutboxDispatcher.MaxAttempts ? 2 : 1)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var (sent, queued, failed) = (counts.GetValueOrDefault(0), counts.GetValueOrDefault(1), counts.GetValueOrDefault(2));
        var since = now - RateWindow;
        var recent = await mine.CountAsync(m => m.SentAt >= since, ct);
        var perSecond = recent / RateWindow.TotalSeconds;

        var limits = options.Value.RateLimit;
        int? leftToday = null;
        if (limits.PerDay > 0)
        {
            var dayAgo = now.AddDays(-1);
            var usedToday = await db.OutboxMessages.CountAsync(m => m.SentAt >= dayAgo, ct);
            leftToday = Math.Max(0, BulkShare(limits.PerDay, limits) - usedToday);
        }
        var (finish, waiting) = DeliveryForecast.Estimate(queued, perSecond, leftToday, limits, now);

        var failures = failed == 0 ? [] : await mine.Where(m => m.SentAt == null && m.Attempts >= OutboxDispatcher.MaxAttempts)
            .OrderBy(m => m.Id).Take(FailuresShown)
            .Select(m => new MailFailure(m.Id, m.RecipientConstituentId, m.ToName, m.ToAddress, m.LastError ?? "", m.FailedAt ?? m.CreatedAt))
            .ToListAsync(ct);
        return new MailProgressReport(origin, sent, queued, failed, perSecond * 60, finish, waiting, failures, now);
    }

    internal static int BulkShare(int limit, RateLimitOptions limits) => limit - limit * limits.TransactionalReservePercent / 100;
}

/// <summary>When a run's waiting messages should be out, from the current rate and the relay's daily limit.</summary>
public static class DeliveryForecast
{
    /// <param name="queued">Messages of the run still waiting.</param>
    /// <param name="perSecond">The run's rate over the last few minutes.</param>
    /// <param name="leftToday">What the daily limit still allows bulk mail over the last 24 hours (null: no daily limit).</param>
    public static (DateTime? Finish, string? Waiting) Estimate(int queued, double perSecond, int? leftToday, RateLimitOptions limits, DateTime now)
    {
        if (queued == 0) return (null, null);
        var dailyBulk = limits.PerDay > 0 ? MailProgress.BulkShare(limits.PerDay, limits) : 0;
        // The days the daily limit adds: what does not fit in what is left of today's allowance waits a day per allowance.
        var extraDays = leftToday is { } left && dailyBulk > 0 && queued > left ? (int)Math.Ceiling((queued - left) / (double)dailyBulk) : 0;
        if (perSecond <= 0)
        {
            return leftToday is 0
                ? (null, $"Paused at the relay's limit of {limits.PerDay:N0} messages a day; sending resumes as the last day's messages age out.")
                : (null, "Waiting for the dispatcher, which runs every minute.");
        }
        var atThisRate = now + TimeSpan.FromSeconds(queued / perSecond);
        if (extraDays == 0) return (atThisRate, null);
        var byLimit = now.AddDays(extraDays);
        return (byLimit > atThisRate ? byLimit : atThisRate,
            $"The relay allows {limits.PerDay:N0} messages a day: the rest of this run goes over the next {extraDays} day{(extraDays == 1 ? "" : "s")}.");
    }
}
