using CoRM.Domain.Auditing;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Privacy;
using CoRM.Portal.Security;

namespace CoRM.Portal.Endpoints;

/// <summary>The privacy office's downloads: a subject-access export (once), and the audit log as CSV.</summary>
internal static class PrivacyEndpoints
{
    public static void MapPrivacyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/privacy/exports/{id:int}.zip", async (int id, HttpContext http, PrivacyRequests requests, CancellationToken ct) =>
        {
            if (CormClaims.ScopeOf(http.User, http.Connection.RemoteIpAddress?.ToString()) is not { } user) return Results.Forbid();
            // Already downloaded, still building, or not the privacy office's to see: all "not found".
            return await requests.DownloadExportAsync(user, id, ct) is { } file ? Downloads.Audited(http, file.Content, "application/zip", file.FileName) : Results.NotFound();
        }).RequireAuthorization(Policies.Privacy);

        app.MapGet("/admin/audit.csv", async (string? type, AuditAction? action, int? subject, string? user, HttpContext http, AuditLog log, CancellationToken ct) =>
        {
            if (CormClaims.ScopeOf(http.User, http.Connection.RemoteIpAddress?.ToString()) is not { } scope) return Results.Forbid();
            if (action is { } a && !Enum.IsDefined(a)) return Results.BadRequest("Unknown action.");
            if (await log.ExportAsync(scope, new AuditFilter(type, action, subject, user), ct) is not { } export) return Results.NotFound();
            return Downloads.Audited(http, System.Text.Encoding.UTF8.GetBytes(export.Csv), Downloads.Csv, "audit-log.csv");
        }).RequireAuthorization(Policies.Privacy);
    }
}
