using System.Globalization;
using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Constituents;
using CoRM.Domain.Messaging;
using CoRM.Domain.Volunteering;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Volunteering;

public sealed record OpportunityRow(int Id, string Title, string? Location, string Skills, string CoordinatorName, int UpcomingShifts);

public sealed record CalendarShift(int Id, int OpportunityId, string Opportunity, DateTime StartsAt, DateTime EndsAt, string? Location,
    int Capacity, int MinimumStaffing, int Confirmed, int Waitlisted, DateTime? CancelledAt)
{
    public FillStatus Status => Shift.FillStatusOf(Capacity, MinimumStaffing, CancelledAt is not null, Confirmed, Waitlisted);
}

public sealed record RosterEntry(int SignUpId, int VolunteerId, string Name, string? Email, SignUpStatus Status, DateTime SignedUpAt, decimal? Hours, int? WaitlistPosition);

public sealed record ShiftDetails(CalendarShift Shift, string RequiredSkills, IReadOnlyList<RosterEntry> Roster);

public sealed record VolunteerCandidate(int Id, string Name, string Skills, string? Availability, bool Free, decimal HoursThisYear);

public sealed record CreateShiftsRequest(
    int OpportunityId, DateOnly Date, TimeOnly Starts, TimeOnly Ends, int Capacity, int MinimumStaffing, string? Location, string? RequiredSkills,
    IReadOnlySet<DayOfWeek>? RepeatOn = null, DateOnly? RepeatUntil = null, IReadOnlySet<DateOnly>? Except = null, TimeZoneInfo? Zone = null);

/// <summary>
/// The coordinator's side of volunteering: opportunities, shifts (single or weekly series), the calendar with fill
/// status, rosters, finding volunteers by skill and availability, assigning, cancelling with waitlist promotion
/// (the promoted volunteer is told by e-mail), and attendance with hours. Coordinators and administrators only.
/// </summary>
public sealed class VolunteerScheduling(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, OutboxDispatcher dispatcher, TimeProvider time)
{
    public static bool MayCoordinate(UserScope user) => user.IsIn(Roles.VolunteerCoordinator) || user.IsIn(Roles.Admin);

    public async Task<IReadOnlyList<OpportunityRow>> OpportunitiesAsync(UserScope user, CancellationToken ct = default)
    {
        if (!MayCoordinate(user)) return [];
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Opportunities.Where(o => o.Active).OrderBy(o => o.Title)
            .Select(o => new OpportunityRow(o.Id, o.Title, o.Location, o.Skills,
                db.Constituents.Where(c => c.Id == o.CoordinatorId).Select(c => c.DisplayName).First(),
                db.Shifts.Count(s => s.OpportunityId == o.Id && s.StartsAt >= now && s.CancelledAt == null)))
            .ToListAsync(ct);
    }

