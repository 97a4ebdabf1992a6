using CoRM.Domain.Privacy;
using MudBlazor;

namespace CoRM.Portal.Components.Pages.Privacy;

/// <summary>How privacy requests read on screen.</summary>
internal static class PrivacyLabels
{
    public static string Of(PrivacyRequestKind kind) => kind switch
    {
        PrivacyRequestKind.Access => "Access (a copy of their data)",
        PrivacyRequestKind.Erasure => "Erasure",
        PrivacyRequestKind.Rectification => "Rectification",
        PrivacyRequestKind.MarketingObjection => "Objection to marketing",
        _ => kind.ToString(),
    };

    public static string Of(PrivacyRequestStatus status) => status switch
    {
        PrivacyRequestStatus.InProgress => "In progress",
        PrivacyRequestStatus.AwaitingApproval => "Awaiting approval",
        _ => status.ToString(),
    };

    public static Color ColorOf(PrivacyRequestStatus status) => status switch
    {
        PrivacyRequestStatus.Completed => Color.Success,
        PrivacyRequestStatus.Refused => Color.Default,
        PrivacyRequestStatus.AwaitingApproval => Color.Warning,
        _ => Color.Info,
    };

    /// <summary>"due in 6 days", "due today", "9 days late".</summary>
    public static string Deadline(DateOnly due, DateOnly today) => (due.DayNumber - today.DayNumber) switch
    {
        0 => "due today",
        1 => "due tomorrow",
        > 1 and var d => $"due in {d} days",
        -1 => "1 day late",
        var d => $"{-d} days late",
    };

    public static Color DeadlineColor(DateOnly due, DateOnly today, int warnDays = 7) =>
        due < today ? Color.Error : due.DayNumber - today.DayNumber <= warnDays ? Color.Warning : Color.Default;

    public static string Of(ConsentKind kind) => kind switch
    {
        ConsentKind.Email => "E-mail",
        ConsentKind.Post => "Post",
        ConsentKind.AnyContact => "Any contact",
        ConsentKind.ParentAccess => "Parent access",
        ConsentKind.Form => "Form",
        _ => kind.ToString(),
    };
}
