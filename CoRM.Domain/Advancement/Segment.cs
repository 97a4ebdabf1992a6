using System.Text.Json;
using System.Text.Json.Serialization;
using CoRM.Domain.Constituents;

namespace CoRM.Domain.Advancement;

/// <summary>What a segment rule tests. Each is evaluated in the database against the whole constituent model.</summary>
public enum SegmentRuleKind
{
    /// <summary>Wears a hat today (Hat).</summary>
    WearsHat = 0,

    /// <summary>Lives in a region (Text).</summary>
    InRegion = 1,

    /// <summary>Gave at least once in the last N months (Months).</summary>
    GaveWithinMonths = 2,

    /// <summary>Gave last calendar year and not this year.</summary>
    LapsedDonor = 3,

    /// <summary>Gave at least an amount in total over the last N months (Amount, Months).</summary>
    GaveAtLeast = 4,

    /// <summary>RFM scores at least R, F and M (Recency, Frequency, Monetary; 0 = any).</summary>
    RfmAtLeast = 5,

    /// <summary>Attended at least N events in the last M months (Count, Months).</summary>
    AttendedEvents = 6,

    /// <summary>Volunteered (attended) more than N shifts in the last M months (Count, Months).</summary>
    VolunteeredShifts = 7,

    /// <summary>Took an action of a type (Text: the type's name, e.g. "Signed a petition") at least N times (Count, default 1) in the last M months.</summary>
    TookAction = 8,

    /// <summary>Is the related party of a relationship of a kind (Relationship), e.g. is someone's parent.</summary>
    HasRelationship = 9,

    /// <summary>May be e-mailed: an address, no opt-out, not do-not-contact.</summary>
    MayBeEmailed = 10,

    /// <summary>May receive appeal letters: a postal address, not "no appeals by post", not do-not-contact.</summary>
    MayBeWritten = 11,

    /// <summary>Took at least N actions of a category (advocacy, service…) in the last M months (Category, Count, Months).</summary>
    ActionsInCategory = 12,

    /// <summary>Engagement score at least N (Count), as of last night.</summary>
    EngagementScoreAtLeast = 13,

    /// <summary>On an engagement level or higher (Text: the level's name).</summary>
    EngagementLevelAtLeast = 14,

    /// <summary>Moved up the engagement ladder in the last M months (Months).</summary>
    MovedUpLadder = 15,

    /// <summary>Moved down the engagement ladder in the last M months (Months).</summary>
    MovedDownLadder = 16,

    /// <summary>Signed or replied to a public form, or confirmed a list sign-up (Text: the form's address) in the last M months.</summary>
    SubmittedForm = 17,

    /// <summary>Carries a tag (Text: the tag's name), put by hand or by a rule.</summary>
    HasTag = 18,
}

