using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Volunteering;
using CoRM.Portal.Security;
using Microsoft.AspNetCore.DataProtection;

namespace CoRM.Portal.Endpoints;

/// <summary>Volunteering downloads: the volunteer's calendar feed, the board-invitation segment, yearly hours and shift rosters.</summary>
internal static class VolunteeringEndpoints
{
    public const string CalendarPurpose = "CoRM.VolunteerCalendar.v1";

    /// <summary>The secret address a volunteer's calendar app subscribes to (calendar apps cannot sign in).</summary>
    public static string CalendarToken(IDataProtectionProvider protection, int constituentId) =>
        protection.CreateProtector(CalendarPurpose).Protect(constituentId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static void MapVolunteeringEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/volunteer/calendar.ics", async (string? token, IDataProtectionProvider protection, VolunteerSelfService volunteers, CancellationToken ct) =>
        {
            if (string.IsNullOrEmpty(token)) return Results.NotFound();
            int volunteerId;
            try
            {
                volunteerId = int.Parse(protection.CreateProtector(CalendarPurpose).Unprotect(token), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                return Results.NotFound(); // a forged or revoked address gets nothing, and no hint why
            }
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
