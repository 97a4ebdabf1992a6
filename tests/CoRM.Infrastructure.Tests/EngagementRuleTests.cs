using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Engagement;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed class EngagementRuleTests : InstitutionTest
{
    /// <summary>The demo ran the rules once at seeding; these tests start from before that run.</summary>
    private async Task ForgetTheSeedingRunAsync()
    {
        await using var db = await Institution.OpenAsync();
        await db.RuleFirings.ExecuteDeleteAsync();
        await db.FollowUps.Where(f => f.Topic == Topic.Engagement).ExecuteDeleteAsync();
        await db.OutboxMessages.Where(m => m.DedupKey.StartsWith("rule:")).ExecuteDeleteAsync();
    }

    [Fact]
    public async Task The_classic_rules_act_once_for_each_member_and_a_second_run_does_nothing()
    {
        await ForgetTheSeedingRunAsync();
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var segments = Institution.Get<Segments>();
        var ready = await segments.ListAsync(tomas);
        async Task<IReadOnlyList<SegmentMember>> MembersAsync(string segment) =>
            (await segments.PreviewAsync(tomas, ready.Single(s => s.Name == segment).Rules, 0, 500)).Items;
        var volunteers = await MembersAsync("Committed volunteers");
        var signers = await MembersAsync("Petition signers who have not given");
        Assert.NotEmpty(volunteers);
        Assert.NotEmpty(signers);

        var runs = await Institution.Get<EngagementRuleJob>().RunAsync();
        Assert.Equal(4, runs.Count);
        var again = await Institution.Get<EngagementRuleJob>().RunAsync();
        Assert.All(again, r => Assert.Equal((0, 0), (r.Fired, r.Skipped)));

        var ines = await Institution.ConstituentIdAsync(Personas.VolunteerCoordinator);
        await using var db = await Institution.OpenAsync();
        var invitations = await db.FollowUps.Where(f => f.OwnerId == ines && f.Title.StartsWith("Invite ") && f.Title.EndsWith(" to the volunteer board")).ToListAsync();
        Assert.Equal(volunteers.Select(v => v.Id).Order(), invitations.Select(f => f.ConstituentId).Order());
        Assert.All(invitations, f => Assert.Equal(Topic.Engagement, f.Topic));
        Assert.Contains(invitations, f => f.Title == $"Invite {volunteers[0].DisplayName} to the volunteer board");

        var asks = await db.OutboxMessages.Where(m => m.Subject.EndsWith(", keep the library open with a gift")).ToListAsync();
        Assert.Equal(signers.Where(s => s.MayBeEmailed).Select(s => s.Id).Order(), asks.Select(m => m.RecipientConstituentId!.Value).Order());
        Assert.All(asks, m => Assert.Contains("/unsubscribe?token=", m.TextBody));
        var petitionRule = await db.EngagementRules.SingleAsync(r => r.Name == "First donation ask for petition signers");
        Assert.Equal(signers.Count, await db.RuleFirings.CountAsync(f => f.RuleId == petitionRule.Id));
        Assert.Equal(signers.Count(s => !s.MayBeEmailed), await db.RuleFirings.CountAsync(f => f.RuleId == petitionRule.Id && f.Outcome.StartsWith("not e-mailed")));
    }

    [Fact]
    public async Task Two_instances_running_the_rules_at_once_act_exactly_once_per_person()
    {
        await ForgetTheSeedingRunAsync();
        // Two jobs with their own services, as two portal processes would have, racing on one database.
        var first = Institution.Get<EngagementRuleJob>();
        var second = Institution.Get<EngagementRuleJob>();
        Assert.NotSame(first, second);
        await Task.WhenAll(Task.Run(() => first.RunAsync()), Task.Run(() => second.RunAsync()));

        await using var db = await Institution.OpenAsync();
        var followUps = await db.FollowUps.Where(f => f.Title.EndsWith(" to the volunteer board")).GroupBy(f => f.ConstituentId).Select(g => g.Count()).ToListAsync();
        Assert.NotEmpty(followUps);
        Assert.All(followUps, n => Assert.Equal(1, n));
        var mails = await db.OutboxMessages.Where(m => m.DedupKey.StartsWith("rule:")).GroupBy(m => m.RecipientConstituentId).Select(g => g.Count()).ToListAsync();
        Assert.All(mails, n => Assert.Equal(1, n));
        Assert.Equal(await db.RuleFirings.CountAsync(), await db.RuleFirings.Select(f => new { f.RuleId, f.ConstituentId, f.Period }).Distinct().CountAsync());
    }

    [Fact]
    public async Task Only_the_giving_office_defines_rules_and_a_rule_must_be_one_that_can_act()
    {
        var rules = Institution.Get<EngagementRules>();
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        int segment;
        await using (var db = await Institution.OpenAsync()) segment = await db.Segments.Where(s => s.Name == "Regular event attendees").Select(s => s.Id).SingleAsync();
        var ines = await Institution.ConstituentIdAsync(Personas.VolunteerCoordinator);
        var helena = await Institution.ConstituentIdAsync(Personas.Faculty);
        NewEngagementRule Mail(string body) => new("Spring hello", segment, RuleActionKind.Email, null, "Hello {{FirstName}}", body, 0, null, 365);

        Assert.Empty(await rules.ListAsync(await Institution.PersonaAsync(Personas.VolunteerCoordinator)));
        Assert.Equal(CommandStatus.NotFound, (await rules.CreateAsync(await Institution.PersonaAsync(Personas.Faculty), Mail("Hi {{UnsubscribeLink}}"))).Status);
        Assert.Null(await rules.RunNowAsync(await Institution.PersonaAsync(Personas.CaseWorker), 1));
        Assert.Contains("UnsubscribeLink", (await rules.CreateAsync(tomas, Mail("Hi, no way out"))).Message);
        Assert.Contains("Unknown merge field", (await rules.CreateAsync(tomas, Mail("Hi {{Grade}} {{UnsubscribeLink}}"))).Message);
        var toFaculty = await rules.CreateAsync(tomas, new NewEngagementRule("Call them", segment, RuleActionKind.FollowUp, helena, "Call {{DisplayName}}", null, 3, null, 365));
        Assert.Equal(CommandStatus.Invalid, toFaculty.Status); // faculty do not read the Engagement topic
        var plan = await rules.CreateAsync(tomas, new NewEngagementRule("Welcome plan", segment, RuleActionKind.Plan, ines, null, null, 0,
            [new PlanStep("Call {{DisplayName}} to thank them", 0), new PlanStep("Invite {{DisplayName}} to a tour", 14)], 365));
        Assert.True(plan.Succeeded, plan.Message);
        var run = await rules.RunNowAsync(tomas, (int)plan.Id!.Value);
        Assert.True(run!.Fired > 0);
        await using (var db = await Institution.OpenAsync())
            Assert.Equal(run.Fired * 2, await db.FollowUps.CountAsync(f => f.Notes == "Step of the plan \"Welcome plan\""));
        var row = (await rules.ListAsync(tomas)).Single(r => r.Id == plan.Id);
        Assert.Equal((run.Fired, run.Fired), (row.Fired, row.FiredThisPeriod));
    }
}
