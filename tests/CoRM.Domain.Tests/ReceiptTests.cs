using CoRM.Domain.Advancement;

namespace CoRM.Domain.Tests;

public class ReceiptTests
{
    private static Gift AGift(int id, decimal amount, decimal benefit = 0, DateOnly? on = null, string currency = "EUR")
    {
        var gift = Gift.Receive(donorId: 1, amount, currency, on ?? A.Today, fundId: 1, PaymentMethod.Card, A.Today, A.Now, 9, GiftKind.EventTicket, benefit);
        gift.Id = id;
        return gift;
    }

    [Fact]
    public void A_receipt_shows_what_was_given_and_only_the_deductible_part_as_eligible()
    {
        var receipt = Receipt.Issue(ReceiptKind.AnnualSummary, 1, "Ana Silva", "1 Rua Nova, Porto", [AGift(1, 150m, 65m), AGift(2, 100m)], A.Now, 9);
        receipt.AssignNumber(2026, 42);
        Assert.Equal("2026-000042", receipt.Number);
        Assert.Equal((250m, 185m), (receipt.Amount, receipt.Deductible));
        Assert.Equal([85m, 100m], receipt.Lines.Select(l => l.Deductible));
        Assert.True(receipt.IsCurrent);
    }

    [Fact]
    public void Nothing_deductible_mixed_currencies_or_years_and_other_donors_are_refused()
    {
        Assert.Throws<DomainException>(() => Receipt.Issue(ReceiptKind.Gift, 1, "A", "", [AGift(1, 80m, 80m)], A.Now, 9));
        Assert.Throws<DomainException>(() => Receipt.Issue(ReceiptKind.AnnualSummary, 1, "A", "", [AGift(1, 80m), AGift(2, 80m, currency: "USD")], A.Now, 9));
        Assert.Throws<DomainException>(() => Receipt.Issue(ReceiptKind.AnnualSummary, 1, "A", "", [AGift(1, 80m), AGift(2, 80m, on: A.Today.AddYears(-1))], A.Now, 9));
        Assert.Throws<DomainException>(() => Receipt.Issue(ReceiptKind.Gift, 2, "A", "", [AGift(1, 80m)], A.Now, 9));
        Assert.Throws<DomainException>(() => Receipt.Issue(ReceiptKind.Gift, 1, "A", "", [AGift(1, 80m), AGift(2, 80m)], A.Now, 9));
        Assert.Throws<DomainException>(() => Receipt.Issue(ReceiptKind.AnnualSummary, 1, "A", "", [], A.Now, 9));
    }

    [Fact]
    public void Voiding_needs_a_reason_happens_once_and_frees_the_gifts()
    {
        var receipt = Receipt.Issue(ReceiptKind.Gift, 1, "A", "", [AGift(1, 80m)], A.Now, 9);
        Assert.Throws<DomainException>(() => receipt.Void(" ", A.Now));
        receipt.Void("Wrong address", A.Now);
        Assert.False(receipt.IsCurrent);
        Assert.All(receipt.Lines, l => Assert.True(l.Voided));
        Assert.Throws<DomainException>(() => receipt.Void("Again", A.Now));
    }
}
