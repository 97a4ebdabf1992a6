using CoRM.Infrastructure.Volunteering;
using Microsoft.AspNetCore.DataProtection;

namespace CoRM.Portal.Security;

/// <summary>Volunteering downloads: the board-invitation segment as CSV and as an Excel workbook.</summary>
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

        app.MapGet("/volunteering/board-candidates.csv", async (HttpContext http, VolunteerRecords records, CancellationToken ct) =>
        {
            if (CormClaims.ScopeOf(http.User) is not { } user) return Results.Forbid();
            return Results.File(System.Text.Encoding.UTF8.GetBytes(VolunteerRecords.ToCsv(await records.BoardCandidatesAsync(user, ct))), "text/csv", "board-candidates.csv");
        }).RequireAuthorization(Policies.Recognition);
        app.MapGet("/volunteering/board-candidates.xlsx", async (HttpContext http, VolunteerRecords records, CancellationToken ct) =>
        {
            if (CormClaims.ScopeOf(http.User) is not { } user) return Results.Forbid();
            return Results.File(VolunteerRecords.ToExcel(await records.BoardCandidatesAsync(user, ct)),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "board-candidates.xlsx");
        }).RequireAuthorization(Policies.Recognition);

        // Hours per volunteer for a year, and one shift's roster: CSV or Excel by the extension.
        app.MapGet("/volunteering/hours.{format}", async (string format, int? year, HttpContext http, VolunteerRecords records, TimeProvider time, CancellationToken ct) =>
        {
            if (CormClaims.ScopeOf(http.User) is not { } user) return Results.Forbid();
            var y = year ?? time.GetUtcNow().Year;
            return Export(format, $"volunteer-hours-{y}", "Hours", VolunteerRecords.HoursHeaders, await records.HoursAsync(user, y, ct));
        }).RequireAuthorization(Policies.Volunteering);
        app.MapGet("/volunteering/shifts/{id:int}/roster.{format}", async (int id, string format, HttpContext http, VolunteerScheduling scheduling, CancellationToken ct) =>
        {
            if (CormClaims.ScopeOf(http.User) is not { } user) return Results.Forbid();
            if (await scheduling.ShiftAsync(user, id, ct) is not { } shift) return Results.NotFound();
            var rows = shift.Roster.Select(r => (IReadOnlyList<object?>)[r.Name, r.Email, r.Status.ToString(), r.WaitlistPosition, r.Hours, r.SignedUpAt]).ToList();
            return Export(format, $"roster-shift-{id}", "Roster", ["Name", "Email", "Status", "WaitlistPosition", "Hours", "SignedUpAt"], rows);
        }).RequireAuthorization(Policies.Volunteering);
    }

    private static IResult Export(string format, string name, string sheet, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<object?>> rows) => format switch
    {
        "csv" => Results.File(System.Text.Encoding.UTF8.GetBytes(Infrastructure.Common.TabularExport.ToCsv(headers, rows)), "text/csv", name + ".csv"),
        "xlsx" => Results.File(Infrastructure.Common.TabularExport.ToExcel(sheet, headers, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
        _ => Results.NotFound(),
    };
}
