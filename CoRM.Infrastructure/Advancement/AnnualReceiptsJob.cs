using CoRM.Domain.Access;
using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoRM.Infrastructure.Advancement;

/// <summary>
/// The year-end receipting run, started by an advancement officer: annual summaries for every donor of the year who
/// has no receipt yet, issued in the officer's name and, if asked, e-mailed to those who may be e-mailed. Safe to run
/// again: receipted gifts are never receipted twice.
/// </summary>
public sealed class AnnualReceiptsJob(IDbContextFactory<CormDbContext> dbFactory, Receipts receipts, OutboxDispatcher dispatcher, ILogger<AnnualReceiptsJob> logger)
{
    public async Task<int> RunAsync(int year, int issuedById, bool email, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var officer = await db.PortalUsers.Where(u => u.ConstituentId == issuedById).Select(u => new { u.DisplayName, u.Roles }).SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"No portal user for constituent {issuedById}; nothing receipted.");
        var scope = UserScope.Of(issuedById, officer.DisplayName, officer.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var run = await receipts.IssueAnnualSummariesAsync(scope, year, email, ct);
        logger.LogInformation("Year-end receipts for {Year}: {Issued} issued, {Refused} refused, {Emailed} e-mailed", year, run.Issued, run.Refused, run.Emailed);
        // Start sending now rather than at the dispatcher's next tick, for one run's budget: the minutely dispatcher
        // sends the rest, so this job does not hold a worker that a person's "Send now" may be waiting for.
        if (run.Emailed > 0) await dispatcher.DispatchPendingAsync(ct);
        return run.Issued;
    }
}
