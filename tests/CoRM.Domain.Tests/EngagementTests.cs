using CoRM.Domain.Advancement;
using CoRM.Domain.Engagement;

namespace CoRM.Domain.Tests;

public sealed class EngagementTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    private static List<EngagementWeight> Weights() =>
        EngagementWeight.Defaults.Select(d => new EngagementWeight { Measure = d.Measure, Points = d.Points, Cap = d.Cap }).ToList();

    private static List<EngagementLevel> Ladder() =>
        EngagementLevel.Defaults.Select(d => new EngagementLevel { Id = d.Id, Name = d.Name, MinScore = d.MinScore }).ToList();

    [Fact]
    public void The_score_is_points_per_unit_summed_with_each_measure_capped()
    {
        // 2 gifts (12), a gift today (10), 12 hours (12), 3 events (15), 1 action (4) = 53.
        var inputs = new EngagementInputs(2, 0, 12m, 3, 1, 0);
        Assert.Equal(53, EngagementScoring.Score(inputs, Weights()));

        // 50 hours count only 40; 20 actions only 10.
        var busy = new EngagementInputs(0, null, 50m, 0, 20, 0);
        Assert.Equal(40 + 40, EngagementScoring.Score(busy, Weights()));
    }

    [Fact]
    public void Recency_earns_full_points_today_half_at_six_months_and_none_after_a_year()
    {
        int Score(int days) => EngagementScoring.Score(new EngagementInputs(1, days, 0, 0, 0, 0), Weights()) - 6;
        Assert.Equal(10, Score(0));
        Assert.Equal(5, Score(183));
        Assert.Equal(0, Score(365));
        Assert.Equal(0, Score(400));
    }

    [Fact]
    public void Resolved_cases_count_nothing_until_an_institution_gives_them_points()
    {
        var helped = new EngagementInputs(0, null, 0, 0, 0, 2);
        Assert.Equal(0, EngagementScoring.Score(helped, Weights()));
        var weights = Weights();
        weights.Single(w => w.Measure == EngagementMeasure.CasesResolved).Set(5, 2, 1, Now);
        Assert.Equal(10, EngagementScoring.Score(helped, weights));
    }

    [Fact]
    public void A_person_stands_on_the_highest_rung_their_score_reaches_and_below_the_first_on_none()
    {
        var ladder = Ladder();
        Assert.Null(EngagementScoring.LevelFor(0, ladder));
        Assert.Equal("Aware", EngagementScoring.LevelFor(1, ladder)!.Name);
        Assert.Equal("Supporter", EngagementScoring.LevelFor(39, ladder)!.Name);
        Assert.Equal("Active", EngagementScoring.LevelFor(40, ladder)!.Name);
        Assert.Equal("Leader", EngagementScoring.LevelFor(500, ladder)!.Name);
        Assert.True(EngagementScoring.IsUp(null, ladder[0]));
        Assert.True(EngagementScoring.IsUp(ladder[1], ladder[3]));
        Assert.False(EngagementScoring.IsUp(ladder[2], ladder[1]));
        Assert.False(EngagementScoring.IsUp(ladder[0], null));
    }

    [Fact]
    public void The_explanation_names_what_the_reader_may_see_and_sums_the_rest_as_points()
    {
        var inputs = new EngagementInputs(2, 21, 12m, 3, 1, 0);
        var parts = EngagementScoring.Parts(inputs, Weights());
        Assert.Equal("2 gifts (the last 3 weeks ago), 12 volunteer hours, 3 events and 1 × signed a petition in the last 12 months",
            EngagementScoring.Explain(inputs, parts, _ => true, [("Signed a petition", 1)]));

        // A coordinator sees hours, events and actions; the gifts' 12 + 9 points are summed without saying what they were.
        var noGiving = EngagementScoring.Explain(inputs, parts, m => m is not (EngagementMeasure.Gifts or EngagementMeasure.RecentGift));
        Assert.Equal("12 volunteer hours, 3 events and 1 action in the last 12 months, and 21 points from records you do not see", noGiving);
        Assert.DoesNotContain("gift", noGiving);
        Assert.Equal("Nothing recorded in the last 12 months", EngagementScoring.Explain(EngagementInputs.None, [], _ => true));
    }

    [Fact]
    public void Weights_and_ladders_refuse_what_would_make_the_score_meaningless()
    {
        var weight = Weights().First(w => w.Measure == EngagementMeasure.Actions);
        Assert.Throws<DomainException>(() => weight.Set(-1, 10, 1, Now));
        Assert.Throws<DomainException>(() => weight.Set(1.001m, 10, 1, Now));
        Assert.Throws<DomainException>(() => weight.Set(4, 0, 1, Now));
        Assert.Throws<DomainException>(() => Weights().First(w => w.Measure == EngagementMeasure.RecentGift).Set(10, 3, 1, Now));

        var ladder = Ladder();
        ladder.Add(new EngagementLevel { Name = "aware", MinScore = 200 });
        Assert.Throws<DomainException>(() => EngagementScoring.ValidateLadder(ladder));
        ladder[^1] = new EngagementLevel { Name = "Champion", MinScore = 80 };
        Assert.Throws<DomainException>(() => EngagementScoring.ValidateLadder(ladder));
        ladder[^1] = new EngagementLevel { Name = "Champion", MinScore = 200 };
        EngagementScoring.ValidateLadder(ladder);
        Assert.Throws<DomainException>(() => EngagementLevel.Define("", 10));
        Assert.Throws<DomainException>(() => EngagementLevel.Define("Zero", 0));
    }

    [Fact]
    public void An_action_needs_an_offered_type_a_past_day_and_bounded_text()
    {
        var petition = ActionType.Define("Signed a petition", ActionCategory.Advocacy, null, asksTarget: false);
        var action = ConstituentAction.Record(5, petition, Today, Channel.WebForm, "  Keep the library open ", null, null, null, null, Now, Today);
        Assert.Equal("Keep the library open", action.Target);
        Assert.Equal("Signed a petition: Keep the library open", ConstituentAction.Describe(petition.Name, action.Target));

        Assert.Throws<DomainException>(() => ConstituentAction.Record(5, petition, Today.AddDays(1), Channel.WebForm, null, null, null, null, null, Now, Today));
        Assert.Throws<DomainException>(() => ConstituentAction.Record(5, petition, Today, Channel.WebForm, new string('x', 201), null, null, null, null, Now, Today));
        Assert.Throws<DomainException>(() => ConstituentAction.Record(5, petition, Today, (Channel)99, null, null, null, null, null, Now, Today));
        petition.IsActive = false;
        Assert.Throws<DomainException>(() => ConstituentAction.Record(5, petition, Today, Channel.WebForm, null, null, null, null, null, Now, Today));
        Assert.Throws<DomainException>(() => ActionType.Define(" ", ActionCategory.Service, null, false));
        Assert.Throws<DomainException>(() => ActionType.Define("Mentored", (ActionCategory)9, null, false));
    }

    [Fact]
    public void Segment_rules_for_actions_and_the_ladder_check_their_parameters_and_read_as_sentences()
    {
        Assert.Throws<DomainException>(() => new SegmentRule(SegmentRuleKind.TookAction, Months: 12).Validated());
        Assert.Throws<DomainException>(() => new SegmentRule(SegmentRuleKind.ActionsInCategory, Count: 2, Months: 12).Validated());
        Assert.Throws<DomainException>(() => new SegmentRule(SegmentRuleKind.EngagementScoreAtLeast, Count: 0).Validated());
        Assert.Throws<DomainException>(() => new SegmentRule(SegmentRuleKind.EngagementLevelAtLeast).Validated());
        Assert.Throws<DomainException>(() => new SegmentRule(SegmentRuleKind.MovedUpLadder).Validated());

        Assert.Equal("took 2+ service actions in the last 6 months",
            new SegmentRule(SegmentRuleKind.ActionsInCategory, Category: ActionCategory.Service, Count: 2, Months: 6).Validated().Describe());
        Assert.Equal("took the action \"Signed a petition\" 3+ times in the last 12 months",
            new SegmentRule(SegmentRuleKind.TookAction, Text: "Signed a petition", Count: 3, Months: 12).Validated().Describe());
        Assert.Equal("is at the engagement level \"Active\" or higher", new SegmentRule(SegmentRuleKind.EngagementLevelAtLeast, Text: "Active").Validated().Describe());

        var rules = new[] { new SegmentRule(SegmentRuleKind.ActionsInCategory, Category: ActionCategory.Advocacy, Count: 1, Months: 12) };
        Assert.Equal(rules, Segment.Parse(Segment.Serialize(rules)));
    }
}

