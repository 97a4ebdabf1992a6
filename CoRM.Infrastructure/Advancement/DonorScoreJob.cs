using CoRM.Domain.Advancement;
using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Advancement;

/// <summary>
/// Nightly: every donor's giving summary and RFM scores, recomputed from the gifts (one grouped scan), scored against
/// the quintiles of this run's donors, and written in one transaction that replaces the previous run. Rerunning it
/// gives the same table.
/// </summary>
public sealed class DonorScoreJob(IDbContextFactory<CormDbContext> dbFactory, TimeProvider time)
{
    public const string RecurringJobId = "donor-scores";
    private const int BatchSize = 5_000;

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var today = time.Today();
        var windowStart = today.AddYears(-DonorScore.WindowYears);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lifetime = await GivingRecords.GivingTotals(db).ToListAsync(ct);
        var window = await Window(db, windowStart).ToDictionaryAsync(w => w.DonorId, ct);

        var values = lifetime.Where(t => window.ContainsKey(t.DonorId))
            .Select(t => (t.DonorId, Values: new RfmValues(today.DayNumber - t.LastGiftOn!.Value.DayNumber, window[t.DonorId].Gifts, window[t.DonorId].Total)))
            .ToList();
        var cuts = RfmCutPoints.From(values.Select(v => v.Values).ToList());
        var scores = values.ToDictionary(v => v.DonorId, v => cuts.Score(v.Values));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.DonorScores.ExecuteDeleteAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var batch in lifetime.Chunk(BatchSize))
        {
            foreach (var t in batch)
            {
                var (r, f, m) = scores.TryGetValue(t.DonorId, out var s) ? s : (0, 0, 0); // no gift in the window: unscored
                db.DonorScores.Add(new DonorScore
                {
                    ConstituentId = t.DonorId,
                    FirstGiftOn = t.FirstGiftOn,
                    LastGiftOn = t.LastGiftOn,
                    LifetimeTotal = t.Lifetime,
                    LargestGift = t.Largest,
                    WindowGifts = window.TryGetValue(t.DonorId, out var w) ? w.Gifts : 0,
                    WindowTotal = w?.Total ?? 0,
                    Recency = r,
                    Frequency = f,
                    Monetary = m,
                    ComputedOn = today,
                });
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await tx.CommitAsync(ct);
        return lifetime.Count;
    }

    internal sealed record WindowTotals(int DonorId, int Gifts, decimal Total);

    internal static IQueryable<WindowTotals> Window(CormDbContext db, DateOnly from) =>
        db.Gifts.Where(g => g.ReceivedOn >= from).GroupBy(g => g.DonorId).Select(g => new WindowTotals(g.Key, g.Count(), g.Sum(x => x.Amount)));
}
