using CoRM.Domain.Cases;
using MudBlazor;

namespace CoRM.Portal.Components.Shared;

internal static class CaseLabels
{
    public static string Of(CaseStatus status) => status switch
    {
        CaseStatus.Intake => "Intake",
        CaseStatus.Open => "Open",
        CaseStatus.OnHold => "On hold",
        CaseStatus.Resolved => "Resolved",
        CaseStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    public static Color Color(CaseStatus status) => status switch
    {
        CaseStatus.Intake => MudBlazor.Color.Info,
        CaseStatus.Open => MudBlazor.Color.Primary,
        CaseStatus.OnHold => MudBlazor.Color.Warning,
        CaseStatus.Resolved => MudBlazor.Color.Success,
        _ => MudBlazor.Color.Default,
    };

    public static string Of(CaseRole role) => role switch
    {
        CaseRole.Lead => "Lead",
        CaseRole.Member => "Member",
        CaseRole.Supervisor => "Supervisor",
        _ => role.ToString(),
    };

    public static string Of(NoteSensitivity sensitivity) => sensitivity switch
    {
        NoteSensitivity.Standard => "Case workers",
        NoteSensitivity.CaseTeam => "Case team only",
        NoteSensitivity.LeadAndSupervisors => "Lead and supervisors only",
        _ => sensitivity.ToString(),
    };

    public static string Of(FlagVisibility visibility) => visibility switch
    {
        FlagVisibility.AllStaff => "Visible to all staff",
        FlagVisibility.CaseWorkers => "Visible to case workers",
        FlagVisibility.CaseTeam => "Visible to the case team only",
        _ => visibility.ToString(),
    };

    public static Severity Severity(FlagVisibility visibility) => visibility switch
    {
        FlagVisibility.CaseTeam => MudBlazor.Severity.Error,
        FlagVisibility.CaseWorkers => MudBlazor.Severity.Warning,
        _ => MudBlazor.Severity.Info,
    };

    public static string Of(GoalStatus status) => status switch
    {
        GoalStatus.Open => "Open",
        GoalStatus.Achieved => "Achieved",
        GoalStatus.NotAchieved => "Not achieved",
        GoalStatus.Dropped => "Dropped",
        _ => status.ToString(),
    };
}