/// <summary>
/// One condition of a segment; <see cref="Negate"/> turns it into "not …". <see cref="OrWithPrevious"/> joins it to the
/// rule before with "or" instead of "and": consecutive rules joined by "or" form one group, and every group must hold
/// ("or" binds first, as people read "alumni and (North or Centre)").
/// </summary>
public sealed record SegmentRule(
    SegmentRuleKind Kind, bool Negate = false, HatKind? Hat = null, string? Text = null, int? Months = null, int? Count = null,
    decimal? Amount = null, int Recency = 0, int Frequency = 0, int Monetary = 0, RelationshipKind? Relationship = null, bool OrWithPrevious = false,
    Engagement.ActionCategory? Category = null)
{
    public const int MaxMonths = 240;

    /// <summary>Checks the parameters the kind needs; throws a readable <see cref="DomainException"/>.</summary>
    public SegmentRule Validated()
    {
        switch (Kind)
        {
            case SegmentRuleKind.WearsHat when Hat is null:
                throw new DomainException("Choose the hat.");
            case SegmentRuleKind.InRegion or SegmentRuleKind.TookAction or SegmentRuleKind.EngagementLevelAtLeast or SegmentRuleKind.SubmittedForm or SegmentRuleKind.HasTag when string.IsNullOrWhiteSpace(Text):
                throw new DomainException(Kind switch
                {
                    SegmentRuleKind.InRegion => "Choose the region.",
                    SegmentRuleKind.TookAction => "Choose the kind of action (e.g. \"Signed a petition\").",
                    SegmentRuleKind.SubmittedForm => "Choose the form.",
                    SegmentRuleKind.HasTag => "Choose the tag.",
                    _ => "Choose the engagement level.",
                });
            case SegmentRuleKind.ActionsInCategory when Category is null || !Enum.IsDefined(Category.Value):
                throw new DomainException("Choose the category of actions.");
            case SegmentRuleKind.ActionsInCategory or SegmentRuleKind.EngagementScoreAtLeast when Count is not >= 1:
                throw new DomainException(Kind == SegmentRuleKind.EngagementScoreAtLeast ? "Give the score, 1 or more." : "Give how many actions, 1 or more.");
            case SegmentRuleKind.TookAction when Count is < 1:
                throw new DomainException("Give how many times, 1 or more.");
            case SegmentRuleKind.HasRelationship when Relationship is null:
                throw new DomainException("Choose the kind of relationship.");
            case SegmentRuleKind.GaveAtLeast when Amount is not > 0:
                throw new DomainException("Give the amount, more than zero.");
            case SegmentRuleKind.AttendedEvents or SegmentRuleKind.VolunteeredShifts when Count is not >= 0:
                throw new DomainException("Give how many times.");
            case SegmentRuleKind.RfmAtLeast when new[] { Recency, Frequency, Monetary }.Any(s => s is < 0 or > 5) || Recency + Frequency + Monetary == 0:
                throw new DomainException("RFM thresholds are 1 to 5 (0 for any), and at least one is set.");
        }
        if (NeedsMonths && Months is not (>= 1 and <= MaxMonths)) throw new DomainException($"The period is 1 to {MaxMonths} months.");
        return this with { Text = Text?.Trim() };
    }

    public bool NeedsMonths => Kind is SegmentRuleKind.GaveWithinMonths or SegmentRuleKind.GaveAtLeast or SegmentRuleKind.AttendedEvents or SegmentRuleKind.VolunteeredShifts
        or SegmentRuleKind.TookAction or SegmentRuleKind.ActionsInCategory or SegmentRuleKind.MovedUpLadder or SegmentRuleKind.MovedDownLadder or SegmentRuleKind.SubmittedForm;

    /// <summary>The rule in words, for lists and campaign pages.</summary>
    public string Describe()
    {
        var text = Kind switch
        {
            SegmentRuleKind.WearsHat => $"wears the {Hat} hat",
            SegmentRuleKind.InRegion => $"lives in {Text}",
            SegmentRuleKind.GaveWithinMonths => $"gave in the last {Months} months",
            SegmentRuleKind.LapsedDonor => "gave last year but not this year",
            SegmentRuleKind.GaveAtLeast => $"gave at least {Amount:N2} in the last {Months} months",
            SegmentRuleKind.RfmAtLeast => $"has RFM of at least {Recency}-{Frequency}-{Monetary}",
            SegmentRuleKind.AttendedEvents => $"attended {Count}+ events in the last {Months} months",
            SegmentRuleKind.VolunteeredShifts => $"volunteered more than {Count} times in the last {Months} months",
            SegmentRuleKind.TookAction => Count is > 1 ? $"took the action \"{Text}\" {Count}+ times in the last {Months} months" : $"took the action \"{Text}\" in the last {Months} months",
            SegmentRuleKind.ActionsInCategory => $"took {Count}+ {Category?.ToString().ToLowerInvariant()} actions in the last {Months} months",
            SegmentRuleKind.EngagementScoreAtLeast => $"has an engagement score of {Count} or more",
            SegmentRuleKind.EngagementLevelAtLeast => $"is at the engagement level \"{Text}\" or higher",
            SegmentRuleKind.MovedUpLadder => $"moved up the engagement ladder in the last {Months} months",
            SegmentRuleKind.MovedDownLadder => $"moved down the engagement ladder in the last {Months} months",
            SegmentRuleKind.SubmittedForm => $"answered the form \"{Text}\" in the last {Months} months",
            SegmentRuleKind.HasTag => $"is tagged \"{Text}\"",
            SegmentRuleKind.HasRelationship => $"is someone's {Relationship}",
            SegmentRuleKind.MayBeEmailed => "may be e-mailed",
            SegmentRuleKind.MayBeWritten => "may receive appeal letters",
            _ => Kind.ToString(),
        };
        return Negate ? $"not: {text}" : text;
    }

    /// <summary>Rules as their "and" groups: each group holds if any of its rules does; a segment needs every group.</summary>
    public static IReadOnlyList<IReadOnlyList<SegmentRule>> Groups(IEnumerable<SegmentRule> rules)
    {
        var groups = new List<List<SegmentRule>>();
        foreach (var rule in rules)
        {
            if (rule.OrWithPrevious && groups.Count > 0) groups[^1].Add(rule);
            else groups.Add([rule]);
        }
        return groups;
    }

    /// <summary>The whole condition in words, with brackets around "or" groups: "wears the Alumnus hat and (lives in North or lives in Centre)".</summary>
    public static string Describe(IEnumerable<SegmentRule> rules) =>
        string.Join(" and ", Groups(rules).Select(g => g.Count == 1 ? g[0].Describe() : $"({string.Join(" or ", g.Select(r => r.Describe()))})"));

    /// <summary>Every rule checked; the first cannot be joined by "or" to nothing, so it is read as the first group.</summary>
    public static IReadOnlyList<SegmentRule> ValidatedAll(IReadOnlyList<SegmentRule> rules) =>
        rules.Select((r, i) => (i == 0 ? r with { OrWithPrevious = false } : r).Validated()).ToList();
}

