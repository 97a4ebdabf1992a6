using CoRM.Domain.Advancement;
using CoRM.Domain.Engagement;

namespace CoRM.Domain.Tests;

public sealed class TagAndProgrammeTests
{
    private static readonly DateOnly Start = new(2026, 12, 1);
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_tag_rule_names_its_tag_and_keeps_nothing_of_the_other_actions()
    {
        Assert.Throws<DomainException>(() => EngagementRule.Define("Tag", 1, RuleActionKind.Tag, null, null, null, 0, null, 365, Start, 7));
        var rule = EngagementRule.Define("Tag", 1, RuleActionKind.Tag, 9, "ignored", "ignored", 3, null, 365, Start, 7, tagId: 4);
        Assert.Equal((4, (int?)null, (string?)null, (string?)null), (rule.TagId, rule.OwnerId, rule.Title, rule.Body));
        var followUp = EngagementRule.Define("Call", 1, RuleActionKind.FollowUp, 7, "x", null, 7, null, 365, Start, 7, tagId: 4);
        Assert.Null(followUp.TagId);
    }

    [Fact]
    public void Tags_have_a_name_within_limits_and_the_segment_rule_needs_one()
    {
        Assert.Equal("Advocate", Tag.Define("  Advocate ", " ", Now).Name);
        Assert.Null(Tag.Define("Advocate", " ", Now).Description);
        Assert.Throws<DomainException>(() => Tag.Define(" ", null, Now));
        Assert.Throws<DomainException>(() => Tag.Define(new string('a', Tag.NameMaxLength + 1), null, Now));
        Assert.Throws<DomainException>(() => new SegmentRule(SegmentRuleKind.HasTag).Validated());
        Assert.Equal("is tagged \"Advocate\"", new SegmentRule(SegmentRuleKind.HasTag, Text: " Advocate ").Validated().Describe());
        Assert.Equal("not: is tagged \"Advocate\"", new SegmentRule(SegmentRuleKind.HasTag, Negate: true, Text: "Advocate").Describe());
    }

    [Fact]
    public void A_programme_plans_free_numbered_sessions_at_the_interval()
    {
        var (series, sessions) = EventSeries.Plan(" Study club ", null, Now.AddDays(1), 8, 7, 10, 3, TimeZoneInfo.Utc, Now, 5);
        Assert.Equal("Study club", series.Name);
        Assert.Equal(8, sessions.Count);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => Now.AddDays(1 + 7 * i)), sessions.Select(s => s.StartsAt));
        Assert.All(sessions, s => Assert.Equal((0m, 0m, (int?)10, 3, series), (s.TicketPrice, s.FairMarketValue, s.Capacity, s.FundId, s.Series)));
        Assert.Equal("Study club — session 1 of 8", sessions[0].Name);
        Assert.Equal("Study club — session 8 of 8", sessions[^1].Name);
        Assert.All(sessions, s => Assert.Equal(DateTimeKind.Utc, s.StartsAt.Kind));
    }

    [Theory]
    [InlineData(1, 7)] // one session is an event, not a programme
    [InlineData(53, 7)]
    [InlineData(4, 0)]
    [InlineData(4, 32)]
    public void A_programme_has_two_to_fifty_two_sessions_a_day_to_a_month_apart(int sessions, int everyDays) =>
        Assert.Throws<DomainException>(() => EventSeries.Plan("Club", null, Now.AddDays(1), sessions, everyDays, null, 1, TimeZoneInfo.Utc, Now, null));

    [Fact]
    public void A_programme_starts_in_the_future_and_has_a_name()
    {
        Assert.Throws<DomainException>(() => EventSeries.Plan("Club", null, Now.AddMinutes(-1), 4, 7, null, 1, TimeZoneInfo.Utc, Now, null));
        Assert.Throws<DomainException>(() => EventSeries.Plan(" ", null, Now.AddDays(1), 4, 7, null, 1, TimeZoneInfo.Utc, Now, null));
        Assert.Throws<DomainException>(() => EventSeries.Plan(new string('x', EventSeries.NameMaxLength + 1), null, Now.AddDays(1), 4, 7, null, 1, TimeZoneInfo.Utc, Now, null));
        Assert.Throws<DomainException>(() => EventSeries.Plan("Club", null, Now.AddDays(1), 4, 7, 0, 1, TimeZoneInfo.Utc, Now, null));
    }

    [Fact]
    public void A_weekly_evening_session_keeps_its_wall_clock_time_across_the_change_of_daylight_saving_time()
    {
        // Lisbon moves from WEST (UTC+1) to WET (UTC) on 25 October 2026: 18:00 local is 17:00 UTC before, 18:00 UTC after.
        var lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");
        var before = new DateTime(2026, 10, 13, 17, 0, 0, DateTimeKind.Utc);
        var (_, sessions) = EventSeries.Plan("Club", null, before, 3, 7, null, 1, lisbon, new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc), null);
        Assert.Equal([before, before.AddDays(7), before.AddDays(14).AddHours(1)], sessions.Select(s => s.StartsAt));

        // New York springs forward on 8 March 2026 at 02:00: a 02:30 daily session that day does not exist and moves to 03:30.
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var first = new DateTime(2026, 3, 7, 7, 30, 0, DateTimeKind.Utc); // 02:30 EST
        var (_, daily) = EventSeries.Plan("Night shift club", null, first, 3, 1, null, 1, newYork, new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), null);
        Assert.Equal([first, new DateTime(2026, 3, 8, 7, 30, 0, DateTimeKind.Utc), new DateTime(2026, 3, 9, 6, 30, 0, DateTimeKind.Utc)], daily.Select(s => s.StartsAt));
    }

    [Fact]
    public void An_rsvp_form_replies_to_an_event_or_a_programme_not_both_nor_neither()
    {
        FormFieldSpec[] none = [];
        PublicForm Rsvp(int? eventId, int? seriesId) =>
            PublicForm.Create(PublicFormKind.Rsvp, "club", "Club", "Come", none, "I agree", "the guest list", null, eventId, null, Now, seriesId);
        Assert.Throws<DomainException>(() => Rsvp(null, null));
        Assert.Throws<DomainException>(() => Rsvp(1, 2));
        Assert.Equal((null, 2), (Rsvp(null, 2).EventId, Rsvp(null, 2).SeriesId));
        Assert.Equal((1, null), (Rsvp(1, null).EventId, Rsvp(1, null).SeriesId));
    }
}
