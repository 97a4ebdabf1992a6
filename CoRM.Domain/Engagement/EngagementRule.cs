using System.Text.Json;
using System.Text.Json.Serialization;
using CoRM.Domain.Advancement;

namespace CoRM.Domain.Engagement;

public enum RuleActionKind
{
    /// <summary>A follow-up for a named staff member ("invite them to the board").</summary>
    FollowUp = 0,

    /// <summary>A templated e-mail through the outbox, to people whose consent allows it.</summary>
    Email = 1,

    /// <summary>A ready-made engagement plan: a sequence of follow-ups for the owner, each due some days after the start.</summary>
    Plan = 2,

    /// <summary>Puts a tag on the person (found again with the segment rule "has the tag").</summary>
    Tag = 3,
}

/// <summary>One step of an engagement plan.</summary>
public sealed record PlanStep(string Title, int DueAfterDays);

/// <summary>
/// "When someone is in segment S, do A": evaluated by a nightly job; each person gets the rule's action at most once per
/// period (a year, say), exactly once even when the job is retried or runs on two instances (a unique firing per
/// rule, person and period).
/// </summary>
public class EngagementRule : IVersioned
{
    public const int NameMaxLength = 200;
    public const int TitleMaxLength = FollowUp.TitleMaxLength;
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 4000;
    public const int MaxPlanSteps = 10;
    public const string NameField = "{{DisplayName}}";
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int SegmentId { get; set; }
    public RuleActionKind Action { get; set; }

    /// <summary>Who owns the follow-ups (follow-up and plan).</summary>
    public int? OwnerId { get; set; }

    /// <summary>The follow-up's title (may name the person with {{DisplayName}}), or the e-mail's subject.</summary>
    public string? Title { get; set; }

    /// <summary>The e-mail's text (merge fields as in appeals), or the follow-up's notes.</summary>
    public string? Body { get; set; }
    public int DueAfterDays { get; set; }

    /// <summary>The tag the rule puts on people (tag action).</summary>
    public int? TagId { get; set; }

    /// <summary>The plan's steps as JSON.</summary>
    public string? PlanJson { get; set; }

    /// <summary>Each person gets the action at most once in this many days.</summary>
    public int PeriodDays { get; set; } = 365;
    public bool IsActive { get; set; } = true;
    public bool ReadyMade { get; set; }
    public DateOnly StartsOn { get; set; }
    public int? CreatedById { get; set; }
    public DateTime? LastRunAt { get; set; }
    public Guid Version { get; set; }

    public IReadOnlyList<PlanStep> Plan => PlanJson is null ? [] : JsonSerializer.Deserialize<List<PlanStep>>(PlanJson, Json) ?? [];

    public static EngagementRule Define(string name, int segmentId, RuleActionKind action, int? ownerId, string? title, string? body, int dueAfterDays,
        IReadOnlyList<PlanStep>? plan, int periodDays, DateOnly today, int? createdById, int? tagId = null)
    {
        name = name.Trim();
        title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        body = string.IsNullOrWhiteSpace(body) ? null : body.Trim();
        if (name.Length is 0 or > NameMaxLength) throw new DomainException($"Name the rule (up to {NameMaxLength} characters).");
        if (!Enum.IsDefined(action)) throw new DomainException("Choose what the rule does.");
        if (periodDays is < 1 or > 3650) throw new DomainException("The period is 1 to 3,650 days.");
        switch (action)
        {
            case RuleActionKind.FollowUp:
                if (ownerId is null) throw new DomainException("Choose who the follow-up is for.");
                if (title is null || title.Length > TitleMaxLength) throw new DomainException($"Give the follow-up a title (up to {TitleMaxLength} characters).");
                if (dueAfterDays is < 0 or > 365) throw new DomainException("The follow-up is due 0 to 365 days after the person enters the segment.");
                if (body?.Length > FollowUp.TextMaxLength) throw new DomainException($"Notes are limited to {FollowUp.TextMaxLength} characters.");
                break;
            case RuleActionKind.Email:
                if (title is null) throw new DomainException("Write the e-mail's subject.");
                MergeTemplate.Check(title, SubjectMaxLength, "subject");
                MergeTemplate.Check(body ?? "", BodyMaxLength, "message");
                if (!body!.Contains(MergeTemplate.UnsubscribeField, StringComparison.Ordinal))
                    throw new DomainException($"An e-mail sent by a rule carries {MergeTemplate.UnsubscribeField} so the person can stop them.");
                break;
            case RuleActionKind.Plan:
                if (ownerId is null) throw new DomainException("Choose who the plan's follow-ups are for.");
                if (plan is not { Count: > 0 } || plan.Count > MaxPlanSteps) throw new DomainException($"A plan has 1 to {MaxPlanSteps} steps.");
                if (plan.Any(s => string.IsNullOrWhiteSpace(s.Title) || s.Title.Trim().Length > TitleMaxLength || s.DueAfterDays is < 0 or > 365))
                    throw new DomainException($"Each step has a title (up to {TitleMaxLength} characters) and is due 0 to 365 days after the start.");
                break;
            case RuleActionKind.Tag:
                if (tagId is null) throw new DomainException("Choose the tag.");
                break;
        }
        var tagging = action == RuleActionKind.Tag;
        return new EngagementRule
        {
            Name = name, SegmentId = segmentId, Action = action, OwnerId = action is RuleActionKind.Email or RuleActionKind.Tag ? null : ownerId,
            Title = action is RuleActionKind.Plan or RuleActionKind.Tag ? null : title, Body = action is RuleActionKind.Plan or RuleActionKind.Tag ? null : body,
            TagId = tagging ? tagId : null, DueAfterDays = dueAfterDays, PeriodDays = periodDays, StartsOn = today, CreatedById = createdById,
            PlanJson = action == RuleActionKind.Plan ? JsonSerializer.Serialize(plan!.Select(s => s with { Title = s.Title.Trim() }).OrderBy(s => s.DueAfterDays).ToList(), Json) : null,
        };
    }

    /// <summary>Which period a day falls in, counted from the rule's start: one firing per person per period.</summary>
    public int PeriodOf(DateOnly day) => Math.Max(0, (day.DayNumber - StartsOn.DayNumber) / PeriodDays);

    /// <summary>A follow-up title naming the person: "Invite {{DisplayName}} to the board" → "Invite Ana Lopes to the board".</summary>
    public static string Personal(string text, string displayName) => text.Replace(NameField, displayName, StringComparison.Ordinal);
}

/// <summary>That a rule acted for a person in a period, and what it did. Unique per rule, person and period: the exactly-once guarantee.</summary>
public class RuleFiring
{
    public const int OutcomeMaxLength = 200;

    public long Id { get; set; }
    public int RuleId { get; set; }
    public int ConstituentId { get; set; }
    public int Period { get; set; }
    public DateTime FiredAt { get; set; }
    public string Outcome { get; set; } = "";
}
