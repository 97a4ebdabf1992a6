using System.Security.Claims;
using CoRM.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;

namespace CoRM.Portal.Security;

internal static class AuthenticationSetup
{
    /// <summary>
    /// Entra ID through Microsoft.Identity.Web when "AzureAd:ClientId" is set; otherwise a cookie
    /// with the development persona sign-in (allowed in Development, or when explicitly enabled).
    /// </summary>
    public static void AddCormAuthentication(this WebApplicationBuilder builder)
    {
        var azureAd = builder.Configuration.GetSection("AzureAd");
        var usesEntra = !string.IsNullOrWhiteSpace(azureAd["ClientId"]);
        var devAllowed = !usesEntra && (builder.Environment.IsDevelopment() || builder.Configuration.GetValue<bool>($"{DevelopmentSignInOptions.Section}:Enabled"));
        var mode = new SignInMode(usesEntra, devAllowed);
        builder.Services.AddSingleton(mode);

        if (usesEntra)
        {
            builder.Services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApp(azureAd);
            builder.Services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                options.TokenValidationParameters.RoleClaimType = "roles";
                var previous = options.Events.OnTokenValidated;
                options.Events.OnTokenValidated = async context =>
                {
                    await previous(context);
                    await LinkToConstituentAsync(context);
                };
            });
            builder.Services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.AccessDeniedPath = "/account/access-denied";
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        }
        else
        {
            builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                .AddCookie(o =>
                {
                    o.LoginPath = mode.SignInPath;
                    o.AccessDeniedPath = "/account/access-denied";
                    o.Cookie.Name = "corm.auth";
                    o.Cookie.HttpOnly = true;
                    o.Cookie.SameSite = SameSiteMode.Lax;
                    // Secure whenever the request is HTTPS (behind TLS in production); plain HTTP only on a developer's machine.
                    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    o.SlidingExpiration = true;
                    o.ExpireTimeSpan = TimeSpan.FromHours(8);
                });
        }
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddCascadingAuthenticationState();
    }

    /// <summary>Links the Entra user to their constituent (object id, else verified invitation e-mail) and adds CoRM's claims.</summary>
    private static async Task LinkToConstituentAsync(Microsoft.AspNetCore.Authentication.OpenIdConnect.TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var identity = (ClaimsIdentity)principal.Identity!;
        var objectId = principal.GetObjectId();
        if (objectId is null)
        {
            context.Fail("The sign-in token carries no object id.");
            return;
        }
        var roles = principal.Claims.Where(c => c.Type is "roles" or ClaimTypes.Role).Select(c => c.Value).ToList();
        var email = EntraEmail.VerifiedOf(principal);
        var users = context.HttpContext.RequestServices.GetRequiredService<PortalUserDirectory>();
        var remote = context.HttpContext.Connection.RemoteIpAddress?.ToString();
        var user = await users.LinkEntraUserAsync(objectId, email, roles, remote, context.HttpContext.RequestAborted);
        if (user is null && context.Properties?.Items.TryGetValue(AccountEndpoints.InvitationItem, out var code) == true && code is not null)
        {
            // A parent redeeming an invitation on their first sign-in: the code, not the e-mail claim, links the account.
            var joined = await context.HttpContext.RequestServices.GetRequiredService<CoRM.Infrastructure.Families.ParentInvitations>()
                .RedeemAsync(code, objectId, listAsPersona: false, remote, context.HttpContext.RequestAborted);
            if (!joined.Succeeded)
            {
                context.Fail(joined.Error!);
                return;
            }
            user = joined.User;
            foreach (var role in user!.Roles.Where(r => !principal.IsInRole(r))) identity.AddClaim(new Claim("roles", role));
        }
        if (user is null)
        {
            context.Fail("No CoRM account is linked to this sign-in. Ask the secretariat for an invitation.");
            return;
        }
        identity.AddClaims(CormClaims.For(user).Where(c => c.Type is CormClaims.ConstituentId or CormClaims.PortalUserId));
    }
}
