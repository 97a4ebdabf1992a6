namespace CoRM.Domain.Identity;

/// <summary>
/// A person who signs in to the portal, linked to their constituent record: by the Entra object id
/// once known, first matched by verified e-mail. Development personas carry their roles here;
/// with Entra the roles come from app-role claims.
/// </summary>
public class PortalUser
{
    public const int NameMaxLength = 200;

    public int Id { get; set; }
    public int ConstituentId { get; set; }
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";

    /// <summary>Entra ID object id (the 'oid' claim), set on first sign-in.</summary>
    public string? ExternalObjectId { get; set; }

    /// <summary>
    /// Comma-separated roles. Development personas sign in with these; with Entra the app-role
    /// claims decide and are copied here at each sign-in, so staff can be listed (e.g. to reassign work).
    /// </summary>
    public string Roles { get; set; } = "";

    /// <summary>Shown on the development sign-in page, e.g. "Faculty advisor with 12 advisees".</summary>
    public string? PersonaDescription { get; set; }
    public DateTime? LastSignInAt { get; set; }

    public const int TimeZoneMaxLength = 64;

    /// <summary>The time zone this person reads and enters times in (an IANA id), when not the institution's.</summary>
    public string? TimeZone { get; set; }

    public IReadOnlyList<string> RoleList =>
        Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
