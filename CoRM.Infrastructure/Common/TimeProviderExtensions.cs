namespace CoRM.Infrastructure.Common;

internal static class TimeProviderExtensions
{
    public static DateTime UtcNow(this TimeProvider time) => time.GetUtcNow().UtcDateTime;

    /// <summary>The institution's calendar day. Kept in UTC for now; a per-institution time zone is a setting to add.</summary>
    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
