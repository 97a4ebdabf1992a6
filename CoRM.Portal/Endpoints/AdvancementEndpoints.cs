using Microsoft.AspNetCore.Mvc;
using CoRM.Infrastructure.Advancement;
using CoRM.Portal.Security;

namespace CoRM.Portal.Endpoints;

/// <summary>Advancement endpoints: opting out of appeals (e-mail link, letter code), a receipt as PDF, a letter campaign's print batch.</summary>
internal static class AdvancementEndpoints
{
    public static void MapAdvancementEndpoints(this IEndpointRouteBuilder app)
    {
        // The unsubscribe link's confirmation: a POST (mail scanners follow GET links) with the signed token.
        app.MapPost("/unsubscribe", async ([FromForm] string? token, UnsubscribeLinks links, CancellationToken ct) =>
            await links.OptOutAsync(token, ct) ? Results.LocalRedirect("/unsubscribe?done=true") : Results.LocalRedirect("/unsubscribe"));
        // The same for the short code printed on a letter: no more appeals by post.
        app.MapPost("/u", async ([FromForm] string? code, UnsubscribeLinks links, CancellationToken ct) =>
            await links.OptOutOfPostAsync(code, ct) ? Results.LocalRedirect("/u?done=true") : Results.LocalRedirect("/u"));

        app.MapGet("/advancement/receipts/{id:int}.pdf", async (int id, HttpContext http, Receipts receipts, CancellationToken ct) =>
        {
            if (CormClaims.ScopeOf(http.User, http.Connection.RemoteIpAddress?.ToString()) is not { } user) return Results.Forbid();
            return await receipts.PdfAsync(user, id, ct) is { } pdf ? Downloads.Audited(http, pdf.Content, Downloads.Pdf, pdf.FileName) : Results.NotFound();
        }).RequireAuthorization(Policies.Giving);

        app.MapGet("/advancement/campaigns/{id:int}/letters.pdf", async (int id, int? part, HttpContext http, AppealCampaigns campaigns, CancellationToken ct) =>
        {
            if (CormClaims.ScopeOf(http.User, http.Connection.RemoteIpAddress?.ToString()) is not { } user) return Results.Forbid();
            if (part is < 1 or > 10_000) return Results.BadRequest("The letter batch (part) starts at 1.");
            return await campaigns.LettersPdfAsync(user, id, part ?? 1, ct) is { } pdf ? Downloads.Audited(http, pdf.Content, Downloads.Pdf, pdf.FileName) : Results.NotFound();
        }).RequireAuthorization(Policies.Giving);
    }
}
