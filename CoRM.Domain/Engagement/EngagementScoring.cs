using System.Globalization;

namespace CoRM.Domain.Engagement;

/// <summary>The counts one person's score is built from, over the window.</summary>
public sealed record EngagementInputs(int Gifts, int? DaysSinceLastGift, decimal VolunteerHours, int EventsAttended, int Actions, int CasesResolved)
{
    public static EngagementInputs None { get; } = new(0, null, 0, 0, 0, 0);

    public bool IsEmpty => Gifts == 0 && VolunteerHours == 0 && EventsAttended == 0 && Actions == 0 && CasesResolved == 0;

    public decimal Units(EngagementMeasure measure) => measure switch
    {
        EngagementMeasure.Gifts => Gifts,
        EngagementMeasure.RecentGift => DaysSinceLastGift is { } days && days < EngagementScoring.RecencyDays
            ? (EngagementScoring.RecencyDays - days) / (decimal)EngagementScoring.RecencyDays : 0,
        EngagementMeasure.VolunteerHours => VolunteerHours,
        EngagementMeasure.EventsAttended => EventsAttended,
        EngagementMeasure.Actions => Actions,
        EngagementMeasure.CasesResolved => CasesResolved,
        _ => 0,
    };
}

/// <summary>One measure's share of a score: the units counted (after the cap) and the points they earned.</summary>
public sealed record EngagementPart(EngagementMeasure Measure, decimal Units, int Points);

/// <summary>
/// The engagement score: for each measure, points per unit times the units counted (up to the measure's cap), summed
/// and rounded. It is a sum of visible parts on purpose, so it can be explained in words and per role.
/// </summary>
public static class EngagementScoring
{
    public const int WindowMonths = 12;
    public const int RecencyDays = 365;

    public static IReadOnlyList<EngagementPart> Parts(EngagementInputs inputs, IEnumerable<EngagementWeight> weights) =>
        weights.OrderBy(w => w.Measure)
            .Select(w => (w, Units: Math.Min(inputs.Units(w.Measure), w.Cap)))
            .Where(x => x.Units > 0 && x.w.Points > 0)
            .Select(x => new EngagementPart(x.w.Measure, x.Units, (int)Math.Round(x.Units * x.w.Points, MidpointRounding.AwayFromZero)))
            .ToList();

    public static int Score(EngagementInputs inputs, IEnumerable<EngagementWeight> weights) => Parts(inputs, weights).Sum(p => p.Points);

    /// <summary>The highest rung the score reaches; null below the first rung (not engaged).</summary>
    public static EngagementLevel? LevelFor(int score, IEnumerable<EngagementLevel> ladder) =>
        ladder.Where(l => score >= l.MinScore).OrderByDescending(l => l.MinScore).FirstOrDefault();

    /// <summary>Whether the move from one rung to another is up (a rung with a higher threshold, or onto the ladder).</summary>
    public static bool IsUp(EngagementLevel? from, EngagementLevel? to) => (to?.MinScore ?? 0) > (from?.MinScore ?? 0);

    /// <summary>Checks a ladder: distinct names and distinct thresholds, at most <see cref="EngagementLevel.MaxRungs"/> rungs.</summary>
    public static void ValidateLadder(IReadOnlyCollection<EngagementLevel> ladder)
    {
        if (ladder.Count == 0) throw new DomainException("The ladder needs at least one level.");
        if (ladder.Count > EngagementLevel.MaxRungs) throw new DomainException($"The ladder has at most {EngagementLevel.MaxRungs} levels.");
        if (ladder.Select(l => l.Name.ToUpperInvariant()).Distinct().Count() != ladder.Count) throw new DomainException("Two levels have the same name.");
        if (ladder.Select(l => l.MinScore).Distinct().Count() != ladder.Count) throw new DomainException("Two levels have the same threshold: each rung needs its own.");
    }

    /// <summary>
    /// The counts in words, for the measures the reader may see: "2 gifts (the last 3 weeks ago), 12 volunteer hours,
    /// 3 events and 1 action in the last 12 months". Hidden measures are summed as points "from records you do not see",
    /// so the figure still adds up without saying what they were.
    /// </summary>
    public static string Explain(EngagementInputs inputs, IReadOnlyList<EngagementPart> parts, Func<EngagementMeasure, bool> visible,
        IReadOnlyList<(string Type, int Count)>? actionsByType = null)
    {
        var words = new List<string>();
        if (visible(EngagementMeasure.Gifts) && inputs.Gifts > 0)
            words.Add(Count(inputs.Gifts, "gift") + (inputs.DaysSinceLastGift is { } d && visible(EngagementMeasure.RecentGift) ? $" (the last {Ago(d)})" : ""));
        if (visible(EngagementMeasure.VolunteerHours) && inputs.VolunteerHours > 0)
            words.Add($"{inputs.VolunteerHours.ToString("0.#", CultureInfo.InvariantCulture)} volunteer hour{(inputs.VolunteerHours == 1 ? "" : "s")}");
        if (visible(EngagementMeasure.EventsAttended) && inputs.EventsAttended > 0) words.Add(Count(inputs.EventsAttended, "event"));
        if (visible(EngagementMeasure.Actions) && inputs.Actions > 0)
            words.Add(actionsByType is { Count: > 0 }
                ? string.Join(", ", actionsByType.Select(a => $"{a.Count} × {a.Type.ToLowerInvariant()}"))
                : Count(inputs.Actions, "action"));
        if (visible(EngagementMeasure.CasesResolved) && inputs.CasesResolved > 0) words.Add(Count(inputs.CasesResolved, "case resolved", "cases resolved"));

        var hidden = parts.Where(p => !visible(p.Measure)).Sum(p => p.Points);
        if (words.Count == 0)
            return hidden > 0 ? $"{hidden} points from records you do not see, in the last {WindowMonths} months" : $"Nothing recorded in the last {WindowMonths} months";
        var text = words.Count == 1 ? words[0] : $"{string.Join(", ", words[..^1])} and {words[^1]}";
        return $"{text} in the last {WindowMonths} months" + (hidden > 0 ? $", and {hidden} points from records you do not see" : "");
    }

    private static string Count(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";

    private static string Ago(int days) => days switch
    {
        0 => "today",
        1 => "yesterday",
        < 14 => $"{days} days ago",
        < 60 => $"{days / 7} weeks ago",
        _ => $"{days / 30} months ago",
    };

}
