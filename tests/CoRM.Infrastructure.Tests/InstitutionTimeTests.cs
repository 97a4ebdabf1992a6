using System.Globalization;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Tests.Support;

namespace CoRM.Infrastructure.Tests;

/// <summary>The institution's day and the times its e-mails give, in its zone and culture, on daylight-saving days.</summary>
public class InstitutionTimeTests
{
    private static readonly TimeZoneInfo Lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public void Today_is_the_institution_s_day_not_UTC_s()
    {
        var evening = new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 7, 2), new FixedTimeProvider(evening, Lisbon).Today());
        Assert.Equal(new DateOnly(2026, 7, 1), new FixedTimeProvider(evening, NewYork).Today());
        Assert.Equal(new DateOnly(2026, 7, 1), new FixedTimeProvider(evening).Today());
    }

    [Fact]
    public void An_e_mail_gives_the_wall_clock_time_and_says_whose()
    {
        // The same 09:00 shift in Lisbon, before and after the autumn change: 08:00 UTC, then 09:00 UTC.
        Assert.Equal("Saturday 24/10/2026, 09:00 (Lisbon time)", InstitutionFormat.When(new DateTime(2026, 10, 24, 8, 0, 0, DateTimeKind.Utc), Lisbon, EnGb));
        Assert.Equal("Sunday 25/10/2026, 09:00 (Lisbon time)", InstitutionFormat.When(new DateTime(2026, 10, 25, 9, 0, 0, DateTimeKind.Utc), Lisbon, EnGb));
        // New York's spring day: 14:00 UTC is 10:00 EDT.
        Assert.Equal("Sunday 08/03/2026, 10:00 (New York time)", InstitutionFormat.When(new DateTime(2026, 3, 8, 14, 0, 0, DateTimeKind.Utc), NewYork, EnGb));
    }

    [Theory]
    [InlineData("en-GB", "08/12/2026")]
    [InlineData("pt-PT", "08/12/2026")]
    [InlineData("en-US", "12/8/2026")]
    public void One_date_format_per_culture(string culture, string expected) =>
        Assert.Equal(expected, InstitutionFormat.Date(new DateOnly(2026, 12, 8), CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void Daily_jobs_run_at_their_hour_in_the_institution_s_zone()
    {
        var jobs = new RecordingJobs();
        Jobs.RecurringJobSchedule.Register(jobs, Lisbon);
        Assert.NotEmpty(jobs.Zones);
        Assert.All(jobs.Zones, z => Assert.Equal("Europe/Lisbon", z));
    }

    private sealed class RecordingJobs : Hangfire.IRecurringJobManager
    {
        public List<string> Zones { get; } = [];

        public void AddOrUpdate(string recurringJobId, Hangfire.Common.Job job, string cronExpression, Hangfire.RecurringJobOptions options) => Zones.Add(options.TimeZone.Id);

        public void Trigger(string recurringJobId) { }

        public void RemoveIfExists(string recurringJobId) { }
    }

    [Fact]
    public void An_engagement_period_runs_from_the_institutions_midnight_to_its_midnight()
    {
        var july = new Engagement.MissionPeriod(new DateOnly(2026, 7, 1), new DateOnly(2026, 8, 1)) { Zone = Lisbon };
        // 00:30 on 1 July in Lisbon is 23:30 UTC on 30 June: a shift starting then is July's.
        Assert.Equal(new DateTime(2026, 6, 30, 23, 0, 0, DateTimeKind.Utc), july.FromTime);
        Assert.Equal(new DateTime(2026, 7, 31, 23, 0, 0, DateTimeKind.Utc), july.ToTime);
        Assert.Equal(Lisbon, july.Previous.Zone);
        Assert.Equal(new DateTime(2026, 5, 30, 23, 0, 0, DateTimeKind.Utc), july.Previous.FromTime); // 31 May, 00:00 in Lisbon
        Assert.Equal(new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc), (july with { Zone = null }).FromTime);
    }
}
