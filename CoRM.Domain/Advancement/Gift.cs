using CoRM.Domain.Engagement;

namespace CoRM.Domain.Advancement;

public enum PaymentMethod
{
    Card = 0,
    BankTransfer = 1,
    DirectDebit = 2,
    Cheque = 3,
    Cash = 4,
    InKind = 5,
    Securities = 6,
}

public enum GiftKind
{
    /// <summary>A one-off gift.</summary>
    Outright = 0,

    /// <summary>A payment on a pledge.</summary>
    PledgePayment = 1,

    /// <summary>An instalment of a recurring gift.</summary>
    RecurringInstalment = 2,

    /// <summary>Goods or services given instead of money, valued at fair market value.</summary>
    InKind = 3,

    /// <summary>An event ticket: only the part above the fair-market value of what the guest receives is a gift.</summary>
    EventTicket = 4,
}

/// <summary>
/// Money (or goods) received from a donor. The deductible amount is what a receipt may show: the amount less the
/// fair-market value of any benefit the donor received (a dinner, a ticket), never below zero.
/// </summary>
public class Gift : IVersioned
{
    public const int DescriptionMaxLength = 500;

    public int Id { get; set; }
    public int DonorId { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = Money.DefaultCurrency;
    public DateOnly ReceivedOn { get; set; }
    public int FundId { get; set; }
    public int? AppealId { get; set; }
    public PaymentMethod Method { get; set; }
    public GiftKind Kind { get; set; }

    /// <summary>Fair-market value of what the donor received in return.</summary>
    public decimal BenefitValue { get; set; }
    public decimal DeductibleAmount { get; set; }

    /// <summary>For in-kind gifts: what was given and how it was valued.</summary>
    public string? Description { get; set; }
    public int? PledgeId { get; set; }
    public int? RecurringGiftId { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedById { get; set; }
    public Guid Version { get; set; }

    public List<SoftCredit> SoftCredits { get; } = [];

    public static Gift Receive(int donorId, decimal amount, string? currency, DateOnly receivedOn, int fundId, PaymentMethod method,
        DateOnly today, DateTime now, int? recordedById, GiftKind kind = GiftKind.Outright, decimal benefitValue = 0, string? description = null, int? appealId = null)
    {
        Money.Positive(amount, "The gift amount");
        if (receivedOn > today) throw new DomainException("A gift cannot be received in the future.");
        if (benefitValue < 0) throw new DomainException("The benefit's value cannot be negative.");
        if (benefitValue > amount) throw new DomainException("The benefit cannot be worth more than was paid.");
        description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (description?.Length > DescriptionMaxLength) throw new DomainException($"The description is limited to {DescriptionMaxLength} characters.");
        var inKind = kind == GiftKind.InKind || method == PaymentMethod.InKind;
        if (inKind && description is null) throw new DomainException("Describe the goods or services given and how they were valued.");
        return new Gift
        {
            DonorId = donorId,
            Amount = amount,
            Currency = Money.Currency(currency),
            ReceivedOn = receivedOn,
            FundId = fundId,
            AppealId = appealId,
            Method = inKind ? PaymentMethod.InKind : method,
            Kind = inKind ? GiftKind.InKind : kind,
            BenefitValue = Money.Round(benefitValue),
            DeductibleAmount = Deductible(amount, benefitValue),
            Description = description,
            RecordedAt = now,
            RecordedById = recordedById,
        };
    }

    /// <summary>How the gift reached the institution, for the donor's timeline: a cheque by post, a card online, cash in person.</summary>
    public static Channel ChannelOf(PaymentMethod method) => method switch
    {
        PaymentMethod.Cheque => Channel.Letter,
        PaymentMethod.Card => Channel.WebForm,
        PaymentMethod.Cash or PaymentMethod.InKind => Channel.InPerson,
        _ => Channel.Bank,
    };

    /// <summary>
    /// Checks that the gift may be refunded (removed with its soft credits): a reason is given, and a ticket is refunded
    /// through its event. Whether it is on a current receipt is the caller's to check (receipts are another aggregate).
    /// </summary>
    public string Refund(string? reason)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) throw new DomainException("Say why the gift is refunded (a bounced cheque, a charge-back…).");
        if (reason.Length > RefundReasonMaxLength) throw new DomainException($"The reason is limited to {RefundReasonMaxLength} characters.");
        if (Kind == GiftKind.EventTicket) throw new DomainException("This is an event ticket: cancel the registration on the event's page, with a refund.");
        return reason;
    }

