using CoRM.Domain;
using Microsoft.Extensions.Configuration;

namespace CoRM.Infrastructure.Common;

/// <summary>
/// The system clock, read in the institution's time zone (<c>Institution:TimeZone</c>, an IANA id such as
/// Europe/Lisbon; the server's own zone when unset). Every job and service takes its "today", its daily schedules and
/// the times in its e-mails from <see cref="TimeProvider.LocalTimeZone"/>, so a test can run the institution anywhere.
/// </summary>
public sealed class InstitutionClock(TimeZoneInfo zone) : TimeProvider
{
    public const string Setting = "Institution:TimeZone";

    public override TimeZoneInfo LocalTimeZone => zone;

    /// <summary>The configured zone; an unknown id stops the start with a message rather than running in the wrong zone.</summary>
    public static TimeZoneInfo ZoneFrom(IConfiguration configuration)
    {
        var id = configuration[Setting];
        if (string.IsNullOrWhiteSpace(id)) return TimeZoneInfo.Local;
        return WallClock.Find(id) ?? throw new InvalidOperationException($"{Setting} '{id}' is not a time zone this server knows, such as Europe/Lisbon or America/New_York.");
    }
}
