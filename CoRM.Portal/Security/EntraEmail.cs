using System.Security.Claims;

namespace CoRM.Portal.Security;

/// <summary>
/// The e-mail address a first Entra sign-in may be linked by, or null. An e-mail claim is only what the account says
/// about itself: a guest (B2B) account's address, or any address whose domain the tenant has not verified, could name
/// someone else's CoRM account. So a guest is never linked by e-mail (only by an invitation code), and a member only
/// by an address Entra marks as verified for the tenant (the <c>xms_edov</c> optional claim, or <c>email_verified</c>),
/// else by their user principal name, which always lies in one of the tenant's verified domains.
/// </summary>
public static class EntraEmail
{
    public static string? VerifiedOf(ClaimsPrincipal principal)
    {
        if (IsGuest(principal)) return null;
        var email = principal.FindFirst("email")?.Value;
        if (!string.IsNullOrWhiteSpace(email) && (IsTrue(principal, "xms_edov") || IsTrue(principal, "email_verified"))) return email;
        var upn = principal.FindFirst("upn")?.Value ?? principal.FindFirst("preferred_username")?.Value;
        return string.IsNullOrWhiteSpace(upn) || !upn.Contains('@') || upn.Contains("#EXT#", StringComparison.OrdinalIgnoreCase) ? null : upn;
    }

    /// <summary>A guest: the <c>acct</c> claim says 1, or the user signed in at another identity provider than the tenant.</summary>
    public static bool IsGuest(ClaimsPrincipal principal)
    {
        if (principal.FindFirst("acct")?.Value == "1") return true;
        var idp = principal.FindFirst("idp")?.Value ?? principal.FindFirst("http://schemas.microsoft.com/identity/claims/identityprovider")?.Value;
        var issuer = principal.FindFirst("iss")?.Value;
        return idp is not null && !string.Equals(idp, issuer, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsTrue(ClaimsPrincipal principal, string type) =>
        principal.FindFirst(type)?.Value is { } v && (v == "1" || v.Equals("true", StringComparison.OrdinalIgnoreCase));
}
