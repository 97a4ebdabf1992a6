using CoRM.Infrastructure.Advancement;

namespace CoRM.Portal.Security;

/// <summary>Advancement downloads: a receipt as PDF, and a letter campaign's print batch.</summary>
internal static class AdvancementEndpoints
{
    public static void MapAdvancementEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/advancement/receipts/{id:int}.pdf", async (int id, HttpContext http, Receipts receipts, CancellationToken ct) =>
        {
            if (CormClaims.ScopeOf(http.User) is not { } user) return Results.Forbid();
            return await receipts.PdfAsync(user, id, ct) is { } pdf ? Results.File(pdf.Content, "application/pdf", pdf.FileName) : Results.NotFound();
        }).RequireAuthorization(Policies.Giving);

        app.MapGet("/advancement/campaigns/{id:int}/letters.pdf", async (int id, int? part, HttpContext http, AppealCampaigns campaigns, CancellationToken ct) =>
        {
            if (CormClaims.ScopeOf(http.User) is not { } user) return Results.Forbid();
            return await campaigns.LettersPdfAsync(user, id, part ?? 1, ct) is { } pdf ? Results.File(pdf.Content, "application/pdf", pdf.FileName) : Results.NotFound();
        }).RequireAuthorization(Policies.Giving);
    }
}
