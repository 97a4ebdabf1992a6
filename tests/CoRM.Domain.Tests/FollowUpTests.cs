using CoRM.Domain.Engagement;

namespace CoRM.Domain.Tests;

public class FollowUpTests
{
    private static FollowUp Due(DateOnly dueOn) => FollowUp.Create(1, 10, Topic.Advising, "Call about absences", null, dueOn, dueOn.AddDays(-3), 10, A.Now);

    [Fact]
    public void IsDueOnItsDateAndOverdueAfterIt()
    {
        var f = Due(A.Today);
        Assert.True(f.IsDueOn(A.Today));
        Assert.False(f.IsOverdueOn(A.Today));
        Assert.True(f.IsOverdueOn(A.Today.AddDays(1)));
        Assert.False(f.IsDueOn(A.Today.AddDays(-1)));
    }

    [Fact]
    public void CannotBeCreatedDueInThePast()
    {
        var error = Assert.Throws<DomainException>(() => FollowUp.Create(1, 10, Topic.General, "x", null, A.Today.AddDays(-1), A.Today, 10, A.Now));
        Assert.Contains("past", error.Message);
    }

    [Fact]
    public void CompletingRecordsTheOutcomeAndClosesIt()
    {
        var f = Due(A.Today);
        f.Complete("Met, agreed a study plan", A.Now);
        Assert.False(f.IsOpen);
        Assert.False(f.IsDueOn(A.Today.AddDays(5)));
        Assert.Equal("Met, agreed a study plan", f.Outcome);
    }

    [Fact]
    public void CompletingNeedsAnOutcomeAndHappensOnce()
    {
        var f = Due(A.Today);
        Assert.Throws<DomainException>(() => f.Complete(" ", A.Now));
        f.Complete("Done", A.Now);
        Assert.Throws<DomainException>(() => f.Complete("Again", A.Now));
    }

    [Fact]
    public void ReassigningChangesTheOwnerOfAnOpenFollowUpOnly()
    {
        var f = Due(A.Today);
        f.Reassign(11);
        Assert.Equal(11, f.OwnerId);
        Assert.Throws<DomainException>(() => f.Reassign(11));
        f.Complete("Done", A.Now);
        Assert.Throws<DomainException>(() => f.Reassign(12));
    }
}
