using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Engagement;
using CoRM.Portal.Security;

namespace CoRM.Portal.Endpoints;

/// <summary>The mission dashboard as CSV: aggregates only, audited as an export like every download.</summary>
internal static class EngagementEndpoints
{
    public static void MapEngagementEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/engagement/mission.csv", async (MissionPeriodKind? period, HttpContext http, MissionDashboard dashboard, ExportLog log, TimeProvider time, CancellationToken ct) =>
        {
            var user = CormClaims.ScopeOf(http.User, http.Connection.RemoteIpAddress?.ToString());
            if (user is null) return Results.Forbid();
            var kind = period ?? MissionPeriodKind.Last12Months;
            if (!Enum.IsDefined(kind)) return Results.BadRequest("Unknown period.");
            var view = await dashboard.GetAsync(user, MissionPeriod.Of(kind, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)), ct);
            if (view is null) return Results.NotFound();
            var (headers, rows) = MissionDashboard.ToTable(view);
            return await Downloads.TableAsync(http, log, user, "csv", $"mission-{view.Period.From:yyyy-MM-dd}", "Mission", "MissionDashboard", kind.ToString(), headers, rows, ct);
        }).RequireAuthorization(Policies.Engagement);
    }
}
