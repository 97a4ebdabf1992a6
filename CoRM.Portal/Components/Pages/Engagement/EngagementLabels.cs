using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Engagement;
using MudBlazor;

namespace CoRM.Portal.Components.Pages.Engagement;

/// <summary>Words and colours for engagement: categories, measures, ladder rungs and dashboard figures.</summary>
public static class EngagementLabels
{
    public static string Of(ActionCategory category) => category switch
    {
        ActionCategory.Advocacy => "advocacy",
        ActionCategory.Participation => "participation",
        ActionCategory.Education => "education",
        ActionCategory.Service => "service",
        _ => category.ToString(),
    };

    public static string Of(EngagementMeasure measure) => EngagementWeight.Describe(measure);

    /// <summary>The units of a part as a reader says them: "12 volunteer hours", "last gift: 0.8 of full points".</summary>
    public static string Units(EngagementPartRow part) => part.Measure switch
    {
        EngagementMeasure.Gifts => $"{part.Units:0} gift{(part.Units == 1 ? "" : "s")}",
        EngagementMeasure.RecentGift => "last gift's recency",
        EngagementMeasure.VolunteerHours => $"{part.Units:0.#} volunteer hours",
        EngagementMeasure.EventsAttended => $"{part.Units:0} event{(part.Units == 1 ? "" : "s")}",
        EngagementMeasure.Actions => $"{part.Units:0} action{(part.Units == 1 ? "" : "s")}",
        EngagementMeasure.CasesResolved => $"{part.Units:0} case{(part.Units == 1 ? "" : "s")} resolved",
        _ => part.Measure.ToString(),
    };

    /// <summary>Rungs darken as they rise; "not engaged" is plain. Dark text on light fills keeps contrast (axe).</summary>
    public static Color Rung(string? level, IReadOnlyList<string> ladder)
    {
        var index = level is null ? -1 : ladder.ToList().IndexOf(level);
        return index switch { < 0 => Color.Default, 0 => Color.Default, _ when index == ladder.Count - 1 => Color.Primary, _ => Color.Info };
    }

    public static string Of(MissionMeasure measure) => measure switch
    {
        MissionMeasure.PeopleEngaged => "People engaged",
        MissionMeasure.NewPeople => "New this period",
        MissionMeasure.RetainedPeople => "Retained from the previous period",
        MissionMeasure.Actions => "Actions taken",
        MissionMeasure.PeopleActing => "People who acted",
        MissionMeasure.Attendances => "Event and programme attendances",
        MissionMeasure.VolunteerHours => "Volunteer hours",
        MissionMeasure.Volunteers => "Volunteers",
        MissionMeasure.CasesResolved => "Cases resolved",
        MissionMeasure.PeopleHelped => "People helped (clients of open cases)",
        MissionMeasure.MoneyRaised => "Money raised",
        MissionMeasure.Donors => "Donors",
        _ => measure.ToString(),
    };
}
