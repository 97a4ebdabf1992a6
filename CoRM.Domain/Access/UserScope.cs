namespace CoRM.Domain.Access;

/// <summary>
/// Who is asking: the signed-in user's own constituent record and roles. Every feature query
/// starts from it, so a record outside the scope is answered exactly like a missing one.
/// </summary>
public sealed record UserScope(int ConstituentId, IReadOnlySet<string> Roles, string UserName, string? RemoteAddress = null)
{
    public bool IsIn(string role) => Roles.Contains(role);

    public bool IsStaff => Access.Roles.Staff.Any(Roles.Contains);

    public bool IsSecretariat => Access.Roles.Secretariat.Any(Roles.Contains);

    public bool WorksGiving => Access.Roles.GivingOffice.Any(Roles.Contains);

    public bool WorksAdmissions => Access.Roles.AdmissionsOffice.Any(Roles.Contains);

    /// <summary>May search every constituent, not only their own advisees or cases.</summary>
    public bool SeesWholeDirectory => Access.Roles.Directory.Any(Roles.Contains);

    /// <summary>Reviews possible duplicates and merges records (data stewards and administrators).</summary>
    public bool StewardsData => Access.Roles.DataStewardship.Any(Roles.Contains);

    /// <summary>Imports contact files: data stewards, administrators, advancement and admissions staff.</summary>
    public bool ImportsContacts => Access.Roles.ContactImporters.Any(Roles.Contains);

    /// <summary>Works cases (case workers and supervisors): caller lookup, intake, flags.</summary>
    public bool WorksCases => Access.Roles.CaseWork.Any(Roles.Contains);

    /// <summary>Oversees every case and caseload.</summary>
    public bool SupervisesCases => IsIn(Access.Roles.CaseSupervisor);

    /// <summary>Answers data-subject requests (access, erasure), sets retention, reads the audit log.</summary>
    public bool HandlesPrivacy => Access.Roles.PrivacyOffice.Any(Roles.Contains);

    /// <summary>Records actions and reads engagement: the engagement office.</summary>
    public bool MeasuresEngagement => Access.Roles.EngagementOffice.Any(Roles.Contains);

    public static UserScope Of(int constituentId, string userName, params string[] roles) =>
        new(constituentId, roles.ToHashSet(StringComparer.Ordinal), userName);
}
