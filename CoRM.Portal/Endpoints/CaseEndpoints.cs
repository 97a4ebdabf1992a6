using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Cases;
using CoRM.Portal.Security;

namespace CoRM.Portal.Endpoints;

/// <summary>The case outcome measures as CSV: counts only, audited as an export like every download.</summary>
internal static class CaseEndpoints
{
    public static void MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cases/outcomes.csv", async (int? year, HttpContext http, CaseOutcomes outcomes, ExportLog log, TimeProvider time, CancellationToken ct) =>
        {
            var user = CormClaims.ScopeOf(http.User, http.Connection.RemoteIpAddress?.ToString());
            if (user is null) return Results.Forbid();
            var y = year ?? time.GetUtcNow().Year;
            if (!Downloads.IsReportYear(y)) return Downloads.BadYear;
            var measures = await outcomes.ForYearAsync(user, y, ct);
            if (measures is null) return Results.NotFound();
            return await Downloads.FileAsync(http, log, user, "CaseOutcomes", measures.Year, measures.Types.Count,
                System.Text.Encoding.UTF8.GetBytes(CaseOutcomes.ToCsv(measures)), Downloads.Csv, $"case-outcomes-{measures.Year}.csv", ct);
        }).RequireAuthorization(Policies.CaseMeasures);
    }
}