public sealed class EngagementRuleDomainTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);

    [Fact]
    public void A_rules_periods_count_from_its_start_so_a_person_is_acted_for_once_in_each()
    {
        var rule = EngagementRule.Define("Board", 1, RuleActionKind.FollowUp, 7, "Invite {{DisplayName}}", null, 7, null, 365, Start, 7);
        Assert.Equal(0, rule.PeriodOf(Start));
        Assert.Equal(0, rule.PeriodOf(Start.AddDays(364)));
        Assert.Equal(1, rule.PeriodOf(Start.AddDays(365)));
        Assert.Equal(0, rule.PeriodOf(Start.AddDays(-3))); // before the start counts as the first period
        Assert.Equal("Invite Ana Lopes", EngagementRule.Personal(rule.Title!, "Ana Lopes"));
    }

    [Fact]
    public void A_rule_refuses_what_it_could_not_do()
    {
        Assert.Throws<DomainException>(() => EngagementRule.Define("", 1, RuleActionKind.FollowUp, 7, "x", null, 7, null, 365, Start, 7));
        Assert.Throws<DomainException>(() => EngagementRule.Define("Call", 1, RuleActionKind.FollowUp, null, "x", null, 7, null, 365, Start, 7));
        Assert.Throws<DomainException>(() => EngagementRule.Define("Call", 1, RuleActionKind.FollowUp, 7, "x", null, 400, null, 365, Start, 7));
        Assert.Throws<DomainException>(() => EngagementRule.Define("Mail", 1, RuleActionKind.Email, null, "Hi", "no link", 0, null, 365, Start, 7));
        Assert.Throws<DomainException>(() => EngagementRule.Define("Plan", 1, RuleActionKind.Plan, 7, null, null, 0, [], 365, Start, 7));
        Assert.Throws<DomainException>(() => EngagementRule.Define("Plan", 1, RuleActionKind.Plan, 7, null, null, 0, [new PlanStep("", 3)], 365, Start, 7));
        Assert.Throws<DomainException>(() => EngagementRule.Define("Call", 1, RuleActionKind.FollowUp, 7, "x", null, 7, null, 0, Start, 7));
        var plan = EngagementRule.Define("Plan", 1, RuleActionKind.Plan, 7, null, null, 0, [new PlanStep("Later", 14), new PlanStep(" First ", 0)], 365, Start, 7);
        Assert.Equal(["First", "Later"], plan.Plan.Select(s => s.Title));
    }
}

public sealed class EventAttendanceTests
{
    private static readonly DateTime Start = new(2026, 12, 10, 18, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Attendance_is_taken_from_two_hours_before_and_only_for_a_guest_with_a_place_and_a_second_tap_is_no_new_arrival()
    {
        var lecture = GivingEvent.Plan("Lecture", Start, 0m, 0m, 1, 1);
        var guest = lecture.Register(5, 1, 0, Start.AddDays(-3));
        var waiting = lecture.Waitlist(6, Start.AddDays(-2));
        Assert.Throws<DomainException>(() => guest.MarkAttendance(lecture, true, Start.AddHours(-3)));
        Assert.True(guest.MarkAttendance(lecture, true, Start.AddHours(-1)));
        Assert.False(guest.MarkAttendance(lecture, true, Start));
        Assert.Throws<DomainException>(() => waiting.MarkAttendance(lecture, true, Start));
        Assert.Throws<DomainException>(() => GivingEvent.Plan("Gala", Start, 100m, 40m, 10, 1).Waitlist(7, Start.AddDays(-1)));
    }
}
