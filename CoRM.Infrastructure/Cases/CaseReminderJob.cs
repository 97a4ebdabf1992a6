using System.Globalization;
using System.Text;
using CoRM.Domain.Cases;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Cases;

/// <summary>
/// Daily: each case lead hears once about every review and case task that became overdue on their active cases. The
/// e-mail and the "reminded" marks are saved in one transaction, so a rerun or a second instance never reminds twice,
/// and a failure reminds nobody and is retried. The e-mail names the case reference and the item, never notes or flags.
/// </summary>
public sealed class CaseReminderJob(IDbContextFactory<CormDbContext> dbFactory, OutboxDispatcher dispatcher, IOptions<EmailOptions> options, TimeProvider time)
{
    public const string RecurringJobId = "case-reminders";

    public sealed record Summary(int Leads, int Reviews, int Tasks);

    public async Task<Summary> RunAsync(CancellationToken ct = default)
    {
        var today = time.Today();
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var leads = db.CaseTeamMembers.Where(m => m.RemovedAt == null && m.Role == CaseRole.Lead);
        var reviews = await db.CaseReviews.AsNoTracking().Where(r => r.CompletedAt == null && r.LeadRemindedAt == null && r.DueOn < today)
            .Join(db.Cases.Where(Case.Active), r => r.CaseId, c => c.Id, (r, c) => new { Review = r, c.Id, TypeName = c.Type!.Name })
            .Join(leads, x => x.Id, m => m.CaseId, (x, m) => new { x.Review, x.Id, x.TypeName, LeadId = m.MemberId })
            .ToListAsync(ct);
        var tasks = await db.FollowUps.AsNoTracking().Where(f => f.CaseId != null && f.CompletedAt == null && f.LeadRemindedAt == null && f.DueOn < today)
            .Join(db.Cases.Where(Case.Active), f => f.CaseId, c => c.Id, (f, c) => new { Task = f, c.Id, TypeName = c.Type!.Name })
            .Join(leads, x => x.Id, m => m.CaseId, (x, m) => new { x.Task, x.Id, x.TypeName, LeadId = m.MemberId })
            .ToListAsync(ct);

        var summary = new Summary(0, 0, 0);
        foreach (var leadId in reviews.Select(r => r.LeadId).Concat(tasks.Select(t => t.LeadId)).Distinct().Order())
        {
            var theirReviews = reviews.Where(r => r.LeadId == leadId).ToList();
            var theirTasks = tasks.Where(t => t.LeadId == leadId).ToList();
            var baseUrl = options.Value.PortalBaseUrl.TrimEnd('/');
            var mail = await Identity.PortalUserDirectory.MailToStaffAsync(db, leadId, $"case-reminder:{leadId}:{now:yyyyMMddHHmmss}",
                $"CoRM: {theirReviews.Count + theirTasks.Count} overdue on your cases", name =>
                {
                    var text = new StringBuilder();
                    text.AppendLine(CultureInfo.InvariantCulture, $"Dear {name},");
                    text.AppendLine();
                    text.AppendLine("These became overdue on cases you lead:");
                    text.AppendLine();
                    foreach (var r in theirReviews.OrderBy(r => r.Review.DueOn))
                        text.AppendLine(CultureInfo.InvariantCulture, $"- Review of {Case.FormatReference(r.Id)} ({r.TypeName}), due {Common.InstitutionFormat.Date(r.Review.DueOn)}: {baseUrl}/cases/{r.Id}");
                    foreach (var t in theirTasks.OrderBy(t => t.Task.DueOn))
                        text.AppendLine(CultureInfo.InvariantCulture, $"- Task on {Case.FormatReference(t.Id)} ({t.TypeName}), due {Common.InstitutionFormat.Date(t.Task.DueOn)}: {baseUrl}/cases/{t.Id}");
                    text.AppendLine();
                    text.AppendLine(CultureInfo.InvariantCulture, $"Your caseload: {baseUrl}/cases");
                    return text.ToString();
                }, now, ct);
            if (mail is null) continue;

            // Claim the items and write the e-mail together: a racing run claims fewer rows than it read and steps back.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var reviewIds = theirReviews.Select(r => r.Review.Id).ToList();
            var taskIds = theirTasks.Select(t => t.Task.Id).ToList();
            var claimed = await db.CaseReviews.Where(r => reviewIds.Contains(r.Id) && r.LeadRemindedAt == null).ExecuteUpdateAsync(u => u.SetProperty(r => r.LeadRemindedAt, now), ct)
                          + await db.FollowUps.Where(f => taskIds.Contains(f.Id) && f.LeadRemindedAt == null).ExecuteUpdateAsync(u => u.SetProperty(f => f.LeadRemindedAt, now), ct);
            if (claimed != reviewIds.Count + taskIds.Count)
            {
                await tx.RollbackAsync(ct);
                continue;
            }
            db.OutboxMessages.Add(mail);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            summary = new Summary(summary.Leads + 1, summary.Reviews + theirReviews.Count, summary.Tasks + theirTasks.Count);
        }
        await dispatcher.DispatchPendingAsync(ct);
        return summary;
    }
}
