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
            await using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            await VolunteerRecords.WriteCsvAsync(await records.BoardCandidatesAsync(user, ct), text);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(text.ToString()), "text/csv", "board-candidates.csv");
        }).RequireAuthorization(Policies.Recognition);
        app.MapGet("/volunteering/board-candidates.xlsx", async (HttpContext http, VolunteerRecords records, CancellationToken ct) =>
        {
            if (CormClaims.ScopeOf(http.User) is not { } user) return Results.Forbid();
            return Results.File(VolunteerRecords.ToExcel(await records.BoardCandidatesAsync(user, ct)),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "board-candidates.xlsx");
        }).RequireAuthorization(Policies.Recognition);
    }
}
