using CoRM.Domain.Advancement;

namespace CoRM.Domain.Tests;

public class AdvancementTests
{
    private static Gift AGift(decimal amount = 100m, decimal benefit = 0, GiftKind kind = GiftKind.Outright, PaymentMethod method = PaymentMethod.Card, string? description = null) =>
        Gift.Receive(donorId: 1, amount, "eur", A.Today, fundId: 1, method, A.Today, A.Now, 9, kind, benefit, description);

    [Theory]
    [InlineData(150, 60, 90)]
    [InlineData(50, 50, 0)]
    [InlineData(100, 0, 100)]
    public void The_deductible_part_is_what_was_paid_less_what_was_received(decimal paid, decimal benefit, decimal deductible)
    {
        var gift = AGift(paid, benefit, GiftKind.EventTicket);
        Assert.Equal(deductible, gift.DeductibleAmount);
        Assert.Equal("EUR", gift.Currency);
    }

    [Fact]
    public void A_gala_ticket_is_deductible_above_the_dinners_value()
    {
        var gala = GivingEvent.Plan("Spring gala", A.Now.AddDays(30), ticketPrice: 150m, fairMarketValue: 65m, capacity: 2, fundId: 1);
        Assert.Equal(85m, gala.DeductiblePerTicket);
        var registration = gala.Register(7, 2, alreadySold: 0, A.Now);
        Assert.Equal(2, registration.Tickets);
        var full = Assert.Throws<DomainException>(() => gala.Register(8, 1, alreadySold: 2, A.Now));
        Assert.Equal("Only 0 of 2 places are left.", full.Message);
    }

    [Fact]
    public void Bad_gifts_are_refused_with_a_reason()
    {
        Assert.Contains("more than zero", Assert.Throws<DomainException>(() => AGift(0)).Message, StringComparison.Ordinal);
        Assert.Contains("two decimals", Assert.Throws<DomainException>(() => AGift(10.001m)).Message, StringComparison.Ordinal);
        Assert.Contains("worth more", Assert.Throws<DomainException>(() => AGift(10, 11)).Message, StringComparison.Ordinal);
        Assert.Contains("Describe", Assert.Throws<DomainException>(() => AGift(500, method: PaymentMethod.InKind)).Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => Gift.Receive(1, 10, "EURO", A.Today, 1, PaymentMethod.Card, A.Today, A.Now, null));
        Assert.Throws<DomainException>(() => Gift.Receive(1, 10, "EUR", A.Today.AddDays(1), 1, PaymentMethod.Card, A.Today, A.Now, null));
    }

    [Fact]
    public void An_in_kind_gift_is_valued_and_described()
    {
        var gift = AGift(1200m, method: PaymentMethod.InKind, description: "Ten laptops, valued at retail by the supplier's invoice");
        Assert.Equal((GiftKind.InKind, 1200m), (gift.Kind, gift.DeductibleAmount));
    }

    [Fact]
    public void Soft_credits_go_to_others_once_each_and_never_beyond_the_gift()
    {
        var gift = AGift(500m);
        gift.CreditTo(2, 500m, SoftCreditReason.Spouse);
        gift.CreditTo(3, 250m, SoftCreditReason.MatchingGift);

        Assert.Equal(750m, gift.SoftCredits.Sum(s => s.Amount)); // recognition, not money: two people may each be credited
        Assert.Throws<DomainException>(() => gift.CreditTo(1, 10m, SoftCreditReason.Tribute));
        Assert.Throws<DomainException>(() => gift.CreditTo(2, 10m, SoftCreditReason.Household));
        Assert.Throws<DomainException>(() => gift.CreditTo(4, 501m, SoftCreditReason.ParentOfStudent));
    }

    [Fact]
    public void A_pledge_splits_into_instalments_and_payments_settle_the_oldest_first()
    {
        var pledge = Pledge.Make(1, 1000m, "EUR", 1, A.Today, 3, Frequency.Quarterly, A.Today.AddDays(10), A.Now);

        Assert.Equal([333.33m, 333.33m, 333.34m], pledge.Instalments.Select(i => i.Amount));
        Assert.Equal(A.Today.AddDays(10).AddMonths(6), pledge.Instalments[2].DueOn);
        Assert.Equal(600m, pledge.Balance(paid: 400m));
        Assert.Equal(2, pledge.NextDue(400m)!.Number);
        Assert.Equal(266.66m, pledge.Schedule(400m)[1].Owed);
        Assert.Equal(0m, pledge.OverdueOn(A.Today, 0m));
        Assert.Equal(333.33m, pledge.OverdueOn(A.Today.AddDays(11), 0m));
        Assert.Null(pledge.NextDue(1000m));

        pledge.Cancel(A.Today);
        Assert.Equal(0m, pledge.Balance(400m));
        Assert.Null(pledge.NextDue(400m));
    }

