using CoRM.Domain.Access;
using Microsoft.AspNetCore.Authorization;

namespace CoRM.Portal.Security;

/// <summary>Policy names, one per role plus "any staff member". Pages name these, never raw role strings.</summary>
public static class Policies
{
    public const string Staff = "Staff";
    public const string Faculty = Roles.Faculty;
    public const string Parent = Roles.Parent;
    public const string Admin = Roles.Admin;
    public const string Volunteer = Roles.Volunteer;
    public const string Student = Roles.Student;

    /// <summary>Family access, parent invitations and parents' requests: admissions, student success and administrators.</summary>
    public const string Secretariat = "SecretariatStaff";

    /// <summary>Gifts, pledges and donor records: advancement staff and administrators.</summary>
    public const string Giving = "GivingStaff";

    /// <summary>The admissions pipeline: admissions staff and administrators.</summary>
    public const string Admissions = "AdmissionsStaff";

    /// <summary>Volunteer scheduling: coordinators and administrators.</summary>
    public const string Volunteering = "VolunteeringStaff";

    /// <summary>Volunteer recognition segments (board invitations): coordinators, advancement and administrators.</summary>
    public const string Recognition = "RecognitionStaff";

    /// <summary>Cohort analytics, alerts, the model card and imports: student-success staff and administrators.</summary>
    public const string StudentSuccess = "StudentSuccessStaff";

    /// <summary>The duplicate queue and merges: data stewards and administrators.</summary>
    public const string DataStewardship = "DataStewardship";

    /// <summary>The general contact import: data stewards, administrators, advancement and admissions staff.</summary>
    public const string ContactImport = "ContactImport";

    /// <summary>Case workers and case supervisors: caller lookup, caseload, cases.</summary>
    public const string CaseWork = "CaseWork";

    /// <summary>Case outcome measures (counts only): case work and administrators.</summary>
    public const string CaseMeasures = "CaseMeasures";

    /// <summary>Hands a worker's load to a colleague: case supervisors, student success, advancement, administrators (the service checks the kind).</summary>
    public const string Handover = "Handover";

    /// <summary>Data-subject requests, retention and the audit log: the data-protection officer and administrators.</summary>
    public const string Privacy = "PrivacyOffice";

    /// <summary>Actions, the engagement ladder and the mission dashboard: advancement, coordinators, student success, administrators.</summary>
    public const string Engagement = "EngagementOffice";

    public static void Add(AuthorizationOptions options)
    {
        foreach (var role in Roles.All) options.AddPolicy(role, p => p.RequireAuthenticatedUser().RequireRole(role));
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.Staff));
        options.AddPolicy(Volunteering, p => p.RequireAuthenticatedUser().RequireRole(Roles.VolunteerCoordinator, Roles.Admin));
        options.AddPolicy(Recognition, p => p.RequireAuthenticatedUser().RequireRole(Roles.VolunteerCoordinator, Roles.Advancement, Roles.Admin));
        options.AddPolicy(StudentSuccess, p => p.RequireAuthenticatedUser().RequireRole(Roles.StudentSuccess, Roles.Admin));
        options.AddPolicy(Secretariat, p => p.RequireAuthenticatedUser().RequireRole(Roles.Secretariat));
        options.AddPolicy(Giving, p => p.RequireAuthenticatedUser().RequireRole(Roles.GivingOffice));
        options.AddPolicy(Admissions, p => p.RequireAuthenticatedUser().RequireRole(Roles.AdmissionsOffice));
        options.AddPolicy(DataStewardship, p => p.RequireAuthenticatedUser().RequireRole(Roles.DataStewardship));
        options.AddPolicy(ContactImport, p => p.RequireAuthenticatedUser().RequireRole(Roles.ContactImporters));
        options.AddPolicy(CaseWork, p => p.RequireAuthenticatedUser().RequireRole(Roles.CaseWork));
        options.AddPolicy(CaseMeasures, p => p.RequireAuthenticatedUser().RequireRole([.. Roles.CaseWork, Roles.Admin]));
        options.AddPolicy(Engagement, p => p.RequireAuthenticatedUser().RequireRole(Roles.EngagementOffice));
        options.AddPolicy(Privacy, p => p.RequireAuthenticatedUser().RequireRole(Roles.PrivacyOffice));
        options.AddPolicy(Handover, p => p.RequireAuthenticatedUser().RequireRole(Roles.CaseSupervisor, Roles.StudentSuccess, Roles.Advancement, Roles.Admin));
    }
}