    public async Task<CommandResult> CreateOpportunityAsync(UserScope user, string title, string? description, string? location, string? skills, CancellationToken ct = default)
    {
        if (!MayCoordinate(user)) return CommandResult.NotFound;
        title = title.Trim();
        if (title.Length == 0) return CommandResult.Invalid("Give the opportunity a title.");
        if (title.Length > Opportunity.TitleMaxLength) return CommandResult.Invalid($"The title is limited to {Opportunity.TitleMaxLength} characters.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var opportunity = new Opportunity
        {
            Title = title,
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            Location = string.IsNullOrWhiteSpace(location) ? null : location.Trim(),
            Skills = NormaliseSkills(skills),
            CoordinatorId = user.ConstituentId,
        };
        db.Opportunities.Add(opportunity);
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(opportunity.Id);
    }

    public async Task<IReadOnlyList<CalendarShift>> CalendarAsync(UserScope user, DateTime from, DateTime to, CancellationToken ct = default)
    {
        if (!MayCoordinate(user)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Calendar(db, from, to).ToListAsync(ct);
    }

    internal static IQueryable<CalendarShift> Calendar(CormDbContext db, DateTime from, DateTime to) =>
        Project(db, db.Shifts.Where(s => s.StartsAt < to && s.EndsAt > from).OrderBy(s => s.StartsAt).ThenBy(s => s.Id));

    /// <summary>Shifts with their opportunity and roster counts; filter and order before projecting.</summary>
    internal static IQueryable<CalendarShift> Project(CormDbContext db, IQueryable<Shift> shifts) =>
        shifts.Select(s => new CalendarShift(s.Id, s.OpportunityId,
                db.Opportunities.Where(o => o.Id == s.OpportunityId).Select(o => o.Title).First(),
                s.StartsAt, s.EndsAt, s.Location, s.Capacity, s.MinimumStaffing,
                db.SignUps.Count(u => u.ShiftId == s.Id && (u.Status == SignUpStatus.Confirmed || u.Status == SignUpStatus.Attended || u.Status == SignUpStatus.NoShow)),
                db.SignUps.Count(u => u.ShiftId == s.Id && u.Status == SignUpStatus.Waitlisted),
                s.CancelledAt));

    public async Task<ShiftDetails?> ShiftAsync(UserScope user, int shiftId, CancellationToken ct = default)
    {
        if (!MayCoordinate(user)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var shift = await Project(db, db.Shifts.Where(s => s.Id == shiftId)).SingleOrDefaultAsync(ct);
        if (shift is null)
        {
            await audit.DeniedAsync(db, user, nameof(Shift), shiftId, ct);
            return null;
        }
        var skills = await db.Shifts.Where(s => s.Id == shiftId).Select(s => s.RequiredSkills).SingleAsync(ct);
        var signUps = await db.SignUps.AsNoTracking().Where(u => u.ShiftId == shiftId).ToListAsync(ct);
        var names = await db.Constituents.Where(c => signUps.Select(u => u.VolunteerId).Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => new { c.DisplayName, c.Email }, ct);
        var roster = signUps.OrderBy(u => u.Status == SignUpStatus.Cancelled).ThenBy(u => u.Status == SignUpStatus.Waitlisted).ThenBy(u => u.SignedUpAt)
            .Select(u => new RosterEntry(u.Id, u.VolunteerId, names[u.VolunteerId].DisplayName, names[u.VolunteerId].Email, u.Status, u.SignedUpAt, u.Hours,
                ShiftRoster.WaitlistPosition(u, signUps)))
            .ToList();
        return new ShiftDetails(shift, skills, roster);
    }

    /// <summary>One shift, or a weekly series of them (same times on the chosen weekdays until a date, minus exceptions).</summary>
    public async Task<CommandResult> CreateShiftsAsync(UserScope user, CreateShiftsRequest request, CancellationToken ct = default)
    {
        if (!MayCoordinate(user)) return CommandResult.NotFound;
        return await runner.RunAsync(CommandOptions.About("shift", transaction: true), async db =>
        {
            if (!await db.Opportunities.AnyAsync(o => o.Id == request.OpportunityId && o.Active, ct)) return CommandResult.NotFound;
            // The date and times are wall-clock ones where the coordinator is (the institution's zone unless they chose theirs).
            var zone = request.Zone ?? time.LocalTimeZone;
            var slots = request.RepeatOn is { Count: > 0 } days
                ? new WeeklyRecurrence(request.Date, request.RepeatUntil ?? request.Date, request.Starts, request.Ends, days, request.Except ?? new HashSet<DateOnly>(), zone).Occurrences()
                : [WeeklyRecurrence.Slot(request.Date, request.Starts, request.Ends, zone, strict: true)];
            if (slots.Count == 0) return CommandResult.Invalid("Those dates and weekdays give no shifts.");
            if (slots[0].StartsAt <= time.UtcNow()) return CommandResult.Invalid("A new shift must start in the future.");
            var shifts = slots.Select(slot => Shift.Create(request.OpportunityId, slot.StartsAt, slot.EndsAt, request.Capacity, request.MinimumStaffing,
                request.Location, NormaliseSkills(request.RequiredSkills))).ToList();
            db.Shifts.AddRange(shifts);
            await db.SaveChangesAsync(ct);
            if (shifts.Count > 1)
            {
                foreach (var shift in shifts) shift.SeriesId = shifts[0].Id;
            }
            audit.Record(db, user, AuditAction.Create, nameof(Shift), shifts[0].Id, null,
                shifts.Count > 1 ? $"Series of {shifts.Count} shifts from {shifts[0].StartsAt:u}" : $"Shift at {shifts[0].StartsAt:u}");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(shifts[0].Id);
        }, ct);
    }

    /// <summary>Volunteers (active volunteer hat) for a shift: free at that time first, then those with the shift's skills.</summary>
    public async Task<IReadOnlyList<VolunteerCandidate>> CandidatesAsync(UserScope user, int shiftId, string? skill, string? name, CancellationToken ct = default)
    {
        if (!MayCoordinate(user)) return [];
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var shift = await db.Shifts.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shiftId, ct);
        if (shift is null) return [];
        var yearStart = new DateTime(shift.StartsAt.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var worn = Hat.ActiveOn(today);
        var volunteers = db.Constituents.Where(c => db.Hats.Where(worn).Any(h => h.ConstituentId == c.Id && h.Kind == HatKind.Volunteer));
        if (!string.IsNullOrWhiteSpace(name))
        {
            volunteers = Constituents.ConstituentSearch.WithNamePrefix(volunteers, SearchText.Fold(name));
        }
        if (!string.IsNullOrWhiteSpace(skill))
        {
            // LIKE is case-insensitive for these skill words on both providers; escape the user's wildcards.
            var pattern = "%" + skill.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            volunteers = volunteers.Where(c => db.VolunteerProfiles.Any(p => p.ConstituentId == c.Id && EF.Functions.Like(p.Skills, pattern, "\\")));
        }
        var rows = await volunteers
            .Where(c => !db.SignUps.Any(u => u.ShiftId == shiftId && u.VolunteerId == c.Id && u.Status != SignUpStatus.Cancelled))
            .Select(c => new
            {
                c.Id,
                c.DisplayName,
                Skills = db.VolunteerProfiles.Where(p => p.ConstituentId == c.Id).Select(p => p.Skills).FirstOrDefault() ?? "",
                Availability = db.VolunteerProfiles.Where(p => p.ConstituentId == c.Id).Select(p => p.Availability).FirstOrDefault(),
                Busy = db.SignUps.Any(u => u.VolunteerId == c.Id && (u.Status == SignUpStatus.Confirmed || u.Status == SignUpStatus.Waitlisted)
                    && db.Shifts.Any(s => s.Id == u.ShiftId && s.StartsAt < shift.EndsAt && shift.StartsAt < s.EndsAt)),
                Hours = db.SignUps.Where(u => u.VolunteerId == c.Id && u.Status == SignUpStatus.Attended && db.Shifts.Any(s => s.Id == u.ShiftId && s.StartsAt >= yearStart))
                    .Sum(u => (decimal?)u.Hours) ?? 0,
            })
            .OrderBy(c => c.Busy).ThenBy(c => c.DisplayName).Take(50).ToListAsync(ct);
        var required = shift.RequiredSkills.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return rows.Select(r => new VolunteerCandidate(r.Id, r.DisplayName, r.Skills, r.Availability, !r.Busy, r.Hours))
            .OrderByDescending(c => c.Free).ThenByDescending(c => required.Count(s => c.Skills.Contains(s, StringComparison.OrdinalIgnoreCase))).ThenBy(c => c.Name)
            .ToList();
    }

    /// <summary>Puts a volunteer on a shift: confirmed while there is room, else waitlisted if asked; refuses clashes and over-capacity.</summary>
    public async Task<CommandResult> AssignAsync(UserScope user, int shiftId, int volunteerId, bool waitlistIfFull, CancellationToken ct = default) =>
        MayCoordinate(user) ? await AddToRosterAsync(user, shiftId, volunteerId, waitlistIfFull, ct) : CommandResult.NotFound;

    /// <summary>The roster change itself, once the caller has decided who may make it (coordinator, or the volunteer for themself).</summary>
    internal Task<CommandResult> AddToRosterAsync(UserScope user, int shiftId, int volunteerId, bool waitlistIfFull, CancellationToken ct) =>
        runner.RunAsync(CommandOptions.About("shift", transaction: true), async db =>
    {
        var shift = await db.Shifts.SingleOrDefaultAsync(s => s.Id == shiftId, ct);
        if (shift is null || !await db.Constituents.AnyAsync(c => c.Id == volunteerId, ct)) return CommandResult.NotFound;
        var roster = await db.SignUps.Where(u => u.ShiftId == shiftId).ToListAsync(ct);
        var booked = await db.SignUps.Where(u => u.VolunteerId == volunteerId && u.ShiftId != shiftId && (u.Status == SignUpStatus.Confirmed || u.Status == SignUpStatus.Waitlisted))
            .Join(db.Shifts, u => u.ShiftId, s => s.Id, (u, s) => new ShiftRoster.BookedSlot(s.Id, s.StartsAt, s.EndsAt)).ToListAsync(ct);
        var signUp = ShiftRoster.Add(shift, roster, volunteerId, booked, time.UtcNow(), waitlistIfFull);
        db.SignUps.Add(signUp);
        // Touch the shift so two coordinators filling the last place at once cannot both succeed.
        db.Entry(shift).Property(s => s.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
        audit.Record(db, user, AuditAction.Create, nameof(SignUp), signUp.Id, volunteerId, $"Shift {shiftId}: {signUp.Status}");
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(signUp.Id);
    }, ct);

    /// <summary>Cancels a sign-up; the first waitlisted volunteer takes the place and gets an e-mail saying so.</summary>
    public async Task<CommandResult> CancelSignUpAsync(UserScope user, int signUpId, CancellationToken ct = default) =>
        MayCoordinate(user) ? await CancelCoreAsync(user, signUpId, onlyVolunteer: null, ct) : CommandResult.NotFound;

    /// <summary>Cancels a sign-up (only the given volunteer's, when set) and promotes the first waitlisted volunteer.</summary>
    internal async Task<CommandResult> CancelCoreAsync(UserScope user, int signUpId, int? onlyVolunteer, CancellationToken ct)
    {
        var result = await runner.RunAsync(CommandOptions.About("sign-up"), async db =>
        {
            var signUp = await db.SignUps.SingleOrDefaultAsync(u => u.Id == signUpId && (onlyVolunteer == null || u.VolunteerId == onlyVolunteer), ct);
            if (signUp is null) return CommandResult.NotFound;
            var roster = await db.SignUps.Where(u => u.ShiftId == signUp.ShiftId).ToListAsync(ct);
            var shift = await db.Shifts.SingleAsync(s => s.Id == signUp.ShiftId, ct);
            var promoted = ShiftRoster.Cancel(roster.Single(u => u.Id == signUpId), roster, time.UtcNow());
            if (promoted is not null) await QueuePromotionNoticeAsync(db, promoted, shift, ct);
            audit.Record(db, user, AuditAction.Update, nameof(SignUp), signUpId, signUp.VolunteerId, promoted is null ? "Cancelled" : $"Cancelled; promoted sign-up {promoted.Id}");
            if (promoted is not null) audit.Record(db, user, AuditAction.Update, nameof(SignUp), promoted.Id, promoted.VolunteerId, "Promoted from the waitlist");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(promoted?.Id);
        }, ct);
        if (result.Succeeded && result.Id is not null) await dispatcher.DispatchPendingAsync(ct);
        return result;
    }

    /// <summary>Cancels a whole shift: every confirmed or waitlisted volunteer is released and told by e-mail.</summary>
    public async Task<CommandResult> CancelShiftAsync(UserScope user, int shiftId, CancellationToken ct = default)
    {
        if (!MayCoordinate(user)) return CommandResult.NotFound;
        var result = await runner.RunAsync(CommandOptions.About("shift"), async db =>
        {
            var shift = await db.Shifts.SingleOrDefaultAsync(s => s.Id == shiftId, ct);
            if (shift is null) return CommandResult.NotFound;
            var now = time.UtcNow();
            var roster = await db.SignUps.Where(u => u.ShiftId == shiftId).ToListAsync(ct);
            var released = shift.Cancel(roster, now);
            var title = await db.Opportunities.Where(o => o.Id == shift.OpportunityId).Select(o => o.Title).SingleAsync(ct);
            var ids = released.Select(u => u.VolunteerId).ToList();
            var people = await db.Constituents.Where(c => ids.Contains(c.Id)).Where(Constituent.MayBeEmailed)
                .ToDictionaryAsync(c => c.Id, c => new { c.DisplayName, c.Email }, ct);
            var when = InstitutionFormat.When(shift.StartsAt, time.LocalTimeZone);
            foreach (var signUp in released)
            {
                if (!people.TryGetValue(signUp.VolunteerId, out var person)) continue;
                db.OutboxMessages.Add(new OutboxMessage
                {
                    DedupKey = $"shift-cancelled:{signUp.Id}",
                    RecipientConstituentId = signUp.VolunteerId,
                    ToAddress = person.Email!,
                    ToName = person.DisplayName,
                    Subject = $"Cancelled: {title}, {when}",
                    CreatedAt = now,
                    TextBody = $"Hello {person.DisplayName},\n\nThe {title} shift on {when} has been cancelled. You do not need to come. Thank you for signing up.\n",
                });
            }
            audit.Record(db, user, AuditAction.Update, nameof(Shift), shiftId, null, $"Cancelled; {released.Count} volunteer(s) released");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(shiftId);
        }, ct);
        if (result.Succeeded) await dispatcher.DispatchPendingAsync(ct);
        return result;
    }

    public async Task<CommandResult> RecordAttendanceAsync(UserScope user, int signUpId, bool attended, decimal? hours, CancellationToken ct = default)
    {
        if (!MayCoordinate(user)) return CommandResult.NotFound;
        return await runner.RunAsync(CommandOptions.About("sign-up"), async db =>
        {
            var signUp = await db.SignUps.SingleOrDefaultAsync(u => u.Id == signUpId, ct);
            if (signUp is null) return CommandResult.NotFound;
            var shift = await db.Shifts.SingleAsync(s => s.Id == signUp.ShiftId, ct);
            if (shift.StartsAt > time.UtcNow()) return CommandResult.Invalid("Attendance is recorded once the shift has started.");
            if (attended) signUp.MarkAttended(shift, hours);
            else signUp.MarkNoShow();
            audit.Record(db, user, AuditAction.Update, nameof(SignUp), signUpId, signUp.VolunteerId, attended ? $"Attended {signUp.Hours} h" : "No-show");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(signUpId);
        }, ct);
    }

    private async Task QueuePromotionNoticeAsync(CormDbContext db, SignUp promoted, Shift shift, CancellationToken ct)
    {
        var volunteer = await db.Constituents.Where(c => c.Id == promoted.VolunteerId).Where(Constituent.MayBeEmailed)
            .Select(c => new { c.DisplayName, c.Email }).SingleOrDefaultAsync(ct);
        if (volunteer is null) return; // no address, or asked not to be e-mailed
        var title = await db.Opportunities.Where(o => o.Id == shift.OpportunityId).Select(o => o.Title).SingleAsync(ct);
        var when = InstitutionFormat.When(shift.StartsAt, time.LocalTimeZone);
        db.OutboxMessages.Add(new OutboxMessage
        {
            DedupKey = $"shift-promotion:{promoted.Id}",
            RecipientConstituentId = promoted.VolunteerId,
            ToAddress = volunteer.Email!,
            ToName = volunteer.DisplayName,
            Subject = $"You're confirmed: {title}, {when}",
            TextBody = $"Hello {volunteer.DisplayName},\n\nA place opened up and you are now confirmed for {title} on {when}" +
                       (shift.Location is null ? "." : $" at {shift.Location}.") + "\n\nIf you can no longer come, please tell your coordinator.\n",
            CreatedAt = time.UtcNow(),
        });
    }

    private static string NormaliseSkills(string? skills) =>
        string.Join(", ", (skills ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase));
}