    [Fact]
    public void A_recurring_gift_misses_an_instalment_only_after_the_grace_period()
    {
        var monthly = RecurringGift.Start(1, 20m, "EUR", 1, Frequency.Monthly, new DateOnly(2026, 8, 1), PaymentMethod.DirectDebit, A.Now);
        var paid = new[] { new DateOnly(2026, 8, 1), new DateOnly(2026, 9, 3), new DateOnly(2026, 11, 1) };

        // October was not paid; September paid late still counts for September.
        Assert.Equal([new DateOnly(2026, 10, 1)], monthly.Missed(paid, new DateOnly(2026, 11, 5)));
        Assert.Equal([new DateOnly(2026, 10, 1)], monthly.Missed(paid, A.Today));
        Assert.Equal([new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 1)], monthly.Missed(paid, new DateOnly(2026, 12, 8)));

        monthly.Stop(new DateOnly(2026, 11, 30));
        Assert.Equal([new DateOnly(2026, 10, 1)], monthly.Missed(paid, new DateOnly(2027, 3, 1)));
    }

    [Fact]
    public void Rfm_scores_place_donors_in_fifths_of_this_institutions_donors()
    {
        var donors = Enumerable.Range(1, 100).Select(i => new RfmValues(DaysSinceLastGift: i * 7, Gifts: 1 + i / 10, Total: i * 50m)).ToList();
        var cuts = RfmCutPoints.From(donors);

        Assert.Equal((5, 1, 1), cuts.Score(donors[0]));   // gave most recently, once, least
        Assert.Equal((1, 5, 5), cuts.Score(donors[^1]));  // longest ago, most often, most
        var middle = cuts.Score(donors[49]);
        Assert.Equal(3, middle.R);
        Assert.Equal(3, middle.M);
    }
}

public class CampaignTests
{
    private const string Body = "Dear {{FirstName}}, thank you for {{LifetimeGiving}} so far. {{UnsubscribeLink}}";

