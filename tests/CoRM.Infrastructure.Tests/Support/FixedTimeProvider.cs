namespace CoRM.Infrastructure.Tests.Support;

/// <summary>A clock the test sets: "today" must not drift while a test runs or between runs. The institution is in UTC unless a test places it.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now, TimeZoneInfo? zone = null) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public TimeZoneInfo Zone { get; set; } = zone ?? TimeZoneInfo.Utc;

    public override TimeZoneInfo LocalTimeZone => Zone;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
