namespace CoRM.Domain.Advancement;

public enum Frequency
{
    Monthly = 1,
    Quarterly = 3,
    SemiAnnually = 6,
    Annually = 12,
}

/// <summary>
/// A promise to give an amount over time, in instalments. Payments are gifts linked to the pledge; they settle the
/// instalments oldest first, so the balance and the next instalment due follow from the payments alone.
/// </summary>
public class Pledge : IVersioned
{
    public const int MaxInstalments = 120;

    public int Id { get; set; }
    public int DonorId { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = Money.DefaultCurrency;
    public int FundId { get; set; }
    public int? AppealId { get; set; }
    public DateOnly PledgedOn { get; set; }
    public DateOnly? CancelledOn { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid Version { get; set; }
    public List<PledgeInstalment> Instalments { get; } = [];

    /// <summary>Splits the amount into equal instalments; the last one absorbs the rounding.</summary>
    public static Pledge Make(int donorId, decimal amount, string? currency, int fundId, DateOnly pledgedOn, int instalments, Frequency frequency, DateOnly firstDue, DateTime now, int? appealId = null)
    {
        Money.Positive(amount, "The pledge amount");
        if (instalments is < 1 or > MaxInstalments) throw new DomainException($"A pledge has between 1 and {MaxInstalments} instalments.");
        if (firstDue < pledgedOn) throw new DomainException("The first instalment cannot fall before the pledge was made.");
        var pledge = new Pledge { DonorId = donorId, Amount = amount, Currency = Money.Currency(currency), FundId = fundId, AppealId = appealId, PledgedOn = pledgedOn, RecordedAt = now };
        var each = Math.Floor(amount / instalments * 100) / 100;
        for (var i = 0; i < instalments; i++)
            pledge.Instalments.Add(new PledgeInstalment
            {
                Number = i + 1,
                DueOn = firstDue.AddMonths(i * (int)frequency),
                Amount = i == instalments - 1 ? amount - each * (instalments - 1) : each,
            });
        return pledge;
    }

    public decimal Balance(decimal paid) => CancelledOn is null ? Math.Max(0, Amount - paid) : 0;

    /// <summary>Each instalment with what is still owed on it, after the payments settle them oldest first.</summary>
    public IReadOnlyList<(PledgeInstalment Instalment, decimal Owed)> Schedule(decimal paid)
    {
        var left = paid;
        var rows = new List<(PledgeInstalment, decimal)>();
        foreach (var instalment in Instalments.OrderBy(i => i.Number))
        {
            var settled = Math.Min(left, instalment.Amount);
            left -= settled;
            rows.Add((instalment, CancelledOn is null ? instalment.Amount - settled : 0));
        }
        return rows;
    }

    /// <summary>The first instalment not yet fully paid, or null when the pledge is paid up or cancelled.</summary>
    public PledgeInstalment? NextDue(decimal paid) => Schedule(paid).Where(r => r.Owed > 0).Select(r => r.Instalment).FirstOrDefault();

    /// <summary>What is owed on instalments due on or before a day.</summary>
    public decimal OverdueOn(DateOnly day, decimal paid) => Schedule(paid).Where(r => r.Instalment.DueOn < day).Sum(r => r.Owed);

    public void Cancel(DateOnly on)
    {
        if (CancelledOn is not null) throw new DomainException("This pledge is already cancelled.");
        CancelledOn = on;
    }
}

public class PledgeInstalment
{
    public int Id { get; set; }
    public int PledgeId { get; set; }
    public int Number { get; set; }
    public DateOnly DueOn { get; set; }
    public decimal Amount { get; set; }

    /// <summary>The gift officer's reminder follow-up for this instalment, once created.</summary>
    public int? ReminderFollowUpId { get; set; }
}
