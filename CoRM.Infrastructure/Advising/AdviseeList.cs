using CoRM.Domain.Access;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Advising;

public sealed record AdviseeSummary(
    int Id, string DisplayName, string? Email, string? Region, DateOnly AdvisedSince,
    DateTime? LastContactAt, int OpenFollowUps, int OverdueFollowUps);

public enum AdviseeSort
{
    Name,
    LastContact,
    OpenFollowUps,
}

/// <summary>A faculty member's own advisees, with last contact and open follow-ups. Nobody else's.</summary>
public sealed class AdviseeList(IDbContextFactory<CormDbContext> dbFactory, TimeProvider time)
{
    public async Task<Page<AdviseeSummary>> MineAsync(UserScope user, AdviseeSort sort, bool descending, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        (pageIndex, pageSize) = Page<AdviseeSummary>.Clamp(pageIndex, pageSize);
        if (!user.IsIn(Roles.Faculty)) return new Page<AdviseeSummary>([], 0, pageIndex, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Query(db, user.ConstituentId, time.Today(), TopicVisibility.VisibleTo(user));
        var total = await query.CountAsync(ct);
        query = (sort, descending) switch
        {
            (AdviseeSort.LastContact, false) => query.OrderBy(a => a.LastContactAt).ThenBy(a => a.DisplayName),
            (AdviseeSort.LastContact, true) => query.OrderByDescending(a => a.LastContactAt).ThenBy(a => a.DisplayName),
            (AdviseeSort.OpenFollowUps, false) => query.OrderBy(a => a.OpenFollowUps).ThenBy(a => a.DisplayName),
            (AdviseeSort.OpenFollowUps, true) => query.OrderByDescending(a => a.OverdueFollowUps).ThenByDescending(a => a.OpenFollowUps).ThenBy(a => a.DisplayName),
            (_, true) => query.OrderByDescending(a => a.DisplayName),
            _ => query.OrderBy(a => a.DisplayName),
        };
        var rows = await query.Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<AdviseeSummary>(rows, total, pageIndex, pageSize);
    }

    internal static IQueryable<AdviseeSummary> Query(CormDbContext db, int advisorId, DateOnly today, IReadOnlyList<Topic> topics) =>
        db.Relationships
            .Where(r => r.RelatedId == advisorId && r.Kind == RelationshipKind.Advisor && r.StartDate <= today && (r.EndDate == null || r.EndDate >= today))
            .Select(r => new AdviseeSummary(
                r.SubjectId, r.Subject!.DisplayName, r.Subject.Email, r.Subject.Region, r.StartDate,
                db.Interactions.Where(i => i.ConstituentId == r.SubjectId && topics.Contains(i.Topic)).Max(i => (DateTime?)i.OccurredAt),
                db.FollowUps.Count(f => f.ConstituentId == r.SubjectId && f.CompletedAt == null && topics.Contains(f.Topic)),
                db.FollowUps.Count(f => f.ConstituentId == r.SubjectId && f.CompletedAt == null && f.DueOn < today && topics.Contains(f.Topic))));
}
