namespace CoRM.Domain.Advancement;

/// <summary>One donor's recency, frequency and monetary value over a window, and their 1–5 scores.</summary>
public sealed record RfmValues(int DaysSinceLastGift, int Gifts, decimal Total);

/// <summary>
/// Recency, frequency and monetary value of giving, scored 1 (weakest) to 5 (strongest) against the institution's own
/// donors: the cut points are the quintiles of this year's donors, so a 5 means "in the top fifth here".
/// </summary>
public sealed record RfmCutPoints(int[] RecencyDays, int[] Gifts, decimal[] Totals)
{
    public static RfmCutPoints From(IReadOnlyList<RfmValues> donors)
    {
        if (donors.Count == 0) return new([0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]);
        return new(Quintiles(donors.Select(d => d.DaysSinceLastGift)), Quintiles(donors.Select(d => d.Gifts)), Quintiles(donors.Select(d => d.Total)));
    }

    public (int R, int F, int M) Score(RfmValues donor) =>
        (5 - Rank(donor.DaysSinceLastGift, RecencyDays), 1 + Rank(donor.Gifts, Gifts), 1 + Rank(donor.Total, Totals));

    /// <summary>How many cut points the value is above: 0 to 4.</summary>
    private static int Rank<T>(T value, T[] cuts) where T : IComparable<T> => cuts.Count(c => value.CompareTo(c) > 0);

    private static T[] Quintiles<T>(IEnumerable<T> values)
    {
        var sorted = values.Order().ToArray();
        return [.. new[] { 0.2, 0.4, 0.6, 0.8 }.Select(q => sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(q * sorted.Length))])];
    }
}

/// <summary>A donor's giving summary and RFM scores, recomputed nightly for every donor (profiles and segments read it).</summary>
public class DonorScore
{
    public int ConstituentId { get; set; }
    public DateOnly? FirstGiftOn { get; set; }
    public DateOnly? LastGiftOn { get; set; }
    public decimal LifetimeTotal { get; set; }
    public decimal LargestGift { get; set; }

    /// <summary>Gifts and total within the scoring window (the last five years).</summary>
    public int WindowGifts { get; set; }
    public decimal WindowTotal { get; set; }
    public int Recency { get; set; }
    public int Frequency { get; set; }
    public int Monetary { get; set; }
    public DateOnly ComputedOn { get; set; }

    public static readonly int WindowYears = 5;

    public string Cell => $"{Recency}{Frequency}{Monetary}";
}
