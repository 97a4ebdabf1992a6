using CoRM.Domain;
using CoRM.Domain.Volunteering;

namespace CoRM.Domain.Tests;

/// <summary>Wall-clock times on the two days a year the clocks change, in Lisbon and in New York.</summary>
public class WallClockTests
{
    private static readonly TimeZoneInfo Lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTime Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    [Fact]
    public void A_summer_and_a_winter_morning_in_Lisbon_are_different_UTC_hours()
    {
        Assert.Equal(Utc(2026, 7, 8, 8), WallClock.ToUtc(new DateOnly(2026, 7, 8), new TimeOnly(9, 0), Lisbon));
        Assert.Equal(Utc(2026, 12, 8, 9), WallClock.ToUtc(new DateOnly(2026, 12, 8), new TimeOnly(9, 0), Lisbon));
        Assert.Equal(new DateTime(2026, 7, 8, 9, 0, 0), WallClock.ToLocal(Utc(2026, 7, 8, 8), Lisbon));
    }

    [Theory]
    [InlineData("Europe/Lisbon", 2026, 3, 29, 1, 30)]   // 01:00 → 02:00
    [InlineData("America/New_York", 2026, 3, 8, 2, 30)] // 02:00 → 03:00
    public void A_time_the_spring_change_skips_is_refused_with_a_message(string zone, int y, int m, int d, int h, int min)
    {
        var error = Assert.Throws<DomainException>(() => WallClock.ToUtc(new DateOnly(y, m, d), new TimeOnly(h, min), TimeZoneInfo.FindSystemTimeZoneById(zone)));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_series_moves_a_skipped_time_on_by_the_jump()
    {
        Assert.Equal(Utc(2026, 3, 29, 1, 30), WallClock.ToUtcMovingSkipped(new DateOnly(2026, 3, 29), new TimeOnly(1, 30), Lisbon)); // 02:30 WEST
        Assert.Equal(Utc(2026, 3, 8, 7, 30), WallClock.ToUtcMovingSkipped(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), NewYork));  // 03:30 EDT
    }

    [Fact]
    public void A_time_the_autumn_change_repeats_is_the_first_of_the_two()
    {
        Assert.Equal(Utc(2026, 10, 25, 0, 30), WallClock.ToUtc(new DateOnly(2026, 10, 25), new TimeOnly(1, 30), Lisbon));  // 01:30 WEST, not WET
        Assert.Equal(Utc(2026, 11, 1, 5, 30), WallClock.ToUtc(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), NewYork));   // 01:30 EDT, not EST
    }

    [Fact]
    public void A_weekly_shift_keeps_its_wall_clock_time_across_both_changes()
    {
        var sundays = new HashSet<DayOfWeek> { DayOfWeek.Sunday };
        var spring = new WeeklyRecurrence(new DateOnly(2026, 3, 22), new DateOnly(2026, 4, 5), new TimeOnly(9, 0), new TimeOnly(12, 0), sundays, new HashSet<DateOnly>(), Lisbon).Occurrences();
        Assert.Equal([Utc(2026, 3, 22, 9), Utc(2026, 3, 29, 8), Utc(2026, 4, 5, 8)], spring.Select(s => s.StartsAt));
        Assert.All(spring, s => Assert.Equal(TimeSpan.FromHours(3), s.EndsAt - s.StartsAt));
        var autumn = new WeeklyRecurrence(new DateOnly(2026, 10, 25), new DateOnly(2026, 11, 8), new TimeOnly(9, 0), new TimeOnly(12, 0), sundays, new HashSet<DateOnly>(), NewYork).Occurrences();
        Assert.Equal([Utc(2026, 10, 25, 13), Utc(2026, 11, 1, 14), Utc(2026, 11, 8, 14)], autumn.Select(s => s.StartsAt));
    }

    [Fact]
    public void A_night_shift_over_the_autumn_change_lasts_an_hour_longer()
    {
        var (starts, ends) = WeeklyRecurrence.Slot(new DateOnly(2026, 10, 24), new TimeOnly(22, 0), new TimeOnly(6, 0), Lisbon, strict: true);
        Assert.Equal(TimeSpan.FromHours(9), ends - starts);
    }

    [Fact]
    public void A_lone_shift_at_a_skipped_time_is_refused()
    {
        Assert.Throws<DomainException>(() => WeeklyRecurrence.Slot(new DateOnly(2026, 3, 29), new TimeOnly(1, 30), new TimeOnly(3, 0), Lisbon, strict: true));
    }

    [Fact]
    public void The_day_is_the_zone_s_day()
    {
        var lateEvening = Utc(2026, 7, 1, 23, 30);
        Assert.Equal(new DateOnly(2026, 7, 2), WallClock.DayOf(lateEvening, Lisbon));
        Assert.Equal(new DateOnly(2026, 7, 1), WallClock.DayOf(lateEvening, NewYork));
        Assert.Equal(Utc(2026, 3, 29, 0), WallClock.StartOfDay(new DateOnly(2026, 3, 29), Lisbon));
    }

    [Theory]
    [InlineData("Europe/Lisbon", "Lisbon time")]
    [InlineData("America/New_York", "New York time")]
    [InlineData("Etc/UTC", "UTC")]
    public void A_zone_reads_as_its_city(string id, string name) => Assert.Equal(name, WallClock.Name(TimeZoneInfo.FindSystemTimeZoneById(id)));
}
