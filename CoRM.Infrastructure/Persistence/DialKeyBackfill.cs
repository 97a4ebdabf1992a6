using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Persistence;

/// <summary>
/// Phone numbers saved before caller lookup existed have no dial key; at start-up they get one, a batch at a time
/// (the key is computed in C#, the same way on every provider). Later saves keep it themselves.
/// </summary>
internal static class DialKeyBackfill
{
    private const int BatchSize = 2000;

    public static async Task<int> RunAsync(CormDbContext db, CancellationToken ct)
    {
        var done = 0;
        var after = 0;
        while (true)
        {
            var batch = await db.ContactPoints.Where(p => p.Id > after && p.DialKey == null && (p.Kind == ContactPointKind.Phone || p.Kind == ContactPointKind.Mobile))
                .OrderBy(p => p.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) return done;
            foreach (var point in batch) point.DialKey = ContactPoint.DialKeyOf(point.Value);
            done += await db.SaveChangesAsync(ct);
            after = batch[^1].Id;
            db.ChangeTracker.Clear();
        }
    }
}
