using CoRM.Domain;

namespace CoRM.Infrastructure.Common;

internal static class TimeProviderExtensions
{
    public static DateTime UtcNow(this TimeProvider time) => time.GetUtcNow().UtcDateTime;

    /// <summary>The institution's calendar day, in its time zone: at 23:30 in Lisbon it is still today there, whatever UTC says.</summary>
    public static DateOnly Today(this TimeProvider time) => WallClock.DayOf(time.GetUtcNow().UtcDateTime, time.LocalTimeZone);

    /// <summary>The UTC instant the institution's <paramref name="day"/> begins.</summary>
    public static DateTime StartOf(this TimeProvider time, DateOnly day) => WallClock.StartOfDay(day, time.LocalTimeZone);
}
