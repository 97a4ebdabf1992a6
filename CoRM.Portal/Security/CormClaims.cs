using System.Security.Claims;
using CoRM.Domain.Access;
using CoRM.Infrastructure.Identity;

namespace CoRM.Portal.Security;

/// <summary>The claims CoRM adds at sign-in, and the user's scope read back from them.</summary>
public static class CormClaims
{
    public const string ConstituentId = "corm:constituent_id";
    public const string PortalUserId = "corm:portal_user_id";

    public static IEnumerable<Claim> For(SignedInUser user) =>
    [
        new(ClaimTypes.NameIdentifier, user.PortalUserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(PortalUserId, user.PortalUserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(ConstituentId, user.ConstituentId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(ClaimTypes.Name, user.DisplayName),
        new(ClaimTypes.Email, user.Email),
        .. user.Roles.Select(r => new Claim(ClaimTypes.Role, r)),
    ];

    /// <summary>Null for an anonymous user or one whose sign-in did not link a constituent.</summary>
    public static UserScope? ScopeOf(ClaimsPrincipal principal, string? remoteAddress = null)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        if (!int.TryParse(principal.FindFirst(ConstituentId)?.Value, out var constituentId)) return null;
        var roleType = (principal.Identity as ClaimsIdentity)?.RoleClaimType ?? ClaimTypes.Role;
        var roles = principal.Claims.Where(c => c.Type == roleType || c.Type == ClaimTypes.Role).Select(c => c.Value).Where(Roles.IsKnown).ToHashSet();
        var name = principal.FindFirst(ClaimTypes.Email)?.Value ?? principal.Identity?.Name ?? $"constituent {constituentId}";
        return new UserScope(constituentId, roles, name, remoteAddress);
    }
}
