using CoRM.Domain.Advancement;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Engagement;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed class TagAndProgrammeTests : InstitutionTest
{
    private async Task<int> SomeoneAsync(int skip = 0)
    {
        await using var db = await Institution.OpenAsync();
        return await db.Constituents.Where(c => c.Kind == Domain.Constituents.ConstituentKind.Person && c.Email != null && c.MergedIntoId == null && c.ErasedAt == null)
            .OrderBy(c => c.Id).Skip(200 + skip).Select(c => c.Id).FirstAsync();
    }

    [Fact]
    public async Task A_rule_tags_each_member_once_leaves_a_hand_tag_alone_and_the_segment_finds_the_tagged()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var tags = Institution.Get<Tags>();
        Assert.True((await tags.CreateAsync(tomas, "Seminar regular", "Came to three or more events")).Succeeded);
        var tag = (await tags.ListAsync(tomas)).Single(t => t.Name == "Seminar regular");
        Assert.Equal(CommandStatus.Invalid, (await tags.CreateAsync(tomas, " Seminar regular ", null)).Status);

        var segments = Institution.Get<Segments>();
        var regulars = (await segments.ListAsync(tomas)).Single(s => s.Name == "Regular event attendees");
        var members = (await segments.PreviewAsync(tomas, regulars.Rules, 0, 500)).Items;
        Assert.True(members.Count >= 2, "The demo has regular attendees.");
        // One of them was tagged by hand before the rule existed.
        Assert.True((await tags.TagAsync(tomas, members[0].Id, tag.Id)).Succeeded);
        Assert.Equal(CommandStatus.Invalid, (await tags.TagAsync(tomas, members[0].Id, tag.Id)).Status);

        var rules = Institution.Get<EngagementRules>();
        Assert.Equal(CommandStatus.Invalid, (await rules.CreateAsync(tomas, new NewEngagementRule("Tag regulars", regulars.Id, RuleActionKind.Tag, null, null, null, 0, null, 365))).Status);
        var created = await rules.CreateAsync(tomas, new NewEngagementRule("Tag regulars", regulars.Id, RuleActionKind.Tag, null, null, null, 0, null, 365, tag.Id));
        Assert.True(created.Succeeded, created.Message);
        var ruleId = (int)created.Id!.Value;
        Assert.Contains("\"Seminar regular\"", (await rules.ListAsync(tomas)).Single(r => r.Id == ruleId).Does);

        var job = Institution.Get<EngagementRuleJob>();
        var run = await job.RunRuleAsync(ruleId);
        Assert.Equal(members.Count, run.Fired);
        Assert.Equal(0, (await job.RunRuleAsync(ruleId)).Fired);

        await using (var db = await Institution.OpenAsync())
        {
            var tagged = await db.PersonTags.Where(t => t.TagId == tag.Id).ToListAsync();
            Assert.Equal(members.Select(m => m.Id).Order(), tagged.Select(t => t.ConstituentId).Order());
            Assert.Single(tagged, t => t.RuleId is null && t.TaggedById == tomas.ConstituentId);
            Assert.Equal("already carried the tag", (await db.RuleFirings.SingleAsync(f => f.RuleId == ruleId && f.ConstituentId == members[0].Id)).Outcome);
        }

        // The segment rule "is tagged" finds exactly them; untagging one takes them out.
        var isTagged = new[] { new SegmentRule(SegmentRuleKind.HasTag, Text: "Seminar regular").Validated() };
        Assert.Equal(members.Count, (await segments.PreviewAsync(tomas, isTagged, 0, 500)).TotalCount);
        Assert.True((await tags.UntagAsync(tomas, members[1].Id, tag.Id)).Succeeded);
        Assert.Equal(members.Count - 1, (await segments.PreviewAsync(tomas, isTagged, 0, 500)).TotalCount);

        // The profile shows who put each tag there.
        var onProfile = await tags.ForPersonAsync(tomas, members[0].Id);
        await using (var db = await Institution.OpenAsync())
        {
            var tomasName = await db.Constituents.Where(c => c.Id == tomas.ConstituentId).Select(c => c.DisplayName).SingleAsync();
            Assert.Contains(onProfile!, t => t.Name == "Seminar regular" && t.By == tomasName);
        }
        var byRule = await tags.ForPersonAsync(tomas, members[^1].Id);
        Assert.Contains(byRule!, t => t.Name == "Seminar regular" && t.By == "rule: Tag regulars");
    }

    [Fact]
    public async Task Tags_are_engagement_data_faculty_and_case_workers_neither_see_nor_set_them()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var someone = await SomeoneAsync();
        var tags = Institution.Get<Tags>();
        var prospect = (await tags.ListAsync(tomas)).Single(t => t.Name == "Board prospect");
        foreach (var persona in new[] { Personas.Faculty, Personas.CaseWorker, Personas.Admissions })
        {
            var outsider = await Institution.PersonaAsync(persona);
            Assert.Empty(await tags.ListAsync(outsider));
            Assert.Null(await tags.ForPersonAsync(outsider, someone));
            Assert.Equal(CommandStatus.NotFound, (await tags.TagAsync(outsider, someone, prospect.Id)).Status);
            Assert.Equal(CommandStatus.NotFound, (await tags.CreateAsync(outsider, "Mine", null)).Status);
        }
        Assert.Equal(CommandStatus.Invalid, (await tags.TagAsync(tomas, someone, 999_999)).Status);
        Assert.Equal(CommandStatus.Invalid, (await tags.CreateAsync(tomas, new string('x', Tag.NameMaxLength + 1), null)).Status);
        await using var db = await Institution.OpenAsync();
        Assert.False(await db.PersonTags.AnyAsync(t => t.ConstituentId == someone && t.TagId == prospect.Id));
    }

    [Fact]
    public async Task A_programme_gives_places_at_every_session_to_come_queues_the_overflow_and_a_withdrawal_promotes_the_first_in_line()
    {
        var ines = await Institution.PersonaAsync(Personas.VolunteerCoordinator);
        var programmes = Institution.Get<RecurringProgrammes>();
        var first = Institution.Time.GetUtcNow().UtcDateTime.Date.AddDays(3).AddHours(18);
        Assert.Equal(CommandStatus.Invalid, (await programmes.PlanAsync(ines, new PlanProgrammeRequest("Chess club", null, first, 1, 7, 2))).Status);
        Assert.Equal(CommandStatus.Invalid, (await programmes.PlanAsync(ines, new PlanProgrammeRequest("Chess club", null, first.AddDays(-10), 4, 7, 2))).Status);
        var planned = await programmes.PlanAsync(ines, new PlanProgrammeRequest("Chess club", "Beginners welcome", first, 4, 7, 2));
        Assert.True(planned.Succeeded, planned.Message);
        var id = (int)planned.Id!.Value;
        var listed = await programmes.ListAsync(ines);
        Assert.Equal(["Chess club", "Study club"], listed.Select(r => r.Name).Order());
        Assert.Equal((4, 4, (int?)2), listed.Single(r => r.Id == id) is var chess ? (chess.Sessions, chess.SessionsAhead, chess.Capacity) : default);
        var detail = (await programmes.GetAsync(ines, id))!;
        Assert.Equal(4, detail.Sessions.Count);
        Assert.Equal(Enumerable.Range(0, 4).Select(i => first.AddDays(7 * i)), detail.Sessions.Select(s => s.StartsAt));

        var (a, b, c) = (await SomeoneAsync(0), await SomeoneAsync(1), await SomeoneAsync(2));
        foreach (var person in new[] { a, b, c }) Assert.True((await programmes.EnrolAsync(ines, id, person)).Succeeded);
        Assert.Equal(CommandStatus.Invalid, (await programmes.EnrolAsync(ines, id, a)).Status);
        detail = (await programmes.GetAsync(ines, id))!;
        Assert.All(detail.Sessions, s => Assert.Equal((2, 1), (s.Places, s.Waitlisted)));
        var waiting = detail.Members.Single(m => m.ConstituentId == c);
        Assert.Equal((0, 4), (waiting.PlacesAhead, waiting.WaitlistedAhead));
        Assert.Equal(2, detail.Programme.People);

        // A leaves: each of A's places goes to C, who is told by e-mail, session by session.
        Assert.True((await programmes.WithdrawAsync(ines, id, a)).Succeeded);
        detail = (await programmes.GetAsync(ines, id))!;
        Assert.All(detail.Sessions, s => Assert.Equal((2, 0), (s.Places, s.Waitlisted)));
        Assert.DoesNotContain(detail.Members, m => m.ConstituentId == a);
        await using var db = await Institution.OpenAsync();
        Assert.Equal(4, await db.OutboxMessages.CountAsync(m => m.RecipientConstituentId == c && m.Subject.StartsWith("A place is yours: Chess club")));
        Assert.True(await db.Interactions.AnyAsync(i => i.ConstituentId == a && i.Subject == "Left the programme Chess club"));

        // Sessions are free events: the door and the reminders treat them like any other.
        Assert.All(await db.GivingEvents.Where(e => e.SeriesId == id).ToListAsync(), e => Assert.Equal(0m, e.TicketPrice));
        Assert.Equal(CommandStatus.NotFound, (await programmes.EnrolAsync(await Institution.PersonaAsync(Personas.Faculty), id, a)).Status);
        Assert.Null(await programmes.GetAsync(await Institution.PersonaAsync(Personas.CaseWorker), id));
    }

    [Fact]
    public async Task A_public_reply_to_a_programme_is_a_place_at_each_session_to_come_and_a_second_reply_changes_nothing()
    {
        var forms = Institution.Get<PublicForms>();
        var view = (await forms.GetAsync("study-club"))!;
        Assert.True(view.IsOpen);
        Assert.Equal("Study club", view.EventName);
        Assert.True(view.SessionsAhead >= 5);
        Assert.True(view.EventFull, "The demo's club has more members than places.");

        var answers = new FormAnswers("Quentin", "Arrowsmith", "quentin.arrowsmith@example.org", null, null, "Maths revision", true);
        Assert.Equal(FormOutcome.Waitlisted, (await forms.SubmitAsync("study-club", answers)).Outcome);
        // The same answer again: whether someone already had a place is never told.
        Assert.Equal(FormOutcome.Waitlisted, (await forms.SubmitAsync("study-club", answers)).Outcome);
        await using var db = await Institution.OpenAsync();
        var person = await db.Constituents.SingleAsync(p => p.Email == "quentin.arrowsmith@example.org");
        var club = await db.EventSeries.SingleAsync(s => s.Name == "Study club");
        var now = Institution.Time.GetUtcNow().UtcDateTime;
        var places = await db.EventRegistrations.Where(r => r.ConstituentId == person.Id && r.CancelledAt == null).Join(db.GivingEvents, r => r.EventId, e => e.Id, (r, e) => new { r, e }).ToListAsync();
        Assert.Equal(view.SessionsAhead, places.Count);
        Assert.All(places, p => Assert.True(p.e.SeriesId == club.Id && p.e.StartsAt > now && p.r.Waitlisted));
        var statuses = await db.FormSubmissions.Where(s => s.ConstituentId == person.Id).OrderBy(s => s.Id).Select(s => s.Status).ToListAsync();
        Assert.Equal([FormSubmissionStatus.Recorded, FormSubmissionStatus.Repeat], statuses);
        Assert.Single(await db.ConsentRecords.Where(r => r.ConstituentId == person.Id).ToListAsync());
    }
}
