using CoRM.Domain.Access;
using CoRM.Domain.Cases;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Cases;

/// <summary>
/// Who may open which case, and read which case note, as queries: every case feature starts here, so a case outside
/// the user's reach is answered exactly like a missing one, and roles outside case work never learn that a case exists.
/// </summary>
/// <summary>An active case of one client (several clients share a family's case).</summary>
public sealed record ClientCase(int ClientId, CallerCase Case);

internal static class CaseAccess
{
    /// <summary>Cases the user may open: their team's, those they broke the glass on (until it expires), every one for supervisors.</summary>
    public static IQueryable<Case> Openable(CormDbContext db, UserScope user, DateTime now)
    {
        if (!user.WorksCases) return db.Cases.Where(c => false);
        if (user.SupervisesCases) return db.Cases;
        var ids = OpenableIds(db, user, now);
        return db.Cases.Where(c => ids.Contains(c.Id));
    }

    public static IQueryable<int> OpenableIds(CormDbContext db, UserScope user, DateTime now)
    {
        if (!user.WorksCases) return db.Cases.Where(c => false).Select(c => c.Id);
        if (user.SupervisesCases) return db.Cases.Select(c => c.Id);
        var me = user.ConstituentId;
        return TeamCaseIds(db, me).Union(db.CaseAccessGrants.Where(g => g.UserId == me && g.GrantedAt <= now && g.ExpiresAt > now).Select(g => g.CaseId));
    }

    public static IQueryable<int> TeamCaseIds(CormDbContext db, int memberId) =>
        db.CaseTeamMembers.Where(m => m.MemberId == memberId && m.RemovedAt == null).Select(m => m.CaseId);

    /// <summary>Cases whose lead-and-supervisor notes the user reads.</summary>
    public static IQueryable<int> LeadOrSupervisorCaseIds(CormDbContext db, UserScope user)
    {
        if (!user.WorksCases) return db.Cases.Where(c => false).Select(c => c.Id);
        if (user.SupervisesCases) return db.Cases.Select(c => c.Id);
        var me = user.ConstituentId;
        return db.CaseTeamMembers.Where(m => m.MemberId == me && m.RemovedAt == null && (m.Role == CaseRole.Lead || m.Role == CaseRole.Supervisor))
            .Select(m => m.CaseId);
    }

    public static async Task<CaseStanding> StandingAsync(CormDbContext db, UserScope user, int caseId, DateTime now, CancellationToken ct)
    {
        if (!user.WorksCases) return CaseStanding.None;
        var me = user.ConstituentId;
        var roles = await db.CaseTeamMembers.Where(m => m.CaseId == caseId && m.MemberId == me && m.RemovedAt == null).Select(m => m.Role).ToListAsync(ct);
        var glass = await db.CaseAccessGrants.AnyAsync(g => g.CaseId == caseId && g.UserId == me && g.GrantedAt <= now && g.ExpiresAt > now, ct);
        return new CaseStanding(roles.Count > 0, roles.Any(r => r is CaseRole.Lead or CaseRole.Supervisor), glass, user.SupervisesCases, true);
    }

    /// <summary>
    /// Interactions the user may read, as far as case notes go: notes outside a case follow the topic rules alone; a case
    /// note needs case work and its sensitivity's standing. Other topics pass through unchanged.
    /// </summary>
    public static IQueryable<Interaction> ReadableNotes(CormDbContext db, IQueryable<Interaction> interactions, UserScope user, DateTime now)
    {
        if (!user.WorksCases) return interactions.Where(i => i.CaseId == null);
        if (user.SupervisesCases) return interactions;
        var openable = OpenableIds(db, user, now);
        var leading = LeadOrSupervisorCaseIds(db, user);
        return interactions.Where(i => i.CaseId == null
            || i.Sensitivity == NoteSensitivity.Standard
            || (i.Sensitivity == NoteSensitivity.CaseTeam && openable.Contains(i.CaseId.Value))
            || (i.Sensitivity == NoteSensitivity.LeadAndSupervisors && leading.Contains(i.CaseId.Value)));
    }

    /// <summary>Follow-ups the user may see, as far as case tasks go: a case's tasks are for those who may open the case (and their owner).</summary>
    public static IQueryable<FollowUp> ReadableTasks(CormDbContext db, IQueryable<FollowUp> followUps, UserScope user, DateTime now)
    {
        if (!user.WorksCases) return followUps.Where(f => f.CaseId == null || f.OwnerId == user.ConstituentId);
        if (user.SupervisesCases) return followUps;
        var openable = OpenableIds(db, user, now);
        return followUps.Where(f => f.CaseId == null || f.OwnerId == user.ConstituentId || openable.Contains(f.CaseId.Value));
    }

    /// <summary>
    /// The active cases of some people, for case workers: reference, type, status, lead, and whether this user may open
    /// each (otherwise break-glass). Callers check that the user works cases; everyone else never learns a case exists.
    /// </summary>
    public static IQueryable<ClientCase> ActiveCasesOf(CormDbContext db, UserScope user, IReadOnlyCollection<int> clientIds, DateTime now)
    {
        var openable = OpenableIds(db, user, now);
        return db.CaseClients.Where(cc => clientIds.Contains(cc.ConstituentId))
            .Join(db.Cases.Where(Case.Active), cc => cc.CaseId, c => c.Id, (cc, c) => new ClientCase(cc.ConstituentId, new CallerCase(
                c.Id, c.Type!.Name, c.Status,
                db.CaseTeamMembers.Where(m => m.CaseId == c.Id && m.RemovedAt == null && m.Role == CaseRole.Lead)
                    .Select(m => db.Constituents.Where(x => x.Id == m.MemberId).Select(x => x.DisplayName).FirstOrDefault()).FirstOrDefault(),
                openable.Contains(c.Id))));
    }

    /// <summary>Active flags the user sees on records they may open.</summary>
    public static IQueryable<ConstituentFlag> VisibleFlags(CormDbContext db, UserScope user, DateTime now)
    {
        var active = db.ConstituentFlags.Where(f => f.RemovedAt == null);
        if (!user.IsStaff) return active.Where(f => false);
        if (!user.WorksCases) return active.Where(f => f.Visibility == FlagVisibility.AllStaff);
        if (user.SupervisesCases) return active;
        var openable = OpenableIds(db, user, now);
        var theirClients = db.CaseClients.Where(c => openable.Contains(c.CaseId) && db.Cases.Where(Case.Active).Any(x => x.Id == c.CaseId)).Select(c => c.ConstituentId);
        return active.Where(f => f.Visibility != FlagVisibility.CaseTeam || theirClients.Contains(f.ConstituentId));
    }
}
