using CoRM.Domain.Access;
using CoRM.Domain.Constituents;
using CoRM.Infrastructure.Persistence;

namespace CoRM.Infrastructure.Constituents;

/// <summary>
/// The constituents a user may open: everyone for directory roles, their active advisees for
/// faculty, the constituents they owe follow-ups to for case workers. Every constituent query
/// starts here, so a record outside the scope is indistinguishable from a missing one.
/// </summary>
internal static class ConstituentScope
{
    public static IQueryable<Constituent> VisibleTo(CormDbContext db, UserScope user, DateOnly today)
    {
        var all = db.Constituents.AsQueryable();
        if (user.SeesWholeDirectory) return all;

        var me = user.ConstituentId;
        var advises = user.IsIn(Roles.Faculty);
        var owesFollowUps = user.IsIn(Roles.CaseWorker);
        if (!advises && !owesFollowUps) return all.Where(c => false);

        return all.Where(c =>
            (advises && db.Relationships.Any(r => r.SubjectId == c.Id && r.RelatedId == me && r.Kind == RelationshipKind.Advisor
                                                  && r.StartDate <= today && (r.EndDate == null || r.EndDate >= today)))
            || (owesFollowUps && db.FollowUps.Any(f => f.ConstituentId == c.Id && f.OwnerId == me)));
    }
}
