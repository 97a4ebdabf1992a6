namespace CoRM.Domain.Advancement;

public enum ReceiptKind
{
    /// <summary>One gift.</summary>
    Gift = 0,

    /// <summary>Every not-yet-receipted deductible gift of a donor in one calendar year.</summary>
    AnnualSummary = 1,
}

/// <summary>
/// An official receipt for tax purposes. Numbers run per year of issue and are never reused. A receipt is never
/// edited: a correction voids it and issues a replacement with a new number that names the one it replaces, so the
/// number history of every gift stays readable. The donor's name and address and each line's amounts are copied at
/// issue, so a reprint of a receipt is the same document the donor received.
/// </summary>
public class Receipt
{
    public const int NumberMaxLength = 20;
    public const int NameMaxLength = Constituents.Constituent.DisplayNameMaxLength;
    public const int AddressMaxLength = 500;
    public const int ReasonMaxLength = 300;

    public int Id { get; set; }
    public int SeriesYear { get; set; }
    public int Sequence { get; set; }
    public string Number { get; set; } = "";
    public ReceiptKind Kind { get; set; }
    public int DonorId { get; set; }

    /// <summary>The calendar year of the gifts it covers.</summary>
    public int TaxYear { get; set; }
    public string DonorName { get; set; } = "";
    public string DonorAddress { get; set; } = "";
    public string Currency { get; set; } = Money.DefaultCurrency;
    public decimal Amount { get; set; }
    public decimal Deductible { get; set; }
    public DateTime IssuedAt { get; set; }
    public int? IssuedById { get; set; }
    public int? ReplacesId { get; set; }
    public DateTime? VoidedAt { get; private set; }
    public string? VoidReason { get; private set; }

    public List<ReceiptLine> Lines { get; } = [];

    public bool IsCurrent => VoidedAt is null;

    public static string FormatNumber(int seriesYear, int sequence) => $"{seriesYear}-{sequence:D6}";

    /// <summary>
    /// A receipt for the given gifts of one donor, in one currency and one year, each with something deductible. The
    /// number is assigned by the caller, who knows the series.
    /// </summary>
    public static Receipt Issue(ReceiptKind kind, int donorId, string donorName, string donorAddress, IReadOnlyList<Gift> gifts, DateTime now, int? issuedById)
    {
        if (WhyNotIssuable(kind, donorId, gifts) is { } refusal) throw new DomainException(refusal);
        var receipt = new Receipt
        {
            Kind = kind,
            DonorId = donorId,
            TaxYear = gifts[0].ReceivedOn.Year,
            DonorName = Clip(donorName, NameMaxLength),
            DonorAddress = Clip(donorAddress, AddressMaxLength),
            Currency = gifts[0].Currency,
            Amount = gifts.Sum(g => g.Amount),
            Deductible = gifts.Sum(g => g.DeductibleAmount),
            IssuedAt = now,
            IssuedById = issuedById,
        };
        foreach (var g in gifts.OrderBy(g => g.ReceivedOn).ThenBy(g => g.Id))
            receipt.Lines.Add(new ReceiptLine { GiftId = g.Id, ReceivedOn = g.ReceivedOn, Amount = g.Amount, BenefitValue = g.BenefitValue, Deductible = g.DeductibleAmount, Description = g.Description });
        return receipt;
    }

    public void AssignNumber(int seriesYear, int sequence)
    {
        SeriesYear = seriesYear;
        Sequence = sequence;
        Number = FormatNumber(seriesYear, sequence);
    }

    /// <summary>Why these gifts cannot go on one receipt, in words for the gift officer; null when they can.</summary>
    public static string? WhyNotIssuable(ReceiptKind kind, int donorId, IReadOnlyList<Gift> gifts)
    {
        if (gifts.Count == 0)
            return kind == ReceiptKind.Gift ? "Choose a gift to receipt." : "There is nothing left to receipt for that year: every deductible gift already has a receipt.";
        if (kind == ReceiptKind.Gift && gifts.Count > 1) return "A gift receipt covers one gift.";
        if (gifts.Any(g => g.DonorId != donorId)) return "A receipt is for one donor's own gifts; soft credits are not receipted.";
        if (gifts.Select(g => g.Currency).Distinct().Count() > 1) return "A receipt is in one currency.";
        if (gifts.Select(g => g.ReceivedOn.Year).Distinct().Count() > 1) return "A receipt covers gifts of one calendar year.";
        return gifts.FirstOrDefault(g => g.DeductibleAmount <= 0) is { } nothing
            ? $"The gift of {nothing.ReceivedOn:d MMM yyyy} has no deductible part (the donor received its full value), so it gets no tax receipt."
            : null;
    }

    /// <summary>Voids this receipt so a replacement can be issued for the same gifts.</summary>
    public void Void(string? reason, DateTime now)
    {
        if (!IsCurrent) throw new DomainException($"Receipt {Number} was already replaced; reissue the current one.");
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) throw new DomainException("Say why the receipt is voided (it stays on the receipt's record).");
        if (reason.Length > ReasonMaxLength) throw new DomainException($"The reason is limited to {ReasonMaxLength} characters.");
        VoidedAt = now;
        VoidReason = reason;
        foreach (var line in Lines) line.Voided = true;
    }

    private static string Clip(string s, int max) => s.Length > max ? s[..max] : s;
}

/// <summary>One gift on a receipt, with the amounts as they were when the receipt was issued.</summary>
public class ReceiptLine
{
    public int Id { get; set; }
    public int ReceiptId { get; set; }

    /// <summary>Null once the gift was refunded and removed; the line keeps the copied amounts, so the receipt still reprints.</summary>
    public int? GiftId { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public decimal Amount { get; set; }
    public decimal BenefitValue { get; set; }
    public decimal Deductible { get; set; }
    public string? Description { get; set; }

    /// <summary>Copied from the receipt when it is voided, so the database can hold "one current receipt per gift" as a unique index.</summary>
    public bool Voided { get; internal set; }
}
