using CoRM.Infrastructure.StudentSuccess;

namespace CoRM.Portal.Security;

/// <summary>File downloads for student-success staff (a page cannot stream a file to the browser over the circuit).</summary>
internal static class StudentSuccessEndpoints
{
    public static void MapStudentSuccessEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/student-success/analytics.csv", async (CohortDimension? dimension, int? termId, HttpContext http, CohortAnalytics analytics, CancellationToken ct) =>
        {
            var user = CormClaims.ScopeOf(http.User, http.Connection.RemoteIpAddress?.ToString());
            if (user is null) return Results.Forbid();
            var by = dimension ?? CohortDimension.Region;
            var rows = await analytics.ByAsync(user, by, termId, ct);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(CohortAnalytics.ToCsv(rows, by)), "text/csv", $"cohort-by-{by.ToString().ToLowerInvariant()}.csv");
        }).RequireAuthorization(Policies.StudentSuccess);
    }
}
