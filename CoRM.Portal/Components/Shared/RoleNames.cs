using CoRM.Domain.Access;

namespace CoRM.Portal.Components.Shared;

internal static class RoleNames
{
    public static string Friendly(string role) => role switch
    {
        Roles.Faculty => "Faculty",
        Roles.Parent => "Parent",
        Roles.VolunteerCoordinator => "Volunteer coordinator",
        Roles.StudentSuccess => "Student success",
        Roles.Admissions => "Admissions",
        Roles.Advancement => "Advancement",
        Roles.CaseWorker => "Case worker",
        Roles.CaseSupervisor => "Case supervisor",
        Roles.Admin => "Administrator",
        Roles.Volunteer => "Volunteer",
        Roles.Student => "Student",
        Roles.DataSteward => "Data steward",
        Roles.DataProtection => "Data protection",
        _ => role,
    };
}