    [Fact]
    public void Merge_fields_are_filled_and_unknown_ones_refused_when_saving()
    {
        Assert.Equal("Dear Ana, thank you for 1,200.00 so far. https://x/u",
            MergeTemplate.Render(Body, new Dictionary<string, string> { ["FirstName"] = "Ana", ["LifetimeGiving"] = "1,200.00", ["UnsubscribeLink"] = "https://x/u" }));
        var error = Assert.Throws<DomainException>(() => AppealCampaign.Draft("Spring", 1, 1, "Hi {{Nickname}}", Body, A.Now, 90, null, A.Now));
        Assert.StartsWith("Unknown merge field in the subject: {{Nickname}}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_appeal_carries_an_unsubscribe_link()
    {
        var error = Assert.Throws<DomainException>(() => AppealCampaign.Draft("Spring", 1, 1, "Hello", "Dear {{FirstName}}", A.Now, 90, null, A.Now));
        Assert.Contains("{{UnsubscribeLink}}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gifts_are_attributed_by_appeal_code_or_by_a_recipient_within_the_window()
    {
        var campaign = AppealCampaign.Draft("Spring", appealId: 7, 1, "Hello", Body, A.Now, 30, null, A.Now);
        Assert.False(campaign.Attributes(A.Today, 7, true)); // not sent yet
        campaign.Schedule(A.Now, A.Now);
        campaign.BeginSending(A.Now);
        campaign.MarkSent(A.Now);
        Assert.True(campaign.Attributes(A.Today.AddDays(200), 7, false));
        Assert.True(campaign.Attributes(A.Today.AddDays(30), null, true));
        Assert.False(campaign.Attributes(A.Today.AddDays(31), null, true));
        Assert.False(campaign.Attributes(A.Today.AddDays(-1), null, true));
        Assert.False(campaign.Attributes(A.Today.AddDays(3), null, false));
    }

    [Fact]
    public void Sending_campaigns_cannot_be_cancelled()
    {
        var campaign = AppealCampaign.Draft("Spring", 7, 1, "Hello", Body, A.Now, 30, null, A.Now);
        Assert.Throws<DomainException>(() => campaign.MarkSent(A.Now)); // not sending yet
        campaign.Schedule(A.Now, A.Now);
        campaign.BeginSending(A.Now);
        Assert.Throws<DomainException>(campaign.Cancel);
        Assert.Throws<DomainException>(() => campaign.BeginSending(A.Now)); // once
        campaign.MarkSent(A.Now.AddMinutes(5));
        Assert.Equal((CampaignStatus.Sent, A.Now.AddMinutes(5)), (campaign.Status, campaign.SentAt));
    }

    [Fact]
    public void Rules_joined_by_or_form_one_group_and_every_group_must_hold()
    {
        SegmentRule[] rules =
        [
            new(SegmentRuleKind.WearsHat, Hat: Constituents.HatKind.Alumnus),
            new(SegmentRuleKind.InRegion, Text: "North"),
            new(SegmentRuleKind.InRegion, Text: "Centre", OrWithPrevious: true),
            new(SegmentRuleKind.GaveWithinMonths, Negate: true, Months: 12, OrWithPrevious: true),
            new(SegmentRuleKind.MayBeEmailed),
        ];

        var groups = SegmentRule.Groups(rules);

        Assert.Equal([1, 3, 1], groups.Select(g => g.Count));
        Assert.Equal("wears the Alumnus hat and (lives in North or lives in Centre or not: gave in the last 12 months) and may be e-mailed", SegmentRule.Describe(rules));
    }

    [Fact]
    public void A_first_rule_marked_or_is_read_as_the_first_condition_and_the_joins_survive_saving()
    {
        var segment = Segment.Define("North or Centre", null,
            [new(SegmentRuleKind.InRegion, Text: "North", OrWithPrevious: true), new(SegmentRuleKind.InRegion, Text: " Centre ", OrWithPrevious: true)], 1, A.Now);

        Assert.Equal([false, true], segment.Rules.Select(r => r.OrWithPrevious));
        Assert.Equal("lives in North or lives in Centre", SegmentRule.Describe(segment.Rules).Trim('(', ')'));
        Assert.Single(SegmentRule.Groups(segment.Rules));
    }

    [Fact]
    public void A_cancelled_ticket_kept_as_a_donation_is_wholly_deductible_and_only_a_ticket_can_be()
    {
        var ticket = Gift.Receive(1, 150m, "EUR", A.Today, 1, PaymentMethod.Card, A.Today, A.Now, 9, GiftKind.EventTicket, 60m);
        Assert.Equal(90m, ticket.DeductibleAmount);
        ticket.KeepAsDonation();
        Assert.Equal((GiftKind.Outright, 0m, 150m), (ticket.Kind, ticket.BenefitValue, ticket.DeductibleAmount));
        Assert.Throws<DomainException>(ticket.KeepAsDonation);
        Assert.Throws<DomainException>(Gift.Receive(1, 50m, "EUR", A.Today, 1, PaymentMethod.Card, A.Today, A.Now, 9).KeepAsDonation);
    }

    [Fact]
    public void A_registration_is_cancelled_once_and_only_before_the_event()
    {
        var gala = GivingEvent.Plan("Gala", A.Now.AddDays(3), 100m, 40m, 10, fundId: 1);
        var registration = gala.Register(7, 2, alreadySold: 0, A.Now);
        registration.Cancel(gala, A.Now.AddDays(1), byId: 9);
        Assert.True(registration.Cancelled);
        Assert.Equal(9, registration.CancelledById);
        Assert.Throws<DomainException>(() => registration.Cancel(gala, A.Now.AddDays(1), 9));
        var late = gala.Register(8, 1, alreadySold: 0, A.Now);
        Assert.Throws<DomainException>(() => late.Cancel(gala, A.Now.AddDays(3), 9));
    }

    [Fact]
    public void A_correction_follows_the_rules_of_recording_and_keeps_soft_credits_within_the_gift()
    {
        var gift = Gift.Receive(1, 500m, "EUR", A.Today.AddDays(-3), 1, PaymentMethod.Card, A.Today, A.Now, 9);
        gift.CreditTo(2, 400m, SoftCreditReason.Solicitor);
        gift.CreditTo(3, 500m, SoftCreditReason.Spouse); // the whole gift: follows the correction

        gift.Correct(450m, A.Today.AddDays(-4), 2, 7, PaymentMethod.BankTransfer, 50m, null, A.Today);
        Assert.Equal((450m, 400m, 2, 7, PaymentMethod.BankTransfer), (gift.Amount, gift.DeductibleAmount, gift.FundId, gift.AppealId, gift.Method));
        Assert.Equal([400m, 450m], gift.SoftCredits.Select(s => s.Amount));

        Assert.Throws<DomainException>(() => gift.Correct(300m, A.Today, 1, null, PaymentMethod.Card, 0, null, A.Today)); // below the partial soft credit
        Assert.Throws<DomainException>(() => gift.Correct(450m, A.Today.AddDays(1), 1, null, PaymentMethod.Card, 0, null, A.Today)); // in the future
        Assert.Throws<DomainException>(() => gift.Correct(450m, A.Today, 1, null, PaymentMethod.InKind, 0, null, A.Today)); // in kind, undescribed
        Assert.Equal(450m, gift.Amount);
        var ticket = Gift.Receive(1, 150m, "EUR", A.Today, 1, PaymentMethod.Card, A.Today, A.Now, 9, GiftKind.EventTicket, 60m);
        Assert.Throws<DomainException>(() => ticket.Correct(100m, A.Today, 1, null, PaymentMethod.Card, 60m, null, A.Today));
    }
}
