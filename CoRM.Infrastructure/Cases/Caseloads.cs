using CoRM.Domain.Access;
using CoRM.Domain.Cases;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Cases;

public sealed record CaseloadRow(int CaseId, string TypeName, string ClientName, int Clients, CaseStatus Status, CaseRole Role,
    DateOnly OpenedOn, DateOnly? NextReviewOn, DateOnly? NextTaskDue, int OpenTasks)
{
    public string Reference => Case.FormatReference(CaseId);

    /// <summary>The earlier of the next review and the next task.</summary>
    public DateOnly? NextActionOn => NextTaskDue is { } task && (NextReviewOn is null || task < NextReviewOn) ? task : NextReviewOn;

    public bool ReviewOverdueOn(DateOnly today) => NextReviewOn < today;
}

public sealed record WorkerCaseload(int WorkerId, string Name, int Leading, int Member, int Supervising, int OverdueReviews, int OverdueTasks);

/// <summary>
/// Caseloads: a worker's own active cases (overdue reviews first, then by the next action due), and for case supervisors
/// every worker's load and any worker's list.
/// </summary>
public sealed class Caseloads(IDbContextFactory<CormDbContext> dbFactory, TimeProvider time)
{
    public Task<Page<CaseloadRow>> MineAsync(UserScope user, int pageIndex, int pageSize, CancellationToken ct = default) =>
        user.WorksCases ? OfAsync(user.ConstituentId, pageIndex, pageSize, ct) : Task.FromResult(new Page<CaseloadRow>([], 0, pageIndex, pageSize));

    public Task<Page<CaseloadRow>> OfWorkerAsync(UserScope user, int workerId, int pageIndex, int pageSize, CancellationToken ct = default) =>
        user.SupervisesCases || workerId == user.ConstituentId && user.WorksCases
            ? OfAsync(workerId, pageIndex, pageSize, ct)
            : Task.FromResult(new Page<CaseloadRow>([], 0, pageIndex, pageSize));

    private async Task<Page<CaseloadRow>> OfAsync(int workerId, int pageIndex, int pageSize, CancellationToken ct)
    {
        (pageIndex, pageSize) = Page<CaseloadRow>.Clamp(pageIndex, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Caseload(db, workerId, time.Today());
        var total = await query.CountAsync(ct);
        var rows = await query.Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<CaseloadRow>(rows, total, pageIndex, pageSize);
    }

    internal static IQueryable<CaseloadRow> Caseload(CormDbContext db, int workerId, DateOnly today)
    {
        var memberships = db.CaseTeamMembers.Where(m => m.MemberId == workerId && m.RemovedAt == null);
        return db.Cases.Where(Case.Active)
            .Where(c => memberships.Any(m => m.CaseId == c.Id))
            .Select(c => new
            {
                Case = c,
                Role = memberships.Where(m => m.CaseId == c.Id).Min(m => m.Role),
                NextTask = db.FollowUps.Where(f => f.CaseId == c.Id && f.CompletedAt == null).Min(f => (DateOnly?)f.DueOn),
            })
            .Select(x => new
            {
                x.Case, x.Role, x.NextTask,
                Overdue = x.Case.NextReviewOn != null && x.Case.NextReviewOn < today,
                NextAction = x.NextTask != null && (x.Case.NextReviewOn == null || x.NextTask < x.Case.NextReviewOn) ? x.NextTask : x.Case.NextReviewOn,
            })
            .OrderByDescending(x => x.Overdue).ThenBy(x => x.NextAction == null).ThenBy(x => x.NextAction).ThenBy(x => x.Case.Id)
            .Select(x => new CaseloadRow(x.Case.Id, x.Case.Type!.Name,
                db.CaseClients.Where(cc => cc.CaseId == x.Case.Id).OrderByDescending(cc => cc.IsPrimary).ThenBy(cc => cc.Id)
                    .Select(cc => db.Constituents.Where(p => p.Id == cc.ConstituentId).Select(p => p.DisplayName).First()).First(),
                db.CaseClients.Count(cc => cc.CaseId == x.Case.Id),
                x.Case.Status, x.Role, x.Case.OpenedOn, x.Case.NextReviewOn, x.NextTask,
                db.FollowUps.Count(f => f.CaseId == x.Case.Id && f.CompletedAt == null)));
    }

    /// <summary>Every case worker's load, for case supervisors: active cases by role, overdue reviews on cases they lead, overdue case tasks they own.</summary>
    public async Task<IReadOnlyList<WorkerCaseload>> WorkersAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.SupervisesCases) return [];
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var roles = await WorkerRoles(db).ToListAsync(ct);
        var overdueReviews = await db.CaseTeamMembers.Where(m => m.RemovedAt == null && m.Role == CaseRole.Lead)
            .Join(db.Cases.Where(Case.Active).Where(c => c.NextReviewOn < today), m => m.CaseId, c => c.Id, (m, c) => m.MemberId)
            .GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var overdueTasks = await db.FollowUps.Where(f => f.CaseId != null && f.CompletedAt == null && f.DueOn < today)
            .GroupBy(f => f.OwnerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var workers = await CaseIntake.Workers(db, ct);
        return workers.Select(w =>
        {
            int Count(CaseRole role) => roles.Where(r => r.MemberId == w.ConstituentId && r.Role == role).Sum(r => r.Count);
            return new WorkerCaseload(w.ConstituentId, w.DisplayName, Count(CaseRole.Lead), Count(CaseRole.Member), Count(CaseRole.Supervisor),
                overdueReviews.GetValueOrDefault(w.ConstituentId), overdueTasks.GetValueOrDefault(w.ConstituentId));
        }).OrderByDescending(w => w.Leading + w.Member).ThenBy(w => w.Name).ToList();
    }

    internal sealed record RoleCount(int MemberId, CaseRole Role, int Count);

    internal static IQueryable<RoleCount> WorkerRoles(CormDbContext db) =>
        db.CaseTeamMembers.Where(m => m.RemovedAt == null)
            .Join(db.Cases.Where(Case.Active), m => m.CaseId, c => c.Id, (m, c) => m)
            .GroupBy(m => new { m.MemberId, m.Role }).Select(g => new RoleCount(g.Key.MemberId, g.Key.Role, g.Count()));
}
