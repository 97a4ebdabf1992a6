using CoRM.Infrastructure.Volunteering;

namespace CoRM.Portal.Security;

/// <summary>Volunteering downloads: the board-invitation segment as CSV and as an Excel workbook.</summary>
internal static class VolunteeringEndpoints
{
    public static void MapVolunteeringEndpoints(this IEndpointRouteBuilder app)
    {
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
