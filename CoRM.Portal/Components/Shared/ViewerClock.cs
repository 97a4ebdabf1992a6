using CoRM.Domain;
using CoRM.Infrastructure.Common;

namespace CoRM.Portal.Components.Shared;

/// <summary>
/// The clock a page reads and takes times in, one per circuit: the signed-in person's own time zone if they chose
/// one in the profile menu, otherwise the institution's; dates and times in the institution's culture, the format its
/// date pickers take. Times are stored in UTC; only this class turns them into wall-clock times on a page and back.
/// </summary>
public sealed class ViewerClock(TimeProvider time)
{
    private TimeZoneInfo? own;

    /// <summary>The zone times on pages are in.</summary>
    public TimeZoneInfo Zone => own ?? time.LocalTimeZone;

    public TimeZoneInfo InstitutionZone => time.LocalTimeZone;

    /// <summary>True when the person chose a zone of their own.</summary>
    public bool OwnZone => own is not null;

    /// <summary>Set as the circuit opens, from the person's saved preference.</summary>
    public void Use(TimeZoneInfo? zone) => own = zone is null || zone.Id == time.LocalTimeZone.Id ? null : zone;

    /// <summary>"Lisbon time": what a time is labelled with where it could be misread.</summary>
    public string ZoneName => WallClock.Name(Zone);

    public DateTime Now => WallClock.ToLocal(time.GetUtcNow().UtcDateTime, Zone);

    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>Today as a date picker's bound (MinDate, MaxDate).</summary>
    public DateTime TodayDate => Now.Date;

    public DateTime Local(DateTime utc) => WallClock.ToLocal(utc, Zone);

    /// <summary>The UTC instant a day and time entered on a page mean; a time the clocks skip is refused (DomainException).</summary>
    public DateTime ToUtc(DateOnly day, TimeOnly at) => WallClock.ToUtc(day, at, Zone);

    public DateTime ToUtc(DateTime day, TimeSpan at) => ToUtc(DateOnly.FromDateTime(day), TimeOnly.FromTimeSpan(at));

    /// <summary>As <see cref="ToUtc(DateOnly, TimeOnly)"/> for a form still being filled: null while a part is missing or the time does not exist.</summary>
    public DateTime? TryToUtc(DateTime? day, TimeSpan? at) =>
        day is null || at is null || Problem(day, at) is not null ? null : ToUtc(day.Value, at.Value);

    /// <summary>The UTC instant the reader's <paramref name="day"/> begins: a calendar's or a filter's bound.</summary>
    public DateTime StartOfDay(DateOnly day) => WallClock.StartOfDay(day, Zone);

    /// <summary>A picker's validation: a message when the chosen time does not exist that day (the spring change).</summary>
    public string? Problem(DateTime? day, TimeSpan? at)
    {
        if (day is null || at is null) return null;
        var local = day.Value.Date + at.Value;
        return Zone.IsInvalidTime(local) ? $"{local:HH:mm} does not exist on {Date(DateOnly.FromDateTime(local))} in {ZoneName}: the clocks go forward. Choose another time." : null;
    }

    /// <summary>The culture's date pattern, four-digit year: dd/MM/yyyy (en-GB), M/d/yyyy (en-US).</summary>
    public string DateFormat => InstitutionFormat.DatePattern();

    /// <summary>"dd/mm/yyyy": what a date field shows before anything is typed.</summary>
    public string DatePlaceholder => DateFormat.ToLowerInvariant();

    /// <summary>True where the culture reads times on a 12-hour clock (en-US): the time pickers follow.</summary>
    public bool AmPm => InstitutionFormat.Culture.DateTimeFormat.ShortTimePattern.Contains('t', StringComparison.Ordinal);

    public string Date(DateOnly? day) => day is { } d ? InstitutionFormat.Date(d) : "—";

    /// <summary>The day a UTC instant falls on where the reader is.</summary>
    public string Date(DateTime? utc) => utc is { } at ? InstitutionFormat.Date(DateOnly.FromDateTime(Local(at))) : "—";

    /// <summary>A UTC instant as a date and time where the reader is: "08/12/2026 14:00".</summary>
    public string DateTime(DateTime utc) => InstitutionFormat.DateTime(utc, Zone);

    /// <summary>As <see cref="DateTime(System.DateTime)"/>, with the zone said: "08/12/2026 14:00 (Lisbon time)".</summary>
    public string DateTimeInZone(DateTime utc) => $"{DateTime(utc)} ({ZoneName})";

    /// <summary>The time alone, where the reader is: "14:00" (en-GB), "2:00 PM" (en-US).</summary>
    public string Time(DateTime utc) => InstitutionFormat.Time(Local(utc));

    /// <summary>A day, month name and year for headings: "8 December 2026".</summary>
    public string LongDate(DateOnly day) => day.ToString("d MMMM yyyy", InstitutionFormat.Culture);

    /// <summary>Any other pattern (chart axes: "d MMM"), in the reader's zone and the institution's culture.</summary>
    public string Format(DateTime utc, string pattern) => Local(utc).ToString(pattern, InstitutionFormat.Culture);
}
