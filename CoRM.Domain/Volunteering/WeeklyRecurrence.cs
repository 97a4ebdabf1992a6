namespace CoRM.Domain.Volunteering;

/// <summary>
/// A repeating shift: the same times on chosen weekdays from a first date until a last date, minus exception dates
/// (holidays, a cancelled week). Yields each occurrence's start and end.
/// </summary>
public sealed record WeeklyRecurrence(DateOnly From, DateOnly Until, TimeOnly StartTime, TimeOnly EndTime, IReadOnlySet<DayOfWeek> Days, IReadOnlySet<DateOnly> Exceptions)
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
            var start = day.ToDateTime(StartTime, DateTimeKind.Utc);
            // An end time earlier than the start means the shift runs past midnight.
            var end = (EndTime > StartTime ? day : day.AddDays(1)).ToDateTime(EndTime, DateTimeKind.Utc);
            list.Add((start, end));
            if (list.Count > MaxOccurrences) throw new DomainException($"A series is limited to {MaxOccurrences} shifts; shorten it.");
        }
        return list;
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
