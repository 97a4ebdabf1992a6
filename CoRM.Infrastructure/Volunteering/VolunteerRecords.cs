using CoRM.Domain.Access;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Domain.Volunteering;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Volunteering;

public sealed record VolunteerShiftRow(int ShiftId, string Opportunity, DateTime StartsAt, SignUpStatus Status, decimal? Hours);

/// <summary>A volunteer as their profile shows them: skills, availability, hours per year, no-show rate, recent and upcoming shifts.</summary>
public sealed record VolunteerSummary(string Skills, string? Availability, VolunteerRecord Record, IReadOnlyList<VolunteerShiftRow> Upcoming, IReadOnlyList<VolunteerShiftRow> Recent);

/// <summary>A candidate for recognition (e.g. a board invitation): how often and how long they volunteered in the last 12 months.</summary>
public sealed record RecognitionCandidate(int Id, string Name, string? Email, int ShiftsAttended, decimal Hours, DateTime LastShift);

/// <summary>
/// Volunteer records for readers who may see volunteering (coordinators, advancement, student success, administrators),
/// and the ready segment "volunteered more than twice in the past 12 months", with CSV and Excel exports.
/// </summary>
public sealed class VolunteerRecords(IDbContextFactory<CormDbContext> dbFactory, TimeProvider time)
{
    public const int BoardInvitationMinimumShifts = 3;

    public async Task<VolunteerSummary?> GetAsync(UserScope user, int constituentId, CancellationToken ct = default)
    {
        if (!TopicVisibility.MayRead(user, Topic.Volunteering)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await ConstituentScope.VisibleTo(db, user, time).AnyAsync(c => c.Id == constituentId, ct)) return null;
        var profile = await db.VolunteerProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.ConstituentId == constituentId, ct);
        var history = await db.SignUps.AsNoTracking().Where(u => u.VolunteerId == constituentId)
            .Join(db.Shifts, u => u.ShiftId, s => s.Id, (u, s) => new { SignUp = u, Shift = s }).ToListAsync(ct);
        if (profile is null && history.Count == 0) return null;
        var titles = await db.Opportunities.ToDictionaryAsync(o => o.Id, o => o.Title, ct);
        var now = time.UtcNow();
        VolunteerShiftRow Row(SignUp u, Shift s) => new(s.Id, titles[s.OpportunityId], s.StartsAt, u.Status, u.Hours);
        return new VolunteerSummary(profile?.Skills ?? "", profile?.Availability, VolunteerRecord.From(history.Select(h => (h.SignUp, h.Shift))),
            history.Where(h => h.Shift.StartsAt >= now && h.SignUp.Status is SignUpStatus.Confirmed or SignUpStatus.Waitlisted).OrderBy(h => h.Shift.StartsAt).Take(10).Select(h => Row(h.SignUp, h.Shift)).ToList(),
            history.Where(h => h.Shift.StartsAt < now).OrderByDescending(h => h.Shift.StartsAt).Take(10).Select(h => Row(h.SignUp, h.Shift)).ToList());
    }

    /// <summary>Volunteers who attended more than twice in the past 12 months, most active first.</summary>
    public async Task<IReadOnlyList<RecognitionCandidate>> BoardCandidatesAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.IsIn(Roles.VolunteerCoordinator) && !user.IsIn(Roles.Advancement) && !user.IsIn(Roles.Admin)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await BoardCandidates(db, time.UtcNow()).ToListAsync(ct);
    }

    internal static IQueryable<RecognitionCandidate> BoardCandidates(CormDbContext db, DateTime now)
    {
        var since = now.AddMonths(-12);
        return db.SignUps.Where(u => u.Status == SignUpStatus.Attended)
            .Join(db.Shifts.Where(s => s.StartsAt >= since && s.StartsAt <= now), u => u.ShiftId, s => s.Id, (u, s) => new { u.VolunteerId, u.Hours, s.StartsAt })
            .GroupBy(x => x.VolunteerId)
            .Where(g => g.Count() >= BoardInvitationMinimumShifts)
            .Select(g => new { g.Key, Shifts = g.Count(), Hours = g.Sum(x => x.Hours) ?? 0, Last = g.Max(x => x.StartsAt) })
            .Join(db.Constituents, g => g.Key, c => c.Id, (g, c) => new { g, c })
            .OrderByDescending(x => x.g.Shifts).ThenByDescending(x => x.g.Hours).ThenBy(x => x.c.SortName)
            .Select(x => new RecognitionCandidate(x.c.Id, x.c.DisplayName, x.c.DoNotContact ? null : x.c.Email, x.g.Shifts, x.g.Hours, x.g.Last));
    }

    private static readonly string[] CandidateHeaders = ["ConstituentId", "Name", "Email", "ShiftsAttended", "Hours", "LastShift"];

    private static IEnumerable<IReadOnlyList<object?>> CandidateRows(IEnumerable<RecognitionCandidate> rows) =>
        rows.Select(r => (IReadOnlyList<object?>)[r.Id, r.Name, r.Email, r.ShiftsAttended, r.Hours, DateOnly.FromDateTime(r.LastShift)]);

    public static string ToCsv(IEnumerable<RecognitionCandidate> rows) => TabularExport.ToCsv(CandidateHeaders, CandidateRows(rows));

    public static byte[] ToExcel(IReadOnlyList<RecognitionCandidate> rows) => TabularExport.ToExcel("Board candidates", CandidateHeaders, CandidateRows(rows));

    /// <summary>Hours and shifts per volunteer for a year, for the annual report and recognition.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<object?>>> HoursAsync(UserScope user, int year, CancellationToken ct = default)
    {
        if (!VolunteerScheduling.MayCoordinate(user)) return [];
        var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = from.AddYears(1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.SignUps.Where(u => u.Status == SignUpStatus.Attended || u.Status == SignUpStatus.NoShow)
            .Join(db.Shifts.Where(s => s.StartsAt >= from && s.StartsAt < to), u => u.ShiftId, s => s.Id, (u, s) => u)
            .GroupBy(u => u.VolunteerId)
            .Select(g => new { g.Key, Attended = g.Count(u => u.Status == SignUpStatus.Attended), NoShows = g.Count(u => u.Status == SignUpStatus.NoShow), Hours = g.Sum(u => u.Hours) ?? 0 })
            .Join(db.Constituents, g => g.Key, c => c.Id, (g, c) => new { g.Key, c.DisplayName, c.SortName, g.Attended, g.NoShows, g.Hours })
            .OrderBy(x => x.SortName).ToListAsync(ct);
        return rows.Select(r => (IReadOnlyList<object?>)[r.Key, r.DisplayName, year, r.Attended, r.NoShows, r.Hours]).ToList();
    }

    public static readonly string[] HoursHeaders = ["ConstituentId", "Name", "Year", "ShiftsAttended", "NoShows", "Hours"];
}
