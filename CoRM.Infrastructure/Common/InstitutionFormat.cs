using System.Globalization;
using CoRM.Domain;

namespace CoRM.Infrastructure.Common;

/// <summary>
/// How dates and times read in what CoRM writes to people — pages, e-mails, PDFs — in the institution's culture
/// (<c>Institution:Culture</c>: en-GB writes 08/12/2026, en-US 12/8/2026, pt-PT 08/12/2026) and one date format per
/// culture, the one its date pickers take. Logs, audit details, keys and CSV files keep ISO dates: they are read by machines.
/// </summary>
public static class InstitutionFormat
{
    public const string Setting = "Institution:Culture";

    /// <summary>Set once at start (<see cref="UseCulture"/>); en-GB until then.</summary>
    public static CultureInfo Culture { get; private set; } = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>An unknown culture stops the start with a clear message.</summary>
    public static void UseCulture(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return;
        try { Culture = CultureInfo.GetCultureInfo(name.Trim(), predefinedOnly: true); }
        catch (CultureNotFoundException) { throw new InvalidOperationException($"{Setting} '{name}' is not a known culture such as en-GB or pt-PT."); }
    }

    /// <summary>The culture's short date, with a four-digit year: 08/12/2026 (en-GB).</summary>
    public static string DatePattern(CultureInfo? culture = null)
    {
        var pattern = (culture ?? Culture).DateTimeFormat.ShortDatePattern;
        return pattern.Contains("yyyy", StringComparison.Ordinal) ? pattern : pattern.Replace("yy", "yyyy", StringComparison.Ordinal);
    }

    public static string Date(DateOnly day, CultureInfo? culture = null) => day.ToString(DatePattern(culture), culture ?? Culture);

    public static string Time(DateTime local, CultureInfo? culture = null) => local.ToString((culture ?? Culture).DateTimeFormat.ShortTimePattern, culture ?? Culture);

    /// <summary>A UTC instant as a date and time in <paramref name="zone"/>: "08/12/2026 14:00".</summary>
    public static string DateTime(DateTime utc, TimeZoneInfo zone, CultureInfo? culture = null)
    {
        var local = WallClock.ToLocal(utc, zone);
        return $"{Date(DateOnly.FromDateTime(local), culture)} {Time(local, culture)}";
    }

    /// <summary>An appointment as an e-mail gives it, its zone said: "Saturday 08/08/2026, 09:00 (Lisbon time)".</summary>
    public static string When(DateTime utc, TimeZoneInfo zone, CultureInfo? culture = null)
    {
        var c = culture ?? Culture;
        var local = WallClock.ToLocal(utc, zone);
        return $"{c.TextInfo.ToTitleCase(local.ToString("dddd", c))} {Date(DateOnly.FromDateTime(local), c)}, {Time(local, c)} ({WallClock.Name(zone)})";
    }
}