/// <summary>A saved, named set of rules (every "and" group must hold), evaluated in the database whenever it is used.</summary>
public class Segment : IVersioned
{
    public const int NameMaxLength = 200;
    public const int MaxRules = 12;
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() }, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string RulesJson { get; set; } = "[]";

    /// <summary>Ready-made segments ship with CoRM and cannot be deleted.</summary>
    public bool ReadyMade { get; set; }
    public int? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; }

    public IReadOnlyList<SegmentRule> Rules => Parse(RulesJson);

    public static Segment Define(string name, string? description, IReadOnlyList<SegmentRule> rules, int? createdById, DateTime now, bool readyMade = false)
    {
        var segment = new Segment { CreatedById = createdById, CreatedAt = now, ReadyMade = readyMade };
        segment.Change(name, description, rules, now);
        return segment;
    }

    public void Change(string name, string? description, IReadOnlyList<SegmentRule> rules, DateTime now)
    {
        name = name.Trim();
        if (name.Length is 0 or > NameMaxLength) throw new DomainException($"Name the segment (up to {NameMaxLength} characters).");
        if (rules.Count == 0) throw new DomainException("Add at least one rule.");
        if (rules.Count > MaxRules) throw new DomainException($"A segment has at most {MaxRules} rules.");
        Name = name;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        RulesJson = JsonSerializer.Serialize(SegmentRule.ValidatedAll(rules), Json);
        UpdatedAt = now;
    }

    public static string Serialize(IReadOnlyList<SegmentRule> rules) => JsonSerializer.Serialize(rules, Json);

    public static IReadOnlyList<SegmentRule> Parse(string json) => JsonSerializer.Deserialize<List<SegmentRule>>(json, Json) ?? [];
}
