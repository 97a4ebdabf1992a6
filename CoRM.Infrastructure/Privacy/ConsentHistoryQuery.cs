using CoRM.Domain.Access;
using CoRM.Domain.Privacy;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Privacy;

public sealed record ConsentRow(ConsentKind Kind, bool Given, DateTime At, string How, string Wording, string Purpose, string? RecordedBy);

/// <summary>A person's consent history, newest first, for the privacy office and whoever may open their record.</summary>
public sealed class ConsentHistoryQuery(IDbContextFactory<CormDbContext> dbFactory, TimeProvider time)
{
    public async Task<IReadOnlyList<ConsentRow>> ForAsync(UserScope user, int constituentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!user.HandlesPrivacy && !await ConstituentScope.VisibleTo(db, user, time).AnyAsync(c => c.Id == constituentId, ct)) return [];
        return await db.ConsentRecords.Where(c => c.ConstituentId == constituentId).OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(200)
            .Select(c => new ConsentRow(c.Kind, c.Given, c.At, c.How, c.Wording, c.Purpose,
                db.Constituents.Where(p => p.Id == c.RecordedById).Select(p => p.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);
    }
}
