namespace CoRM.Infrastructure.Tests.Support;

/// <summary>A clock the test sets: "today" must not drift while a test runs or between runs.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
