using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Engagement;
using CoRM.Infrastructure.Tests.Support;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed class FollowUpBoardTests : InstitutionTest
{
    private DateOnly Today => DateOnly.FromDateTime(Institution.Time.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task Create_complete_and_reassign_a_follow_up()
    {
        var admissions = await Institution.PersonaAsync(Personas.Admissions);
        var success = await Institution.PersonaAsync(Personas.StudentSuccess);
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        var board = Institution.Get<FollowUpBoard>();

        var created = await board.CreateAsync(admissions, new CreateFollowUpRequest(sofia, null, Topic.Admissions, "Call about the deposit", null, Today.AddDays(3)));
        Assert.True(created.Succeeded, created.Message);
        var row = (await board.MineAsync(admissions, FollowUpFilter.Open, 0, 100)).Items.Single(f => f.Id == created.Id);

        var reassigned = await board.ReassignAsync(admissions, row.Id, success.ConstituentId, row.Version);
        Assert.True(reassigned.Succeeded, reassigned.Message);
        Assert.DoesNotContain((await board.MineAsync(admissions, FollowUpFilter.Open, 0, 100)).Items, f => f.Id == row.Id);
        var theirs = (await board.MineAsync(success, FollowUpFilter.Open, 0, 100)).Items.Single(f => f.Id == row.Id);

        var completed = await board.CompleteAsync(success, theirs.Id, "Deposit paid", theirs.Version);
        Assert.True(completed.Succeeded, completed.Message);
        Assert.Contains((await board.MineAsync(success, FollowUpFilter.Completed, 0, 100)).Items, f => f.Id == row.Id && f.Outcome == "Deposit paid");
    }

    [Fact]
    public async Task A_stale_completion_is_a_conflict()
    {
        var admissions = await Institution.PersonaAsync(Personas.Admissions);
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        var board = Institution.Get<FollowUpBoard>();
        var created = await board.CreateAsync(admissions, new CreateFollowUpRequest(sofia, null, Topic.Admissions, "Send the offer letter", null, Today));
        var row = (await board.MineAsync(admissions, FollowUpFilter.Open, 0, 100)).Items.Single(f => f.Id == created.Id);

        var success = await Institution.PersonaAsync(Personas.StudentSuccess);

        // Someone reassigns it while the creator's screen still shows the old version.
        Assert.True((await board.ReassignAsync(admissions, row.Id, success.ConstituentId, row.Version)).Succeeded);
        var stale = await board.CompleteAsync(admissions, row.Id, "Sent", row.Version);
        Assert.Equal(CommandStatus.Conflict, stale.Status);

        var fresh = (await board.MineAsync(success, FollowUpFilter.Open, 0, 100)).Items.Single(f => f.Id == row.Id);
        Assert.True((await board.CompleteAsync(success, fresh.Id, "Sent", fresh.Version)).Succeeded);
    }

    [Fact]
    public async Task Someone_else_cannot_complete_my_follow_up_and_bad_input_is_refused()
    {
        var admissions = await Institution.PersonaAsync(Personas.Admissions);
        var advancement = await Institution.PersonaAsync(Personas.Advancement);
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        var board = Institution.Get<FollowUpBoard>();

        var past = await board.CreateAsync(admissions, new CreateFollowUpRequest(sofia, null, Topic.Admissions, "Late", null, Today.AddDays(-1)));
        var blank = await board.CreateAsync(admissions, new CreateFollowUpRequest(sofia, null, Topic.Admissions, " ", null, Today));
        var parentOwner = await board.CreateAsync(admissions, new CreateFollowUpRequest(sofia, await Institution.ConstituentIdAsync(Personas.Parent), Topic.Admissions, "x", null, Today));
        Assert.Equal(CommandStatus.Invalid, past.Status);
        Assert.Equal(CommandStatus.Invalid, blank.Status);
        Assert.Equal(CommandStatus.Invalid, parentOwner.Status);

        var created = await board.CreateAsync(admissions, new CreateFollowUpRequest(sofia, null, Topic.General, "Mine", null, Today));
        var row = (await board.MineAsync(admissions, FollowUpFilter.Open, 0, 100)).Items.Single(f => f.Id == created.Id);
        Assert.Equal(CommandStatus.NotFound, (await board.CompleteAsync(advancement, row.Id, "Not mine", row.Version)).Status);
    }

    [Fact]
    public async Task Due_or_overdue_lists_only_what_is_due_by_today()
    {
        var faculty = await Institution.PersonaAsync(Personas.Faculty);
        var due = await Institution.Get<FollowUpBoard>().MineAsync(faculty, FollowUpFilter.DueOrOverdue, 0, 100);
        Assert.NotEmpty(due.Items);
        Assert.All(due.Items, f => Assert.True(f.IsOpen && f.DueOn <= Today));
    }
}
