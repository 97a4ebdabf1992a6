namespace CoRM.Domain.Access;

/// <summary>Application roles, spelled as the Entra app-role values.</summary>
public static class Roles
{
    public const string Faculty = "Faculty";
    public const string Parent = "Parent";
    public const string VolunteerCoordinator = "VolunteerCoordinator";
    public const string StudentSuccess = "StudentSuccess";
    public const string Admissions = "Admissions";
    public const string Advancement = "Advancement";
    public const string CaseWorker = "CaseWorker";
    public const string Admin = "Admin";
    public const string Volunteer = "Volunteer";

    /// <summary>Keeps one record per person: the duplicate queue, merges, general imports.</summary>
    public const string DataSteward = "DataSteward";

    /// <summary>Oversees every case: caseloads per worker, handovers, and every note whatever its sensitivity.</summary>
    public const string CaseSupervisor = "CaseSupervisor";

    /// <summary>A student signing in to manage who in their family may see their records.</summary>
    public const string Student = "Student";

    /// <summary>The data-protection officer: subject-access and erasure requests, retention, the audit log.</summary>
    public const string DataProtection = "DataProtection";

    public static readonly IReadOnlyList<string> All =
        [Faculty, Parent, VolunteerCoordinator, StudentSuccess, Admissions, Advancement, CaseWorker, CaseSupervisor, Admin, Volunteer, Student, DataSteward, DataProtection];

    /// <summary>Roles held by the institution's own people (everyone but parents, volunteers and students).</summary>
    public static readonly IReadOnlyList<string> Staff =
        [Faculty, VolunteerCoordinator, StudentSuccess, Admissions, Advancement, CaseWorker, CaseSupervisor, Admin, DataSteward];

    /// <summary>The secretariat: invites parents, captures consent and answers parents' requests.</summary>
    public static readonly IReadOnlyList<string> Secretariat = [Admissions, StudentSuccess, Admin];

    /// <summary>Who sees and records gifts: advancement staff and administrators.</summary>
    public static readonly IReadOnlyList<string> GivingOffice = [Advancement, Admin];

    /// <summary>Who works the admissions pipeline.</summary>
    public static readonly IReadOnlyList<string> AdmissionsOffice = [Admissions, Admin];

    /// <summary>Roles that may search the whole constituent directory.</summary>
    public static readonly IReadOnlyList<string> Directory =
        [VolunteerCoordinator, StudentSuccess, Admissions, Advancement, Admin, DataSteward];

    /// <summary>Who imports contact files (people and organisations from other systems and lists).</summary>
    public static readonly IReadOnlyList<string> ContactImporters = [DataSteward, Admin, Advancement, Admissions];

    /// <summary>Who reviews possible duplicates and merges records.</summary>
    public static readonly IReadOnlyList<string> DataStewardship = [DataSteward, Admin];

    /// <summary>Who works cases: case workers and case supervisors.</summary>
    public static readonly IReadOnlyList<string> CaseWork = [CaseWorker, CaseSupervisor];

    /// <summary>Who answers data-subject requests, sets retention and reads the audit log: the officer and administrators.</summary>
    public static readonly IReadOnlyList<string> PrivacyOffice = [DataProtection, Admin];

    /// <summary>Who measures engagement (actions, the ladder, the mission dashboard): advancement, coordinators, student success, administrators.</summary>
    public static readonly IReadOnlyList<string> EngagementOffice = [Advancement, VolunteerCoordinator, StudentSuccess, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
