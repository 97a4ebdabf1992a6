using CoRM.Domain.Access;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Advising;

/// <summary>One advisee row. Init properties rather than a positional record, so the database can sort on them.</summary>
public sealed record AdviseeSummary
{
    public required int Id { get; init; }
    public required string DisplayName { get; init; }
    public string? Email { get; init; }
    public string? Region { get; init; }
    public required DateOnly AdvisedSince { get; init; }
    public DateTime? LastContactAt { get; init; }
    public required int OpenFollowUps { get; init; }
    public required int OverdueFollowUps { get; init; }
}

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
            .Select(r => new AdviseeSummary
            {
                Id = r.SubjectId,
                DisplayName = r.Subject!.DisplayName,
                Email = r.Subject.Email,
                Region = r.Subject.Region,
                AdvisedSince = r.StartDate,
                LastContactAt = db.Interactions.Where(i => i.ConstituentId == r.SubjectId && topics.Contains(i.Topic)).Max(i => (DateTime?)i.OccurredAt),
                OpenFollowUps = db.FollowUps.Count(f => f.ConstituentId == r.SubjectId && f.CompletedAt == null && topics.Contains(f.Topic)),
                OverdueFollowUps = db.FollowUps.Count(f => f.ConstituentId == r.SubjectId && f.CompletedAt == null && f.DueOn < today && topics.Contains(f.Topic)),
            });
}
