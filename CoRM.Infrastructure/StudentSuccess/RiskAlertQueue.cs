using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Engagement;
using CoRM.Domain.StudentSuccess;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.StudentSuccess;

public sealed record AlertRow(int Id, int StudentId, string StudentName, DateOnly RaisedOn, RiskBand FromBand, RiskBand ToBand,
    string? Reason, int? AssignedToId, string? AssignedToName, int? FollowUpId, DateTime? ResolvedAt);

/// <summary>The student-success alerts queue: rises in risk, who has them, and what became of them.</summary>
public sealed class RiskAlertQueue(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, TimeProvider time)
{
    public async Task<Page<AlertRow>> ListAsync(UserScope user, bool open, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        (pageIndex, pageSize) = Page<AlertRow>.Clamp(pageIndex, pageSize);
        if (!CohortAnalytics.MayUse(user)) return new Page<AlertRow>([], 0, pageIndex, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Query(db, open);
        var total = await query.CountAsync(ct);
        var rows = await query.Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<AlertRow>(rows, total, pageIndex, pageSize);
    }

    internal static IQueryable<AlertRow> Query(CormDbContext db, bool open) =>
        db.RiskAlerts.Where(a => open ? a.ResolvedAt == null : a.ResolvedAt != null)
            .OrderByDescending(a => a.ToBand).ThenByDescending(a => a.RaisedOn).ThenBy(a => a.Id)
            .Select(a => new AlertRow(a.Id, a.StudentId,
                db.Constituents.Where(c => c.Id == a.StudentId).Select(c => c.DisplayName).First(),
                a.RaisedOn, a.FromBand, a.ToBand,
                db.RiskAssessments.Where(r => r.Id == a.AssessmentId).Select(r => r.Factors).FirstOrDefault(),
                a.AssignedToId,
                db.Constituents.Where(c => c.Id == a.AssignedToId).Select(c => c.DisplayName).FirstOrDefault(),
                a.FollowUpId, a.ResolvedAt));

    /// <summary>Hands the alert to a member of staff: their follow-up, created or moved to them.</summary>
    public async Task<CommandResult> AssignAsync(UserScope user, int alertId, int staffId, CancellationToken ct = default)
    {
        if (!CohortAnalytics.MayUse(user)) return CommandResult.NotFound;
        return await runner.RunAsync(CommandOptions.About("alert", transaction: true), async db =>
        {
            var alert = await db.RiskAlerts.SingleOrDefaultAsync(a => a.Id == alertId, ct);
            if (alert is null) return CommandResult.NotFound;
            if (alert.ResolvedAt is not null) return CommandResult.Invalid("This alert is already resolved.");
            var staff = await db.PortalUsers.Where(u => u.ConstituentId == staffId).Select(u => u.Roles).FirstOrDefaultAsync(ct);
            if (staff is null || !staff.Split(',').Any(r => Roles.Staff.Contains(r)))
                return CommandResult.Invalid("An alert can only go to a member of staff who signs in to CoRM.");

            var today = time.Today();
            var followUp = alert.FollowUpId is { } id ? await db.FollowUps.SingleOrDefaultAsync(f => f.Id == id, ct) : null;
            if (followUp is { IsOpen: true })
            {
                if (followUp.OwnerId != staffId) followUp.Reassign(staffId);
            }
            else
            {
                followUp = FollowUp.Create(alert.StudentId, staffId, Topic.Advising, $"Dropout risk rose to {alert.ToBand}", null, today.AddDays(3), today, user.ConstituentId, time.UtcNow());
                db.FollowUps.Add(followUp);
                await db.SaveChangesAsync(ct);
                alert.FollowUpId = followUp.Id;
            }
            alert.AssignedToId = staffId;
            audit.Record(db, user, AuditAction.Update, nameof(RiskAlert), alertId, alert.StudentId, $"Assigned to {staffId}");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(alertId);
        }, ct);
    }

    public async Task<CommandResult> ResolveAsync(UserScope user, int alertId, CancellationToken ct = default)
    {
        if (!CohortAnalytics.MayUse(user)) return CommandResult.NotFound;
        return await runner.RunAsync(CommandOptions.About("alert"), async db =>
        {
            var alert = await db.RiskAlerts.SingleOrDefaultAsync(a => a.Id == alertId, ct);
            if (alert is null) return CommandResult.NotFound;
            if (alert.ResolvedAt is not null) return CommandResult.Invalid("This alert is already resolved.");
            alert.ResolvedAt = time.UtcNow();
            audit.Record(db, user, AuditAction.Update, nameof(RiskAlert), alertId, alert.StudentId, "Resolved");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(alertId);
        }, ct);
    }
}
