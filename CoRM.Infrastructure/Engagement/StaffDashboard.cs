using CoRM.Domain.Access;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Engagement;

public sealed record HatCount(HatKind Kind, int Count);

public sealed record ChannelActivity(Channel Channel, int Count);

public sealed record StaffDashboardFigures(
    int OpenFollowUps, int DueToday, int Overdue, int InteractionsLoggedLast30Days,
    IReadOnlyList<HatCount> ConstituentsByHat, IReadOnlyList<ChannelActivity> MyChannelsLast30Days);

/// <summary>The figures on a staff member's home page, computed in the database.</summary>
public sealed class StaffDashboard(IDbContextFactory<CormDbContext> dbFactory, TimeProvider time)
{
    public async Task<StaffDashboardFigures?> ForAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.IsStaff) return null;
        var today = time.Today();
        var since = time.UtcNow().AddDays(-30);
        var me = user.ConstituentId;
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var open = await db.FollowUps.Where(f => f.OwnerId == me && f.CompletedAt == null)
            .GroupBy(_ => 1)
            .Select(g => new { Open = g.Count(), DueToday = g.Count(f => f.DueOn == today), Overdue = g.Count(f => f.DueOn < today) })
            .SingleOrDefaultAsync(ct);
        var myChannels = await db.Interactions.Where(i => i.RecordedById == me && i.OccurredAt >= since)
            .GroupBy(i => i.Channel).Select(g => new ChannelActivity(g.Key, g.Count())).ToListAsync(ct);
        var byHat = user.SeesWholeDirectory ? await HatCounts(db, today).ToListAsync(ct) : [];

        return new StaffDashboardFigures(open?.Open ?? 0, open?.DueToday ?? 0, open?.Overdue ?? 0, myChannels.Sum(c => c.Count),
            byHat.OrderBy(h => h.Kind).ToList(), myChannels.OrderByDescending(c => c.Count).ToList());
    }

    internal static IQueryable<HatCount> HatCounts(CormDbContext db, DateOnly today) =>
        db.Hats.Where(Hat.ActiveOn(today))
            .GroupBy(h => h.Kind).Select(g => new HatCount(g.Key, g.Count()));
}
