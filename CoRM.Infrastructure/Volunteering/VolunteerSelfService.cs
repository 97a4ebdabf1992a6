using CoRM.Domain.Access;
using CoRM.Domain.Volunteering;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Volunteering;

public sealed record OpenShift(CalendarShift Shift, bool WouldWaitlist);

public sealed record MyShift(int SignUpId, CalendarShift Shift, SignUpStatus Status, int? WaitlistPosition, decimal? Hours);

/// <summary>
/// A volunteer's own page: open shifts to sign up for (waitlisted when full), their sign-ups to cancel, and their
/// shifts as an iCalendar feed. A volunteer only ever touches their own sign-ups.
/// </summary>
public sealed class VolunteerSelfService(IDbContextFactory<CormDbContext> dbFactory, VolunteerScheduling scheduling, TimeProvider time)
{
    public async Task<IReadOnlyList<OpenShift>> OpenShiftsAsync(UserScope user, int days = 28, CancellationToken ct = default)
    {
        if (!user.IsIn(Roles.Volunteer)) return [];
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.SignUps.Where(u => u.VolunteerId == user.ConstituentId && u.Status != SignUpStatus.Cancelled).Select(u => u.ShiftId);
        var shifts = await VolunteerScheduling.Project(db, db.Shifts.Where(s => s.StartsAt > now && s.StartsAt < now.AddDays(days) && s.CancelledAt == null && !mine.Contains(s.Id))
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)).ToListAsync(ct);
        return shifts.Select(s => new OpenShift(s, s.Confirmed >= s.Capacity)).ToList();
    }

    public async Task<IReadOnlyList<MyShift>> MineAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.IsIn(Roles.Volunteer)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var signUps = await db.SignUps.AsNoTracking().Where(u => u.VolunteerId == user.ConstituentId && u.Status != SignUpStatus.Cancelled).ToListAsync(ct);
        var ids = signUps.Select(u => u.ShiftId).ToList();
        var shifts = await VolunteerScheduling.Project(db, db.Shifts.Where(s => ids.Contains(s.Id))).ToDictionaryAsync(s => s.Id, ct);
        var rosters = (await db.SignUps.AsNoTracking().Where(u => ids.Contains(u.ShiftId) && u.Status == SignUpStatus.Waitlisted).ToListAsync(ct)).ToLookup(u => u.ShiftId);
        return signUps.Select(u => new MyShift(u.Id, shifts[u.ShiftId], u.Status, ShiftRoster.WaitlistPosition(u, rosters[u.ShiftId].ToList()), u.Hours))
            .OrderByDescending(m => m.Shift.StartsAt >= time.UtcNow()).ThenBy(m => m.Shift.StartsAt).ToList();
    }

    public Task<CommandResult> SignUpAsync(UserScope user, int shiftId, CancellationToken ct = default) =>
        user.IsIn(Roles.Volunteer) ? scheduling.AddToRosterAsync(user, shiftId, user.ConstituentId, waitlistIfFull: true, ct) : Task.FromResult(CommandResult.NotFound);

    public Task<CommandResult> CancelAsync(UserScope user, int signUpId, CancellationToken ct = default) =>
        user.IsIn(Roles.Volunteer) ? scheduling.CancelCoreAsync(user, signUpId, onlyVolunteer: user.ConstituentId, ct) : Task.FromResult(CommandResult.NotFound);

    /// <summary>The volunteer's confirmed and waitlisted shifts as an iCalendar document (times in UTC).</summary>
    public async Task<string> CalendarFeedAsync(int volunteerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.SignUps.Where(u => u.VolunteerId == volunteerId && (u.Status == SignUpStatus.Confirmed || u.Status == SignUpStatus.Waitlisted))
            .Join(db.Shifts.Where(s => s.CancelledAt == null), u => u.ShiftId, s => s.Id, (u, s) => new { u.Id, u.Status, s.StartsAt, s.EndsAt, s.Location, s.OpportunityId })
            .ToListAsync(ct);
        var titles = await db.Opportunities.ToDictionaryAsync(o => o.Id, o => o.Title, ct);
        var calendar = new Calendar();
        calendar.AddProperty("X-WR-CALNAME", "My volunteering (CoRM)");
        foreach (var r in rows)
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"corm-signup-{r.Id}",
                Summary = (r.Status == SignUpStatus.Waitlisted ? "(waitlist) " : "") + titles[r.OpportunityId],
                Start = new CalDateTime(r.StartsAt, "UTC"),
                End = new CalDateTime(r.EndsAt, "UTC"),
                Location = r.Location,
            });
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
