using CoRM.Domain;
using CoRM.Domain.Cases;
using CoRM.Domain.Constituents;

namespace CoRM.Domain.Tests;

public sealed class CaseTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    private static CaseType Wellbeing()
    {
        var type = CaseType.Define("Wellbeing", null, 28);
        type.Id = 1;
        type.AddOutcome("Improved", resolves: true).Id = 10;
        type.AddOutcome("Withdrew", resolves: false).Id = 11;
        foreach (var o in type.Outcomes) o.CaseTypeId = 1;
        return type;
    }

    [Fact]
    public void A_case_goes_from_intake_to_open_to_hold_and_closes_resolved_or_closed_by_its_outcome()
    {
        var type = Wellbeing();
        var c = Case.Open(type, "Low mood", "Self", [7, 8, 7], leadId: 3, Today, Now, 3);
        Assert.Equal((CaseStatus.Intake, 2, 3), (c.Status, c.Clients.Count, c.LeadId));
        Assert.Equal(Today.AddDays(28), c.NextReviewOn);
        Assert.Throws<DomainException>(c.Resume);
        c.Accept();
        c.PutOnHold();
        c.Resume();
        Assert.Throws<DomainException>(() => c.Close(type.Outcomes[0], "  ", Today, 3));
        var foreign = new CaseOutcome { Id = 99, CaseTypeId = 2, Name = "x", Resolves = true };
        Assert.Throws<DomainException>(() => c.Close(foreign, "done", Today, 3));
        c.Close(type.Outcomes[0], "Better", Today, 3);
        Assert.Equal((CaseStatus.Resolved, (DateOnly?)null), (c.Status, c.NextReviewOn));
        Assert.Throws<DomainException>(() => c.AddGoal("More", null, Today));
        c.Reopen(28, Today);
        c.Close(type.Outcomes[1], "Moved away", Today, 3);
        Assert.Equal(CaseStatus.Closed, c.Status);
    }

    [Fact]
    public void A_recorded_review_schedules_the_next_one_interval_later()
    {
        var c = Case.Open(Wellbeing(), "Low mood", null, [7], 3, Today, Now, 3);
        var first = c.Reviews.Single();
        first.Id = 1;
        Assert.Throws<DomainException>(() => c.CompleteReview(1, " ", 3, 28, Today, Now));
        var next = c.CompleteReview(1, "Attending again", 3, 28, Today.AddDays(30), Now);
        Assert.Equal(Today.AddDays(58), next!.DueOn);
        Assert.Equal(Today.AddDays(58), c.NextReviewOn);
        Assert.Throws<DomainException>(() => c.ScheduleReview(Today.AddDays(-1), Today));
    }

    [Fact]
    public void Handing_the_lead_over_and_a_handover_keep_one_lead_and_the_history()
    {
        var c = Case.Open(Wellbeing(), "Low mood", null, [7], 3, Today, Now, 3);
        c.AddToTeam(4, CaseRole.Member, Now);
        Assert.Throws<DomainException>(() => c.AddToTeam(4, CaseRole.Supervisor, Now));
        Assert.Throws<DomainException>(() => c.RemoveFromTeam(3, Now)); // the lead
        c.HandLeadTo(4, Now);
        Assert.Equal(4, c.LeadId);
        Assert.Equal(CaseRole.Member, c.RoleOf(3));
        c.Replace(4, 5, Now);
        Assert.Equal(5, c.LeadId);
        Assert.Null(c.RoleOf(4));
        Assert.Single(c.CurrentTeam, m => m.Role == CaseRole.Lead);
        Assert.True(c.Team.Count(m => m.RemovedAt != null) >= 2);
    }

    [Theory]
    [InlineData(NoteSensitivity.Standard, true, true, true, true)]
    [InlineData(NoteSensitivity.CaseTeam, true, true, true, false)]
    [InlineData(NoteSensitivity.LeadAndSupervisors, true, false, false, false)]
    public void Notes_are_read_by_standing(NoteSensitivity sensitivity, bool lead, bool member, bool breakGlass, bool otherCaseWorker)
    {
        Assert.Equal(lead, new CaseStanding(true, true, false, false, true).MayRead(sensitivity));
        Assert.Equal(member, new CaseStanding(true, false, false, false, true).MayRead(sensitivity));
        Assert.Equal(breakGlass, new CaseStanding(false, false, true, false, true).MayRead(sensitivity));
        Assert.Equal(otherCaseWorker, new CaseStanding(false, false, false, false, true).MayRead(sensitivity));
        Assert.True(new CaseStanding(false, false, false, true, true).MayRead(sensitivity)); // supervisors of every case
        Assert.False(CaseStanding.None.MayRead(sensitivity));
    }

    [Fact]
    public void Break_glass_needs_a_real_reason_and_expires()
    {
        Assert.Throws<DomainException>(() => CaseAccessGrant.BreakGlass(1, 2, "urgent", Now, TimeSpan.FromHours(24)));
        var grant = CaseAccessGrant.BreakGlass(1, 2, "Called the on-call line at night", Now, TimeSpan.FromHours(24));
        Assert.True(grant.IsActiveAt(Now.AddHours(23)));
        Assert.False(grant.IsActiveAt(Now.AddHours(24)));
    }

    [Fact]
    public void A_flag_needs_a_label_and_is_removed_with_a_reason_not_deleted()
    {
        Assert.Throws<DomainException>(() => ConstituentFlag.Raise(1, " ", null, FlagVisibility.AllStaff, 2, Now));
        Assert.Throws<DomainException>(() => ConstituentFlag.Raise(1, "x", null, (FlagVisibility)9, 2, Now));
        var flag = ConstituentFlag.Raise(1, "Interpreter needed", null, FlagVisibility.AllStaff, 2, Now);
        Assert.Throws<DomainException>(() => flag.Remove("", 2, Now));
        flag.Remove("No longer needed", 2, Now);
        Assert.False(flag.IsActive);
        Assert.Throws<DomainException>(() => flag.Remove("again", 2, Now));
    }

    [Theory]
    [InlineData("+351 913 555 017", "913555017")]
    [InlineData("00351913555017", "913555017")]
    [InlineData("(913) 555-017", "913555017")]
    [InlineData("555 017", "555017")]
    [InlineData("12 34", null)]
    [InlineData("", null)]
    public void A_phone_number_in_any_format_has_one_dial_key(string typed, string? key) => Assert.Equal(key, ContactPoint.DialKeyOf(typed));
}
