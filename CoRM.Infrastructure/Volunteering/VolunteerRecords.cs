using ClosedXML.Excel;
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
        if (!await ConstituentScope.VisibleTo(db, user, time.Today()).AnyAsync(c => c.Id == constituentId, ct)) return null;
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

    public static async Task WriteCsvAsync(IEnumerable<RecognitionCandidate> rows, TextWriter writer)
    {
        await using var csv = new CsvHelper.CsvWriter(writer, System.Globalization.CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var header in new[] { "ConstituentId", "Name", "Email", "ShiftsAttended", "Hours", "LastShift" }) csv.WriteField(header);
        await csv.NextRecordAsync();
        foreach (var r in rows)
        {
            csv.WriteField(r.Id);
            csv.WriteField(r.Name);
            csv.WriteField(r.Email);
            csv.WriteField(r.ShiftsAttended);
            csv.WriteField(r.Hours);
            csv.WriteField(r.LastShift.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await csv.NextRecordAsync();
        }
    }

    public static byte[] ToExcel(IReadOnlyList<RecognitionCandidate> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Board candidates");
        string[] headers = ["Constituent", "Name", "E-mail", "Shifts (12 months)", "Hours", "Last shift"];
        for (var i = 0; i < headers.Length; i++) sheet.Cell(1, i + 1).Value = headers[i];
        for (var r = 0; r < rows.Count; r++)
        {
            sheet.Cell(r + 2, 1).Value = rows[r].Id;
            sheet.Cell(r + 2, 2).Value = rows[r].Name;
            sheet.Cell(r + 2, 3).Value = rows[r].Email ?? "";
            sheet.Cell(r + 2, 4).Value = rows[r].ShiftsAttended;
            sheet.Cell(r + 2, 5).Value = rows[r].Hours;
            sheet.Cell(r + 2, 6).Value = rows[r].LastShift.Date;
        }
        sheet.Row(1).Style.Font.Bold = true;
        // Fixed widths: ClosedXML's AdjustToContents needs System.Drawing (libgdiplus), which servers here lack.
        double[] widths = [12, 28, 34, 18, 10, 12];
        for (var i = 0; i < widths.Length; i++) sheet.Column(i + 1).Width = widths[i];
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