    public const int RefundReasonMaxLength = 300;

    /// <summary>
    /// Corrects a gift recorded wrongly (a mistyped amount, the wrong fund or date). The same rules as recording it.
    /// A soft credit for the whole gift (a spouse's) follows the corrected amount; a partial one must still fit within
    /// it. A ticket is changed through its event, not here. A receipt already issued keeps what it printed: reissuing
    /// it prints the corrected figures.
    /// </summary>
    public void Correct(decimal amount, DateOnly receivedOn, int fundId, int? appealId, PaymentMethod method, decimal benefitValue, string? description, DateOnly today)
    {
        if (Kind == GiftKind.EventTicket) throw new DomainException("A ticket is changed through its event (cancel the registration, or refund it).");
        var corrected = Receive(DonorId, amount, Currency, receivedOn, fundId, method, today, RecordedAt, RecordedById,
            Kind == GiftKind.InKind ? GiftKind.Outright : Kind, benefitValue, description, appealId);
        var partial = SoftCredits.Where(s => s.Amount != Amount).ToList();
        if (partial.Count > 0 && partial.Max(s => s.Amount) > corrected.Amount)
            throw new DomainException($"A soft credit of {partial.Max(s => s.Amount):N2} is larger than {corrected.Amount:N2}; correct the amount to at least that.");
        foreach (var whole in SoftCredits.Where(s => s.Amount == Amount)) whole.Amount = corrected.Amount;
        (Amount, ReceivedOn, FundId, AppealId, Method, Kind, BenefitValue, DeductibleAmount, Description) =
            (corrected.Amount, corrected.ReceivedOn, corrected.FundId, corrected.AppealId, corrected.Method, corrected.Kind, corrected.BenefitValue, corrected.DeductibleAmount, corrected.Description);
    }

    /// <summary>
    /// A ticket whose guest cancelled and let the institution keep the payment: they receive nothing in return, so the
    /// whole payment is now a gift (and deductible).
    /// </summary>
    public void KeepAsDonation()
    {
        if (Kind != GiftKind.EventTicket) throw new DomainException("Only an event ticket can be turned into a donation.");
        Kind = GiftKind.Outright;
        BenefitValue = 0;
        DeductibleAmount = Deductible(Amount, 0);
    }

    /// <summary>The part of a payment that is a gift: what was paid less the fair-market value received, never negative.</summary>
    public static decimal Deductible(decimal paid, decimal benefitValue) => Money.Round(Math.Max(0, paid - benefitValue));

    /// <summary>
    /// Credits another constituent with (part of) this gift without moving the money: a spouse, a parent for their
    /// student's gift, an employee whose company matched it. Never the donor, never one person twice, never more than the gift.
    /// </summary>
    public SoftCredit CreditTo(int constituentId, decimal amount, SoftCreditReason reason)
    {
        if (constituentId == DonorId) throw new DomainException("The donor already has the hard credit; soft credit goes to someone else.");
        if (SoftCredits.Any(s => s.ConstituentId == constituentId)) throw new DomainException("That person already has a soft credit on this gift.");
        Money.Positive(amount, "A soft credit");
        if (amount > Amount) throw new DomainException($"A soft credit cannot exceed the gift ({Amount:N2}).");
        var credit = new SoftCredit { GiftId = Id, ConstituentId = constituentId, Amount = amount, Reason = reason };
        SoftCredits.Add(credit);
        return credit;
    }
}

public enum SoftCreditReason
{
    Spouse = 0,
    Household = 1,
    ParentOfStudent = 2,
    MatchingGift = 3,
    Solicitor = 4,
    Tribute = 5,
}

/// <summary>Recognition for a gift paid by someone else; counts in the credited constituent's giving, not in the money raised.</summary>
public class SoftCredit
{
    public int Id { get; set; }
    public int GiftId { get; set; }
    public int ConstituentId { get; set; }
    public decimal Amount { get; set; }
    public SoftCreditReason Reason { get; set; }
}
