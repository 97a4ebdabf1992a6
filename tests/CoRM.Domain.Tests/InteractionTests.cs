using CoRM.Domain.Access;
using CoRM.Domain.Engagement;

namespace CoRM.Domain.Tests;

public class InteractionTests
{
    [Fact]
    public void LoggingTrimsAndKeepsTheFacts()
    {
        var i = Interaction.Log(1, Channel.Meeting, Topic.Advising, "  Term planning ", "  ", A.Now.AddHours(-1), 7, A.Now);
        Assert.Equal("Term planning", i.Subject);
        Assert.Null(i.Notes);
        Assert.Equal(7, i.RecordedById);
    }

    [Fact]
    public void RefusesAnEmptySubjectOrAFutureDate()
    {
        Assert.Throws<DomainException>(() => Interaction.Log(1, Channel.Phone, Topic.General, " ", null, A.Now, 7, A.Now));
        var error = Assert.Throws<DomainException>(() => Interaction.Log(1, Channel.Phone, Topic.General, "Call", null, A.Now.AddDays(1), 7, A.Now));
        Assert.Contains("future", error.Message);
    }

    [Fact]
    public void RefusesOverlongNotes()
    {
        Assert.Throws<DomainException>(() => Interaction.Log(1, Channel.Email, Topic.General, "x", new string('n', Interaction.NotesMaxLength + 1), A.Now, 7, A.Now));
    }

    [Fact]
    public void FacultyNeverReadGivingOrCaseNotes()
    {
        var faculty = UserScope.Of(5, "f", Roles.Faculty);
        Assert.True(TopicVisibility.MayRead(faculty, Topic.Advising));
        Assert.False(TopicVisibility.MayRead(faculty, Topic.Giving));
        Assert.False(TopicVisibility.MayRead(faculty, Topic.Case));
    }

    [Fact]
    public void AdvancementNeverReadsAdvisingOrCaseNotes()
    {
        var advancement = UserScope.Of(5, "a", Roles.Advancement);
        Assert.True(TopicVisibility.MayRead(advancement, Topic.Giving));
        Assert.False(TopicVisibility.MayRead(advancement, Topic.Advising));
        Assert.False(TopicVisibility.MayRead(advancement, Topic.Case));
    }

    [Fact]
    public void SeveralRolesSeeTheUnionOfTheirTopics()
    {
        var both = UserScope.Of(5, "x", Roles.Faculty, Roles.Advancement);
        Assert.True(TopicVisibility.MayRead(both, Topic.Giving));
        Assert.True(TopicVisibility.MayRead(both, Topic.Advising));
        Assert.False(TopicVisibility.MayRead(both, Topic.Case));
    }

    [Fact]
    public void ParentsRecordNothingThroughStaffScreens()
    {
        var parent = UserScope.Of(5, "p", Roles.Parent);
        Assert.Empty(TopicVisibility.VisibleTo(parent));
        Assert.False(TopicVisibility.MayRecord(parent, Topic.General));
    }
}
