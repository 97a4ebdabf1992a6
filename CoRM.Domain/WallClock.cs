namespace CoRM.Domain;

/// <summary>
/// Times are stored in UTC and read and entered as wall-clock times in a zone (the institution's, or a user's own).
/// This is the one place that turns one into the other, including the two days a year a wall clock jumps: a time the
/// spring change skips does not exist, and a time the autumn change repeats happens twice.
/// </summary>
public static class WallClock
{
    /// <summary>The wall-clock time in <paramref name="zone"/> at a UTC instant.</summary>
    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone), DateTimeKind.Unspecified);

    /// <summary>
    /// The UTC instant a person means by a day and a time in <paramref name="zone"/>. A time that does not exist that
    /// day (the clocks went forward over it) is refused with a message saying so; a time that happens twice (the clocks
    /// went back over it) is the first of the two, as a person living there reads it that morning.
    /// </summary>
    public static DateTime ToUtc(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
            throw new DomainException($"{time:HH\\:mm} does not exist on {day:d MMMM yyyy} in {Name(zone)}: the clocks go forward over it. Choose another time.");
        return ToUtcUnchecked(local, zone);
    }

    /// <summary>
    /// As <see cref="ToUtc(DateOnly, TimeOnly, TimeZoneInfo)"/>, but a skipped time moves on by the jump (01:30 on the
    /// spring day in Lisbon becomes 02:30), as a weekly series would keep going rather than fail one week.
    /// </summary>
    public static DateTime ToUtcMovingSkipped(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local)) local = local.Add(Jump(zone, local));
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15); // a jump the rules do not describe
        return ToUtcUnchecked(local, zone);
    }

    /// <summary>The institution's (or the reader's) calendar day at a UTC instant.</summary>
    public static DateOnly DayOf(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(ToLocal(utc, zone));

    /// <summary>The UTC instant a calendar day starts in a zone (midnight, or the first minute after a jump over it).</summary>
    public static DateTime StartOfDay(DateOnly day, TimeZoneInfo zone) => ToUtcMovingSkipped(day, TimeOnly.MinValue, zone);

    /// <summary>How a zone reads beside a time: "Lisbon time", "New York time", "UTC".</summary>
    public static string Name(TimeZoneInfo zone)
    {
        if (zone.Id is "UTC" or "Etc/UTC" or "Etc/Universal" or "Universal" or "Zulu" or "Etc/Zulu" or "Coordinated Universal Time") return "UTC";
        var id = zone.Id;
        var city = id.Contains('/', StringComparison.Ordinal) ? id[(id.LastIndexOf('/') + 1)..].Replace('_', ' ') : zone.StandardName;
        return $"{city} time";
    }

    /// <summary>A zone by its IANA id (Europe/Lisbon) or Windows id; null when the machine does not know it.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        try { return TimeZoneInfo.FindSystemTimeZoneById(id.Trim()); }
        catch (TimeZoneNotFoundException) { return null; }
        catch (InvalidTimeZoneException) { return null; }
    }

    private static DateTime ToUtcUnchecked(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsAmbiguousTime(local))
        {
            // Twice that night: take the earlier instant, under the larger (summer) offset.
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }
        return DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(local, zone), DateTimeKind.Utc);
    }

    private static TimeSpan Jump(TimeZoneInfo zone, DateTime local)
    {
        var rule = zone.GetAdjustmentRules().FirstOrDefault(r => r.DateStart <= local && local <= r.DateEnd);
        var delta = rule?.DaylightDelta ?? TimeSpan.FromHours(1);
        return delta > TimeSpan.Zero ? delta : TimeSpan.FromHours(1);
    }
}
