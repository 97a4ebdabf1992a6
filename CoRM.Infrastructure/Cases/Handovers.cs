using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Cases;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Cases;

/// <summary>What a handover moves from one worker to another.</summary>
public enum HandoverKind
{
    /// <summary>Every place on an active case team (the lead included) and the open case tasks.</summary>
    Caseload,

    /// <summary>An advisor's advisees (the advising relationship passes from today) and open advising follow-ups.</summary>
    Advisees,

    /// <summary>A gift officer's open giving follow-ups (missed instalments, pledge reminders, lapsed donors).</summary>
    Portfolio,
}

public sealed record HandoverPreview(HandoverKind Kind, int FromId, string FromName, int Records, int OpenTasks);

/// <summary>
/// When someone leaves or changes role, their whole load passes to a colleague in one audited action; the history stays
/// where it was (notes, completed tasks and former team places keep their authors and dates).
/// </summary>
public sealed class Handovers(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, TimeProvider time)
{
    /// <summary>Who may hand over each kind: case supervisors caseloads, student success advisees, advancement portfolios; administrators all.</summary>
    public static bool MayHandOver(UserScope user, HandoverKind kind) => user.IsIn(Roles.Admin) || kind switch
    {
        HandoverKind.Caseload => user.SupervisesCases,
        HandoverKind.Advisees => user.IsIn(Roles.StudentSuccess),
        HandoverKind.Portfolio => user.IsIn(Roles.Advancement),
        _ => false,
    };

    /// <summary>The role a worker needs to take over each kind.</summary>
    public static IReadOnlyList<string> TakersOf(HandoverKind kind) => kind switch
    {
        HandoverKind.Caseload => Roles.CaseWork,
        HandoverKind.Advisees => [Roles.Faculty],
        _ => [Roles.Advancement],
    };

    public async Task<IReadOnlyList<Engagement.StaffMember>> CandidatesAsync(UserScope user, HandoverKind kind, CancellationToken ct = default)
    {
        if (!MayHandOver(user, kind)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Identity.PortalUserDirectory.HoldingAsync(db, TakersOf(kind), ct);
    }

    public async Task<HandoverPreview?> PreviewAsync(UserScope user, HandoverKind kind, int fromId, CancellationToken ct = default)
    {
        if (!MayHandOver(user, kind)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = await db.Constituents.Where(c => c.Id == fromId).Select(c => c.DisplayName).SingleOrDefaultAsync(ct);
        if (name is null) return null;
        var today = time.Today();
        var records = kind switch
        {
            HandoverKind.Caseload => await CaseTeams(db, fromId).Select(m => m.CaseId).Distinct().CountAsync(ct),
            HandoverKind.Advisees => await Advising(db, fromId, today).CountAsync(ct),
            _ => 0,
        };
        return new HandoverPreview(kind, fromId, name, records, await Tasks(db, kind, fromId).CountAsync(ct));
    }

    public Task<CommandResult> HandOverAsync(UserScope user, HandoverKind kind, int fromId, int toId, CancellationToken ct = default)
    {
        if (!MayHandOver(user, kind)) return Task.FromResult(CommandResult.NotFound);
        if (fromId == toId) return Task.FromResult(CommandResult.Invalid("Hand the work to someone else."));
        return runner.RunAsync(CommandOptions.About("handover", transaction: true), async db =>
        {
            var takers = await CandidatesAsync(user, kind, ct);
            if (takers.All(t => t.ConstituentId != toId)) return CommandResult.Invalid($"The colleague taking over must hold the {string.Join(" or ", TakersOf(kind))} role.");
            var now = time.UtcNow();
            var today = time.Today();
            var moved = 0;
            if (kind == HandoverKind.Caseload)
            {
                var caseIds = await CaseTeams(db, fromId).Select(m => m.CaseId).Distinct().ToListAsync(ct);
                foreach (var found in await db.Cases.Include(c => c.Team).Include(c => c.Clients).Where(c => caseIds.Contains(c.Id)).ToListAsync(ct))
                {
                    found.Replace(fromId, toId, now);
                    db.Entry(found).State = EntityState.Modified;
                    foreach (var client in found.Clients) audit.Record(db, user, AuditAction.Update, nameof(Case), found.Id, client.ConstituentId, $"Handover: {fromId} to {toId}");
                    moved++;
                }
            }
            else if (kind == HandoverKind.Advisees)
            {
                foreach (var link in await Advising(db, fromId, today).ToListAsync(ct))
                {
                    if (link.StartDate >= today) link.RelatedId = toId;
                    else
                    {
                        link.EndDate = today.AddDays(-1);
                        db.Relationships.Add(new Relationship { SubjectId = link.SubjectId, RelatedId = toId, Kind = RelationshipKind.Advisor, StartDate = today });
                    }
                    audit.Record(db, user, AuditAction.Update, nameof(Relationship), link.Id, link.SubjectId, $"Advisor handover: {fromId} to {toId}");
                    moved++;
                }
            }
            var tasks = await Tasks(db, kind, fromId).ToListAsync(ct);
            foreach (var task in tasks) task.Reassign(toId);
            audit.Record(db, user, AuditAction.Update, "Handover", $"{kind}:{fromId}", null, $"{kind} of {fromId} to {toId}: {moved} record(s), {tasks.Count} open task(s)");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(moved + tasks.Count);
        }, ct);
    }

    private static IQueryable<CaseTeamMember> CaseTeams(CormDbContext db, int memberId) =>
        db.CaseTeamMembers.Where(m => m.MemberId == memberId && m.RemovedAt == null && db.Cases.Where(Case.Active).Any(c => c.Id == m.CaseId));

    private static IQueryable<Relationship> Advising(CormDbContext db, int advisorId, DateOnly today) =>
        ConstituentScope.ActiveAdvising(db, today).Where(r => r.RelatedId == advisorId);

    private static IQueryable<FollowUp> Tasks(CormDbContext db, HandoverKind kind, int ownerId)
    {
        var open = db.FollowUps.Where(f => f.OwnerId == ownerId && f.CompletedAt == null);
        return kind switch
        {
            HandoverKind.Caseload => open.Where(f => f.CaseId != null),
            HandoverKind.Advisees => open.Where(f => f.Topic == Topic.Advising),
            _ => open.Where(f => f.Topic == Topic.Giving),
        };
    }
}
