namespace CoRM.Domain.Engagement;

/// <summary>What the engagement score counts, over the last <see cref="EngagementScoring.WindowMonths"/> months.</summary>
public enum EngagementMeasure
{
    /// <summary>Gifts received (frequency).</summary>
    Gifts = 0,

    /// <summary>How recent the last gift is: full points today, none a year ago (recency).</summary>
    RecentGift = 1,

    /// <summary>Hours worked on volunteer shifts.</summary>
    VolunteerHours = 2,

    /// <summary>Events and programme sessions attended.</summary>
    EventsAttended = 3,

    /// <summary>Actions taken (petitions, letters, visits, sessions).</summary>
    Actions = 4,

    /// <summary>Cases the person was a client of that closed resolved: a count only, never what they were.</summary>
    CasesResolved = 5,
}

/// <summary>Points per unit of a measure and the most units counted, so no single measure dominates the score.</summary>
public class EngagementWeight : IVersioned
{
    public const decimal MaxPoints = 100;
    public const int MaxCap = 1_000;

    public EngagementMeasure Measure { get; set; }
    public decimal Points { get; set; }
    public int Cap { get; set; }
    public DateTime? ChangedAt { get; set; }
    public int? ChangedById { get; set; }
    public Guid Version { get; set; }

    /// <summary>
    /// The weights an institution starts from; the README lists them. Resolved cases start at 0 points: a score that
    /// counts them tells a fundraiser who reads "points from records you do not see" that a donor was a client, so an
    /// institution turns it on knowingly (the mission dashboard counts cases resolved either way).
    /// </summary>
    public static IReadOnlyList<(EngagementMeasure Measure, decimal Points, int Cap)> Defaults { get; } =
    [
        (EngagementMeasure.Gifts, 6, 5),
        (EngagementMeasure.RecentGift, 10, 1),
        (EngagementMeasure.VolunteerHours, 1, 40),
        (EngagementMeasure.EventsAttended, 5, 6),
        (EngagementMeasure.Actions, 4, 10),
        (EngagementMeasure.CasesResolved, 0, 2),
    ];

    public void Set(decimal points, int cap, int? byId, DateTime at)
    {
        if (points is < 0 or > MaxPoints) throw new DomainException($"Points are 0 to {MaxPoints:0} per unit.");
        if (decimal.Round(points, 2) != points) throw new DomainException("Points have at most two decimals.");
        if (cap is < 1 or > MaxCap) throw new DomainException($"The most units counted is 1 to {MaxCap:N0}.");
        if (Measure == EngagementMeasure.RecentGift && cap != 1) throw new DomainException("Recency counts one last gift: its cap is 1.");
        Points = points;
        Cap = cap;
        ChangedAt = at;
        ChangedById = byId;
    }

    public static string Describe(EngagementMeasure measure) => measure switch
    {
        EngagementMeasure.Gifts => "Gifts (each)",
        EngagementMeasure.RecentGift => "Last gift (full points today, none after a year)",
        EngagementMeasure.VolunteerHours => "Volunteer hours (each)",
        EngagementMeasure.EventsAttended => "Events and sessions attended (each)",
        EngagementMeasure.Actions => "Actions taken (each)",
        EngagementMeasure.CasesResolved => "Cases resolved, as a client (each)",
        _ => measure.ToString(),
    };
}

/// <summary>A rung of the engagement ladder: a person is on the highest rung whose threshold their score reaches.</summary>
public class EngagementLevel : IVersioned
{
    public const int NameMaxLength = 40;
    public const int MaxRungs = 8;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int MinScore { get; set; }
    public Guid Version { get; set; }

    public static IReadOnlyList<(int Id, string Name, int MinScore)> Defaults { get; } =
    [
        (1, "Aware", 1),
        (2, "Supporter", 15),
        (3, "Active", 40),
        (4, "Leader", 80),
    ];

    public static EngagementLevel Define(string name, int minScore)
    {
        var level = new EngagementLevel();
        level.Rename(name, minScore);
        return level;
    }

    public void Rename(string name, int minScore)
    {
        name = name.Trim();
        if (name.Length is 0 or > NameMaxLength) throw new DomainException($"Name the level (up to {NameMaxLength} characters).");
        if (minScore is < 1 or > 10_000) throw new DomainException("A level's threshold is 1 to 10,000 points.");
        Name = name;
        MinScore = minScore;
    }
}

/// <summary>One person's engagement as of the last nightly run: the counts behind it, the score and the rung.</summary>
public class EngagementScore
{
    public int ConstituentId { get; set; }
    public int Score { get; set; }
    public int? LevelId { get; set; }

    /// <summary>Since when the person has been on this rung (the day of the last move).</summary>
    public DateOnly LevelSince { get; set; }
    public int Gifts { get; set; }
    public int? DaysSinceLastGift { get; set; }
    public decimal VolunteerHours { get; set; }
    public int EventsAttended { get; set; }
    public int Actions { get; set; }
    public int CasesResolved { get; set; }
    public DateOnly ComputedOn { get; set; }

    public EngagementInputs Inputs => new(Gifts, DaysSinceLastGift, VolunteerHours, EventsAttended, Actions, CasesResolved);
}

/// <summary>A move on the ladder, kept as history: up, down, onto it or off it (null level = not engaged).</summary>
public class EngagementLevelChange
{
    public long Id { get; set; }
    public int ConstituentId { get; set; }
    public int? FromLevelId { get; set; }
    public int? ToLevelId { get; set; }
    public int FromScore { get; set; }
    public int ToScore { get; set; }
    public bool Up { get; set; }
    public DateOnly ChangedOn { get; set; }
}
