using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Volunteering;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Volunteering;

/// <summary>Volunteering settings (section <c>Volunteering</c>).</summary>
public sealed class VolunteeringOptions
{
    public const string Section = "Volunteering";

    /// <summary>How long a calendar address works before the volunteer must take a new one from their page.</summary>
    [System.ComponentModel.DataAnnotations.Range(7, 3650)]
    public int CalendarFeedDays { get; set; } = 365;
}

public sealed record CalendarFeedAddress(Guid Key, DateTime IssuedAt, DateTime ExpiresAt, DateTime? FirstUsedAt);

/// <summary>
/// A volunteer's calendar addresses: one live at a time, issued on first visit, revoked or replaced by the volunteer,
/// expiring on its own. The endpoint asks <see cref="OwnerAsync"/> who a presented key belongs to.
/// </summary>
public sealed class CalendarFeeds(IDbContextFactory<CormDbContext> dbFactory, AuditTrail audit, IOptions<VolunteeringOptions> options, TimeProvider time)
{
    /// <summary>The volunteer's live address, issuing one when none is live; null for anyone who is not a volunteer.</summary>
    public async Task<CalendarFeedAddress?> CurrentAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.IsIn(Roles.Volunteer)) return null;
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var live = await db.CalendarFeeds.Where(f => f.ConstituentId == user.ConstituentId && f.RevokedAt == null && f.ExpiresAt > now)
            .OrderByDescending(f => f.IssuedAt).FirstOrDefaultAsync(ct);
        return Address(live ?? await IssueAsync(db, user, now, ct));
    }

    /// <summary>A new address; every older one stops working at once.</summary>
    public async Task<CalendarFeedAddress?> ReissueAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.IsIn(Roles.Volunteer)) return null;
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RevokeAllAsync(db, user, now, ct);
        return Address(await IssueAsync(db, user, now, ct));
    }

    /// <summary>Stops every address of the volunteer; the page offers a new one when they want it.</summary>
    public async Task<bool> RevokeAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.IsIn(Roles.Volunteer)) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var revoked = await RevokeAllAsync(db, user, time.UtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return revoked > 0;
    }

    /// <summary>
    /// The volunteer a live key belongs to, or null (unknown, revoked, expired: no hint which). Its first use is audited
    /// as an export: that is when a volunteer's shifts first left the building.
    /// </summary>
    public async Task<int?> OwnerAsync(Guid key, string? remoteAddress, CancellationToken ct = default)
    {
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.Key == key, ct);
        if (feed is null || !feed.IsLiveAt(now)) return null;
        if (feed.FirstUsedAt is null)
        {
            feed.FirstUsedAt = now;
            var calendarApp = new UserScope(feed.ConstituentId, new HashSet<string>(), "calendar feed", remoteAddress);
            audit.Record(db, calendarApp, AuditAction.Export, nameof(CalendarFeed), feed.Id, feed.ConstituentId, "first use of the calendar address");
        }
        // Last use is kept to the hour: a calendar app polls every few minutes, and each poll need not be a write.
        if (feed.LastUsedAt is null || now - feed.LastUsedAt > TimeSpan.FromHours(1)) feed.LastUsedAt = now;
        await db.SaveChangesAsync(ct);
        return feed.ConstituentId;
    }

    private async Task<CalendarFeed> IssueAsync(CormDbContext db, UserScope user, DateTime now, CancellationToken ct)
    {
        var feed = new CalendarFeed { ConstituentId = user.ConstituentId, Key = Guid.NewGuid(), IssuedAt = now, ExpiresAt = now.AddDays(options.Value.CalendarFeedDays) };
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(ct);
        return feed;
    }

    private static Task<int> RevokeAllAsync(CormDbContext db, UserScope user, DateTime now, CancellationToken ct) =>
        db.CalendarFeeds.Where(f => f.ConstituentId == user.ConstituentId && f.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.RevokedAt, now), ct);

    private static CalendarFeedAddress Address(CalendarFeed f) => new(f.Key, f.IssuedAt, f.ExpiresAt, f.FirstUsedAt);
}
