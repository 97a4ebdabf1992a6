using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Identity;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Identity;

/// <summary>
/// A person's own time zone, chosen in the profile menu: a coordinator working from New York, a case worker on a
/// placement abroad. Without one, they read and enter times in the institution's zone.
/// </summary>
public sealed class TimeZonePreference(IDbContextFactory<CormDbContext> dbFactory)
{
    /// <summary>The signed-in person's own zone, or null for the institution's (also when the saved id is no longer known).</summary>
    public async Task<TimeZoneInfo?> OwnZoneAsync(UserScope user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = await db.PortalUsers.Where(u => u.ConstituentId == user.ConstituentId).Select(u => u.TimeZone).FirstOrDefaultAsync(ct);
        return WallClock.Find(id);
    }

    /// <summary>Saves the person's own zone (null: the institution's). An unknown zone changes nothing and says so.</summary>
    public async Task<CommandResult> ChooseAsync(UserScope user, string? zoneId, CancellationToken ct = default)
    {
        string? id = null;
        if (!string.IsNullOrWhiteSpace(zoneId))
        {
            var zone = WallClock.Find(zoneId);
            if (zone is null || zoneId.Trim().Length > PortalUser.TimeZoneMaxLength) return CommandResult.Invalid($"'{zoneId}' is not a time zone CoRM knows.");
            id = zoneId.Trim();
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.PortalUsers.Where(u => u.ConstituentId == user.ConstituentId).ExecuteUpdateAsync(u => u.SetProperty(x => x.TimeZone, id), ct);
        return changed == 0 ? CommandResult.NotFound : CommandResult.Ok();
    }

    /// <summary>The zones to choose from: every zone this server knows by its IANA id, by name.</summary>
    public static IReadOnlyList<TimeZoneInfo> Choices { get; } =
        TimeZoneInfo.GetSystemTimeZones().Where(z => z.Id.Contains('/', StringComparison.Ordinal) && !z.Id.StartsWith("Etc/", StringComparison.Ordinal))
            .OrderBy(z => z.Id, StringComparer.Ordinal).ToList();
}
