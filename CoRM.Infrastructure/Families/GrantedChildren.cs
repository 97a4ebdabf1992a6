using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Constituents;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Families;

public sealed record GrantedChild(int Id, string DisplayName, AccessGrant Grants, ConsentBasis Basis, bool IsMinor, IReadOnlyList<HatRowForFamily> Hats);

public sealed record HatRowForFamily(HatKind Kind, DateOnly StartDate);

/// <summary>
/// The children a parent may see: every family relationship of theirs, filtered through the one
/// <see cref="RecordAccessPolicy"/>. A child without a valid grant is simply not there. Every
/// disclosure is audited with its basis.
/// </summary>
public sealed class GrantedChildren(IDbContextFactory<CormDbContext> dbFactory, AuditTrail audit, TimeProvider time)
{
    public async Task<IReadOnlyList<GrantedChild>> ForAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.IsIn(Roles.Parent)) return [];
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var links = await FamilyLinks(db, user.ConstituentId).ToListAsync(ct);

        var shown = new List<GrantedChild>();
        foreach (var link in links)
        {
            var child = link.Subject!;
            var grants = RecordAccessPolicy.EffectiveGrants(link, child, today);
            if (!grants.HasFlag(AccessGrant.EnrolmentStatus)) continue;
            var basis = child.IsMinorOn(today) && !RecordAccessPolicy.ConsentIsValid(link, today) ? "minor in their care" : link.ConsentBasis.ToString();
            audit.Record(db, user, AuditAction.Read, nameof(Constituent), child.Id, $"Shown to {link.Kind.ToString().ToLowerInvariant()} under {basis}: {grants}");
            shown.Add(new GrantedChild(child.Id, child.DisplayName, grants, link.ConsentBasis, child.IsMinorOn(today),
                child.HatsActiveOn(today).Select(h => new HatRowForFamily(h.Kind, h.StartDate)).ToList()));
        }
        await db.SaveChangesAsync(ct);
        return shown;
    }

    internal static IQueryable<Relationship> FamilyLinks(CormDbContext db, int parentId) =>
        db.Relationships.AsNoTracking()
            .Where(r => r.RelatedId == parentId && (r.Kind == RelationshipKind.Parent || r.Kind == RelationshipKind.Guardian))
            .Include(r => r.Subject!).ThenInclude(c => c.Hats)
            .OrderBy(r => r.Subject!.SortName);
}
