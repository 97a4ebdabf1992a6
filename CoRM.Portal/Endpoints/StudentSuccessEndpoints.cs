using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.StudentSuccess;
using CoRM.Portal.Security;

namespace CoRM.Portal.Endpoints;

/// <summary>File downloads for student-success staff (a page cannot stream a file to the browser over the circuit).</summary>
internal static class StudentSuccessEndpoints
{
    public static void MapStudentSuccessEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/student-success/analytics.csv", async (CohortDimension? dimension, int? termId, HttpContext http, CohortAnalytics analytics, ExportLog log, CancellationToken ct) =>
        {
            var user = CormClaims.ScopeOf(http.User, http.Connection.RemoteIpAddress?.ToString());
            if (user is null) return Results.Forbid();
            var by = dimension ?? CohortDimension.Region;
            if (!Enum.IsDefined(by)) return Results.BadRequest("Unknown dimension: use Region, Timing, Programme or Term.");
            var rows = await analytics.ByAsync(user, by, termId, ct);
            return await Downloads.FileAsync(http, log, user, "CohortAnalytics", by.ToString(), rows.Count,
                System.Text.Encoding.UTF8.GetBytes(CohortAnalytics.ToCsv(rows, by)), Downloads.Csv, $"cohort-by-{by.ToString().ToLowerInvariant()}.csv", ct);
        }).RequireAuthorization(Policies.StudentSuccess);
    }
}
