using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Volunteering;
using CoRM.Portal.Security;
using Microsoft.AspNetCore.DataProtection;

namespace CoRM.Portal.Endpoints;

/// <summary>Volunteering downloads: the volunteer's calendar feed, the board-invitation segment, yearly hours and shift rosters.</summary>
internal static class VolunteeringEndpoints
{
    public const string CalendarPurpose = "CoRM.VolunteerCalendar.v2";

    /// <summary>
    /// The secret address a volunteer's calendar app subscribes to (calendar apps cannot sign in): the feed's key,
    /// protected so it cannot be guessed from another; revoked or expired keys get nothing.
    /// </summary>
    public static string CalendarToken(IDataProtectionProvider protection, Guid key) =>
        protection.CreateProtector(CalendarPurpose).Protect(key.ToString("N"));

    public static void MapVolunteeringEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/volunteer/calendar.ics", async (string? token, HttpContext http, IDataProtectionProvider protection, CalendarFeeds feeds, VolunteerSelfService volunteers, CancellationToken ct) =>
        {
            if (string.IsNullOrEmpty(token)) return Results.NotFound();
            Guid key;
            try
            {
                if (!Guid.TryParseExact(protection.CreateProtector(CalendarPurpose).Unprotect(token), "N", out key)) return Results.NotFound();
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                return Results.NotFound(); // a forged address gets nothing, and no hint why
            }
            if (await feeds.OwnerAsync(key, http.Connection.RemoteIpAddress?.ToString(), ct) is not { } volunteerId) return Results.NotFound();
            http.Response.Headers.CacheControl = "no-store";
            return Results.Text(await volunteers.CalendarFeedAsync(volunteerId, ct), "text/calendar", System.Text.Encoding.UTF8);
        }).AllowAnonymous();

        app.MapGet("/volunteering/board-candidates.{format}", async (string format, HttpContext http, VolunteerRecords records, ExportLog log, CancellationToken ct) =>
        {
            if (CormClaims.ScopeOf(http.User, http.Connection.RemoteIpAddress?.ToString()) is not { } user) return Results.Forbid();
            var candidates = await records.BoardCandidatesAsync(user, ct);
            return format switch
            {
                "csv" => await Downloads.FileAsync(http, log, user, "BoardCandidates", "segment", candidates.Count,
                    System.Text.Encoding.UTF8.GetBytes(VolunteerRecords.ToCsv(candidates)), Downloads.Csv, "board-candidates.csv", ct),
                "xlsx" => await Downloads.FileAsync(http, log, user, "BoardCandidates", "segment", candidates.Count,
                    VolunteerRecords.ToExcel(candidates), Downloads.Excel, "board-candidates.xlsx", ct),
                _ => Results.NotFound(),
            };
        }).RequireAuthorization(Policies.Recognition);

        // Hours per volunteer for a year, and one shift's roster: CSV or Excel by the extension.
        app.MapGet("/volunteering/hours.{format}", async (string format, int? year, HttpContext http, VolunteerRecords records, ExportLog log, TimeProvider time, CancellationToken ct) =>
        {
            if (CormClaims.ScopeOf(http.User, http.Connection.RemoteIpAddress?.ToString()) is not { } user) return Results.Forbid();
            var y = year ?? time.GetUtcNow().Year;
            if (!Downloads.IsReportYear(y)) return Downloads.BadYear;
            return await Downloads.TableAsync(http, log, user, format, $"volunteer-hours-{y}", "Hours", "VolunteerHours", y, VolunteerRecords.HoursHeaders, await records.HoursAsync(user, y, ct), ct);
        }).RequireAuthorization(Policies.Volunteering);
        app.MapGet("/volunteering/shifts/{id:int}/roster.{format}", async (int id, string format, HttpContext http, VolunteerScheduling scheduling, ExportLog log, CancellationToken ct) =>
        {
            if (CormClaims.ScopeOf(http.User, http.Connection.RemoteIpAddress?.ToString()) is not { } user) return Results.Forbid();
            if (await scheduling.ShiftAsync(user, id, ct) is not { } shift) return Results.NotFound();
            var rows = shift.Roster.Select(r => (IReadOnlyList<object?>)[r.Name, r.Email, r.Status.ToString(), r.WaitlistPosition, r.Hours, r.SignedUpAt]).ToList();
            return await Downloads.TableAsync(http, log, user, format, $"roster-shift-{id}", "Roster", "ShiftRoster", id, ["Name", "Email", "Status", "WaitlistPosition", "Hours", "SignedUpAt"], rows, ct);
        }).RequireAuthorization(Policies.Volunteering);
    }
}
