using System.Security.Claims;
using CoRM.Infrastructure.Families;
using CoRM.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;

namespace CoRM.Portal.Security;

/// <summary>Sign-in and sign-out endpoints (Microsoft.Identity.Web.UI is not available, and these are small).</summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");

        account.MapPost("/dev-sign-in", async ([FromForm] int personaId, [FromForm] string? returnUrl, HttpContext http,
            SignInMode mode, PortalUserDirectory users, CancellationToken ct) =>
        {
            if (!mode.DevelopmentSignInAllowed) return Results.NotFound();
            var user = await users.SignInPersonaAsync(personaId, http.Connection.RemoteIpAddress?.ToString(), ct);
            if (user is null) return Results.Redirect("/account/sign-in?error=unknown-persona");
            var identity = new ClaimsIdentity(CormClaims.For(user), CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        });

        // Redeeming a parent invitation. With Entra the code rides through the sign-in round trip and is redeemed
        // when the token arrives (AuthenticationSetup); in development the account is created and signed in here.
        account.MapPost("/join", async ([FromForm] string? code, HttpContext http, SignInMode mode, ParentInvitations invitations, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(code)) return Results.LocalRedirect("/join?error=" + Uri.EscapeDataString("Enter the code from your invitation e-mail."));
            if (mode.UsesEntra)
            {
                var properties = new AuthenticationProperties { RedirectUri = "/family" };
                properties.Items[InvitationItem] = code;
                return Results.Challenge(properties, [OpenIdConnectDefaults.AuthenticationScheme]);
            }
            if (!mode.DevelopmentSignInAllowed) return Results.NotFound();
            var joined = await invitations.RedeemAsync(code, externalObjectId: null, listAsPersona: true, http.Connection.RemoteIpAddress?.ToString(), ct);
            if (!joined.Succeeded) return Results.LocalRedirect($"/join?code={Uri.EscapeDataString(code)}&error={Uri.EscapeDataString(joined.Error!)}");
            var identity = new ClaimsIdentity(CormClaims.For(joined.User!), CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.LocalRedirect("/family");
        });

        account.MapGet("/challenge", (string? returnUrl, SignInMode mode) => mode.UsesEntra
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme])
            : Results.Redirect("/account/sign-in"));

        // A sign-out form carries an antiforgery token: without it a page on another site could sign a user out. The
        // endpoint binds no form field, so the middleware's verdict is read here rather than left to form binding.
        account.MapPost("/sign-out", async (HttpContext http, SignInMode mode, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest("This sign-out request did not come from a CoRM page.");
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (mode.UsesEntra)
                return Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/signed-out" }, [OpenIdConnectDefaults.AuthenticationScheme]);
            return Results.LocalRedirect("/account/signed-out");
        });
    }

    /// <summary>The authentication-properties key carrying an invitation code through the Entra round trip.</summary>
    internal const string InvitationItem = "corm.invitation";

    /// <summary>Only local paths: an open redirect would let a crafted link send users elsewhere after sign-in.
    /// A browser drops tabs and line breaks from a URL, so "/\t/evil.example" would become "//evil.example": any control
    /// character sends the user home.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : "/";
}
