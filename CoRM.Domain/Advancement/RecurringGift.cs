namespace CoRM.Domain.Advancement;

/// <summary>
/// A standing order: the same amount every month, quarter or year from a start date. Each expected instalment is
/// matched by a gift linked to the schedule within its period; one still missing a grace period after its date is missed.
/// </summary>
public class RecurringGift : IVersioned
{
    public static readonly int GraceDays = 7;

    public int Id { get; set; }
    public int DonorId { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = Money.DefaultCurrency;
    public int FundId { get; set; }
    public Frequency Frequency { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public PaymentMethod Method { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid Version { get; set; }

    public static RecurringGift Start(int donorId, decimal amount, string? currency, int fundId, Frequency frequency, DateOnly startsOn, PaymentMethod method, DateTime now) =>
        new()
        {
            DonorId = donorId,
            Amount = Money.Positive(amount, "The instalment"),
            Currency = Money.Currency(currency),
            FundId = fundId,
            Frequency = frequency,
            StartsOn = startsOn,
            Method = method,
            RecordedAt = now,
        };

    public bool IsActiveOn(DateOnly day) => StartsOn <= day && (EndsOn is null || day <= EndsOn);

    /// <summary>Expected instalment dates from the start up to and including a day.</summary>
    public IEnumerable<DateOnly> ExpectedThrough(DateOnly day)
    {
        for (var i = 0; ; i++)
        {
            var due = StartsOn.AddMonths(i * (int)Frequency);
            if (due > day || (EndsOn is { } end && due > end)) yield break;
            yield return due;
        }
    }

    /// <summary>
    /// Instalments due on or before <paramref name="today"/> minus the grace period that no payment covers. Payments
    /// are matched to expected dates in order, each within its period (a late payment still counts for its month).
    /// </summary>
    public IReadOnlyList<DateOnly> Missed(IEnumerable<DateOnly> paidOn, DateOnly today)
    {
        var payments = paidOn.Order().ToList();
        var missed = new List<DateOnly>();
        foreach (var due in ExpectedThrough(today.AddDays(-GraceDays)))
        {
            var periodEnd = due.AddMonths((int)Frequency);
            var match = payments.FindIndex(p => p >= due.AddDays(-GraceDays) && p < periodEnd);
            if (match >= 0) payments.RemoveAt(match);
            else missed.Add(due);
        }
        return missed;
    }

    public void Stop(DateOnly lastDay)
    {
        if (EndsOn is not null) throw new DomainException("This recurring gift has already stopped.");
        if (lastDay < StartsOn) throw new DomainException("It cannot stop before it started.");
        EndsOn = lastDay;
    }
}

/// <summary>A missed instalment, recorded once (unique per schedule and date) so the job that finds it never repeats itself.</summary>
public class MissedInstalment
{
    public int Id { get; set; }
    public int RecurringGiftId { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime FlaggedAt { get; set; }
    public int? FollowUpId { get; set; }
}

/// <summary>
/// A donor who gave last year and not yet this year ("LYBUNT"), reminded to their gift officer once per year. The
/// unique donor and year keep a retried or doubled job from reminding twice.
/// </summary>
public class LapsedDonorReminder
{
    public int Id { get; set; }
    public int DonorId { get; set; }
    public int Year { get; set; }
    public decimal LastYearTotal { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? FollowUpId { get; set; }
}
