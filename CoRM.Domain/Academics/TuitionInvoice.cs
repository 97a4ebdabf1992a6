namespace CoRM.Domain.Academics;

/// <summary>School fees billed to a student for a term, and the payments against them.</summary>
public class TuitionInvoice
{
    public const int DescriptionMaxLength = 200;
    public const int NumberMaxLength = 40;

    public int Id { get; set; }
    public int StudentId { get; set; }
    public int TermId { get; set; }
    public string Description { get; set; } = "";

    /// <summary>The billing system's invoice number, matched by payment imports.</summary>
    public string? Number { get; set; }
    public decimal Amount { get; set; }
    public DateOnly DueOn { get; set; }
    public List<TuitionPayment> Payments { get; } = [];

    public static TuitionInvoice Issue(int studentId, int termId, string description, decimal amount, DateOnly dueOn)
    {
        if (amount <= 0) throw new DomainException("An invoice is for a positive amount.");
        return new TuitionInvoice { StudentId = studentId, TermId = termId, Description = description.Trim(), Amount = amount, DueOn = dueOn };
    }

    public decimal PaidBy(DateOnly date) => Payments.Where(p => p.PaidOn <= date).Sum(p => p.Amount);

    public decimal OutstandingOn(DateOnly date) => Math.Max(0, Amount - PaidBy(date));

    /// <summary>Days past the due date with money still owed; zero when paid up or not yet due.</summary>
    public int DaysOverdueOn(DateOnly date) => OutstandingOn(date) > 0 ? Math.Max(0, date.DayNumber - DueOn.DayNumber) : 0;

    public TuitionPayment Pay(decimal amount, DateOnly paidOn)
    {
        if (amount <= 0) throw new DomainException("A payment is for a positive amount.");
        var payment = new TuitionPayment { InvoiceId = Id, Amount = amount, PaidOn = paidOn };
        Payments.Add(payment);
        return payment;
    }
}

public class TuitionPayment
{
    public int Id { get; set; }
    public int InvoiceId { get; set; }
    public decimal Amount { get; set; }
    public DateOnly PaidOn { get; set; }
}
