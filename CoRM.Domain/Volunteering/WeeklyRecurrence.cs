namespace CoRM.Domain.Volunteering;

/// <summary>
/// A repeating shift: the same times on chosen weekdays from a first date until a last date, minus exception dates
/// (holidays, a cancelled week). Yields each occurrence's start and end in UTC. The times are wall-clock times in
/// <see cref="Zone"/> (UTC when none is given): a 09:00 shift stays at 09:00 there across a change of daylight-saving time.
/// </summary>
public sealed record WeeklyRecurrence(DateOnly From, DateOnly Until, TimeOnly StartTime, TimeOnly EndTime, IReadOnlySet<DayOfWeek> Days, IReadOnlySet<DateOnly> Exceptions,
    TimeZoneInfo? Zone = null)
{
    public const int MaxOccurrences = 366;

    public IReadOnlyList<(DateTime StartsAt, DateTime EndsAt)> Occurrences()
    {
        if (Until < From) throw new DomainException("A repeating shift must end on or after its first date.");
        if (Days.Count == 0) throw new DomainException("Choose at least one weekday for a repeating shift.");
        if (EndTime == StartTime) throw new DomainException("A shift must end after it starts.");
        var list = new List<(DateTime, DateTime)>();
        for (var day = From; day <= Until; day = day.AddDays(1))
        {
            if (!Days.Contains(day.DayOfWeek) || Exceptions.Contains(day)) continue;
            var (start, end) = Slot(day, StartTime, EndTime, Zone ?? TimeZoneInfo.Utc, strict: false);
            list.Add((start, end));
            if (list.Count > MaxOccurrences) throw new DomainException($"A series is limited to {MaxOccurrences} shifts; shorten it.");
        }
        return list;
    }

    /// <summary>
    /// One shift's start and end in UTC from a day and two wall-clock times in a zone; an end earlier than the start
    /// runs past midnight. A lone shift at a time the clocks skip is refused (strict); a series moves that week's on.
    /// </summary>
    public static (DateTime StartsAt, DateTime EndsAt) Slot(DateOnly day, TimeOnly starts, TimeOnly ends, TimeZoneInfo zone, bool strict)
    {
        var endDay = ends > starts ? day : day.AddDays(1);
        var start = strict ? WallClock.ToUtc(day, starts, zone) : WallClock.ToUtcMovingSkipped(day, starts, zone);
        var end = strict ? WallClock.ToUtc(endDay, ends, zone) : WallClock.ToUtcMovingSkipped(endDay, ends, zone);
        if (end <= start) throw new DomainException("A shift must end after it starts.");
        return (start, end);
    }
}

/// <summary>A volunteer's record as the profile shows it: hours per year, shifts worked, and how often they did not come.</summary>
public sealed record VolunteerRecord(IReadOnlyDictionary<int, decimal> HoursByYear, int ShiftsAttended, int NoShows)
{
    public double NoShowRate => ShiftsAttended + NoShows == 0 ? 0 : (double)NoShows / (ShiftsAttended + NoShows);

    public static VolunteerRecord From(IEnumerable<(SignUp SignUp, Shift Shift)> history)
    {
        var list = history.ToList();
        var attended = list.Where(x => x.SignUp.Status == SignUpStatus.Attended).ToList();
        return new VolunteerRecord(
            attended.GroupBy(x => x.Shift.StartsAt.Year).ToDictionary(g => g.Key, g => g.Sum(x => x.SignUp.Hours ?? 0)),
            attended.Count,
            list.Count(x => x.SignUp.Status == SignUpStatus.NoShow));
    }
}
