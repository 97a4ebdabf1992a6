using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Domain.Volunteering;
using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Engagement;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed class EngagementTests : InstitutionTest
{
    private DateOnly Today => DateOnly.FromDateTime(Institution.Time.GetUtcNow().UtcDateTime);

    private async Task<int> PersonWithNothingAsync()
    {
        await using var db = await Institution.OpenAsync();
        return await db.Constituents.Where(c => c.Kind == Domain.Constituents.ConstituentKind.Person && c.Email != null
                && !db.EngagementScores.Any(s => s.ConstituentId == c.Id) && !db.Gifts.Any(g => g.DonorId == c.Id))
            .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
    }

    [Fact]
    public async Task Recording_an_action_writes_it_and_its_timeline_line_and_only_the_engagement_office_may()
    {
        var person = await PersonWithNothingAsync();
        var actions = Institution.Get<ActionRecords>();
        var request = new RecordActionRequest(person, 2, Today, Channel.Letter, "The mayor", "About night buses");

        Assert.Equal(CommandStatus.NotFound, (await actions.RecordAsync(await Institution.PersonaAsync(Personas.Faculty), request)).Status);
        Assert.Equal(CommandStatus.NotFound, (await actions.RecordAsync(await Institution.PersonaAsync(Personas.CaseWorker), request)).Status);
        var future = await actions.RecordAsync(await Institution.PersonaAsync(Personas.Advancement), request with { TookOn = Today.AddDays(1) });
        Assert.Equal(CommandStatus.Invalid, future.Status);
        Assert.Equal(CommandStatus.Invalid, (await actions.RecordAsync(await Institution.PersonaAsync(Personas.Advancement), request with { TookOn = null })).Status);
        Assert.Equal(CommandStatus.Invalid, (await actions.RecordAsync(await Institution.PersonaAsync(Personas.Advancement), request with { ActionTypeId = 999 })).Status);
        await using (var db = await Institution.OpenAsync())
            Assert.False(await db.Actions.AnyAsync(a => a.ConstituentId == person));

        var coordinator = await Institution.PersonaAsync(Personas.VolunteerCoordinator);
        var recorded = await actions.RecordAsync(coordinator, request);
        Assert.True(recorded.Succeeded, recorded.Message);
        await using (var db = await Institution.OpenAsync())
        {
            var action = await db.Actions.SingleAsync(a => a.ConstituentId == person);
            Assert.Equal(("The mayor", coordinator.ConstituentId), (action.Target, action.RecordedById));
            var line = await db.Interactions.SingleAsync(i => i.ConstituentId == person && i.Topic == Topic.Engagement);
            Assert.Equal("Wrote to an elected official: The mayor", line.Subject);
        }
        var timeline = await Institution.Get<Constituents.ConstituentRecords>().GetTimelineAsync(coordinator, person, null, 0, 10);
        Assert.Contains(timeline.Items, e => e.Subject == "Wrote to an elected official: The mayor");
        // Faculty do not read the Engagement topic (political action is not an advisor's business).
        Assert.DoesNotContain(Topic.Engagement, TopicVisibility.VisibleTo(await Institution.PersonaAsync(Personas.Faculty)));
    }

    [Fact]
    public async Task The_nightly_score_matches_the_counts_by_hand_moves_a_person_up_once_and_reruns_change_nothing()
    {
        var job = Institution.Get<EngagementScoreJob>();
        await job.RunAsync();
        await using (var db = await Institution.OpenAsync())
        {
            // Every stored row equals the domain rule over counts taken by hand from the raw tables.
            var from = Today.AddMonths(-12);
            var weights = await db.EngagementWeights.ToListAsync();
            var someone = await db.EngagementScores.Where(s => s.VolunteerHours > 0 && s.Actions > 0).OrderBy(s => s.ConstituentId).FirstOrDefaultAsync()
                ?? await db.EngagementScores.OrderByDescending(s => s.Score).FirstAsync();
            var id = someone.ConstituentId;
            var gifts = await db.Gifts.Where(g => g.DonorId == id && g.ReceivedOn >= from && g.ReceivedOn <= Today).Select(g => g.ReceivedOn).ToListAsync();
            var fromTime = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var now = Institution.Time.GetUtcNow().UtcDateTime;
            var hours = (await db.SignUps.Where(u => u.VolunteerId == id && u.Status == SignUpStatus.Attended && db.Shifts.Any(s => s.Id == u.ShiftId && s.StartsAt >= fromTime && s.StartsAt <= now))
                .Select(u => u.Hours).ToListAsync()).Sum(h => h ?? 0);
            var events = await db.EventRegistrations.CountAsync(r => r.ConstituentId == id && r.Attended == true && r.CancelledAt == null
                && db.GivingEvents.Any(e => e.Id == r.EventId && e.StartsAt >= fromTime && e.StartsAt <= now));
            var acts = await db.Actions.CountAsync(a => a.ConstituentId == id && a.TookOn >= from && a.TookOn <= Today);
            var resolved = await db.CaseClients.CountAsync(cc => cc.ConstituentId == id
                && db.Cases.Any(c => c.Id == cc.CaseId && c.Status == Domain.Cases.CaseStatus.Resolved && c.ClosedOn >= from));
            var inputs = new EngagementInputs(gifts.Count, gifts.Count == 0 ? null : Today.DayNumber - gifts.Max().DayNumber, hours, events, acts, resolved);
            Assert.Equal(inputs, someone.Inputs);
            Assert.Equal(EngagementScoring.Score(inputs, weights), someone.Score);
            // The demo ran three months back, then today: its moves are today's, up and down.
            Assert.True(await db.EngagementLevelChanges.AnyAsync(m => m.Up));
            Assert.True(await db.EngagementLevelChanges.AllAsync(m => m.ChangedOn == Today));

            // A first run ever is a baseline: it places people without counting them as moves.
            await db.EngagementLevelChanges.ExecuteDeleteAsync();
            await db.EngagementScores.ExecuteDeleteAsync();
        }
        var first = await job.RunAsync();
        Assert.True(first.Scored > 0);
        Assert.Equal((0, 0), (first.MovedUp, first.MovedDown));

        // A quiet person signs, writes and attends: tonight they move onto the ladder, once.
        var person = await PersonWithNothingAsync();
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        foreach (var type in new[] { 1, 2, 5, 5 })
            Assert.True((await Institution.Get<ActionRecords>().RecordAsync(tomas, new RecordActionRequest(person, type, Today.AddDays(-3), Channel.InPerson, null, null))).Succeeded);
        var run = await job.RunAsync();
        Assert.True(run.MovedUp >= 1);
        var again = await job.RunAsync();
        Assert.Equal((0, 0, 0), (again.Changed, again.MovedUp, again.MovedDown));
        await using (var db = await Institution.OpenAsync())
        {
            var score = await db.EngagementScores.SingleAsync(s => s.ConstituentId == person);
            Assert.Equal((4, 16), (score.Actions, score.Score));
            Assert.Equal("Supporter", (await db.EngagementLevels.SingleAsync(l => l.Id == score.LevelId)).Name);
            var move = await db.EngagementLevelChanges.SingleAsync(m => m.ConstituentId == person);
            Assert.True(move.Up);
            Assert.Null(move.FromLevelId);
        }

        // A year later the actions fall out of the window: the person moves off the ladder and their row goes.
        Institution.Time.Advance(TimeSpan.FromDays(370));
        var later = await job.RunAsync();
        Assert.True(later.MovedDown >= 1);
        await using (var db = await Institution.OpenAsync())
        {
            Assert.False(await db.EngagementScores.AnyAsync(s => s.ConstituentId == person));
            Assert.Equal(2, await db.EngagementLevelChanges.CountAsync(m => m.ConstituentId == person));
        }
    }

    [Fact]
    public async Task A_reader_sees_the_measures_their_topics_allow_and_the_rest_only_as_points()
    {
        await Institution.Get<EngagementScoreJob>().RunAsync();
        int donor;
        await using (var db = await Institution.OpenAsync())
            donor = await db.EngagementScores.Where(s => s.Gifts > 0).OrderByDescending(s => s.Gifts).Select(s => s.ConstituentId).FirstAsync();
        var records = Institution.Get<EngagementRecords>();

        var advancement = await records.GetAsync(await Institution.PersonaAsync(Personas.Advancement), donor);
        Assert.NotNull(advancement);
        Assert.Contains("gift", advancement.Explanation);
        Assert.Equal(0, advancement.HiddenPoints);

        var coordinator = await records.GetAsync(await Institution.PersonaAsync(Personas.VolunteerCoordinator), donor);
        Assert.NotNull(coordinator);
        Assert.DoesNotContain("gift", coordinator.Explanation);
        Assert.True(coordinator.HiddenPoints > 0);
        Assert.Contains("points from records you do not see", coordinator.Explanation);
        Assert.Equal(advancement.Score, coordinator.Score);

        Assert.Null(await records.GetAsync(await Institution.PersonaAsync(Personas.Faculty), donor));
        Assert.Null(await records.GetAsync(await Institution.PersonaAsync(Personas.CaseWorker), donor));
        Assert.Empty(await Institution.Get<ActionRecords>().ForConstituentAsync(await Institution.PersonaAsync(Personas.Faculty), donor));
    }

    [Fact]
    public async Task Segment_rules_over_actions_and_the_ladder_match_counts_by_hand()
    {
        await Institution.Get<EngagementScoreJob>().RunAsync();
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var segments = Institution.Get<Segments>();
        await using var db = await Institution.OpenAsync();
        var from = Today.AddMonths(-12);
        var acts = await db.Actions.Where(a => a.TookOn >= from).Select(a => new { a.ConstituentId, a.ActionTypeId, a.Type!.Category }).ToListAsync();
        async Task<int> Count(SegmentRule rule) => (await segments.CountAsync(tomas, [rule])).Count!.Value;

        var sessionsTwice = acts.Where(a => a.ActionTypeId == 5).GroupBy(a => a.ConstituentId).Count(g => g.Count() >= 2);
        Assert.True(sessionsTwice > 0);
        Assert.Equal(sessionsTwice, await Count(new(SegmentRuleKind.TookAction, Text: "Attended a programme session", Count: 2, Months: 12)));
        var advocates = acts.Where(a => a.Category == ActionCategory.Advocacy).Select(a => a.ConstituentId).Distinct().Count();
        Assert.Equal(advocates, await Count(new(SegmentRuleKind.ActionsInCategory, Category: ActionCategory.Advocacy, Count: 1, Months: 12)));

        var scores = await db.EngagementScores.Select(s => s.Score).ToListAsync();
        Assert.Equal(scores.Count(s => s >= 15), await Count(new(SegmentRuleKind.EngagementLevelAtLeast, Text: "Supporter")));
        Assert.Equal(scores.Count(s => s >= 10), await Count(new(SegmentRuleKind.EngagementScoreAtLeast, Count: 10)));
        var moves = await db.EngagementLevelChanges.Where(m => m.ChangedOn >= Today.AddMonths(-1)).ToListAsync();
        Assert.Equal(moves.Where(m => !m.Up).Select(m => m.ConstituentId).Distinct().Count(), await Count(new(SegmentRuleKind.MovedDownLadder, Months: 1)));
        Assert.Equal(moves.Where(m => m.Up).Select(m => m.ConstituentId).Distinct().Count(), await Count(new(SegmentRuleKind.MovedUpLadder, Months: 1)));
    }

    [Fact]
    public async Task The_mission_dashboard_counts_people_engaged_as_the_raw_tables_do_and_shows_money_only_to_giving()
    {
        await Institution.Get<EngagementScoreJob>().RunAsync();
        var period = MissionPeriod.Of(MissionPeriodKind.Last12Months, Today);
        var dashboard = Institution.Get<MissionDashboard>();
        var view = await dashboard.GetAsync(await Institution.PersonaAsync(Personas.Advancement), period);
        Assert.NotNull(view);

        await using var db = await Institution.OpenAsync();
        var (from, to) = (period.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), period.To.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var people = (await db.Gifts.Where(g => g.ReceivedOn >= period.From && g.ReceivedOn < period.To).Select(g => g.DonorId).ToListAsync())
            .Concat(await db.Actions.Where(a => a.TookOn >= period.From && a.TookOn < period.To).Select(a => a.ConstituentId).ToListAsync())
            .Concat(await db.SignUps.Where(u => u.Status == SignUpStatus.Attended && db.Shifts.Any(s => s.Id == u.ShiftId && s.StartsAt >= from && s.StartsAt < to)).Select(u => u.VolunteerId).ToListAsync())
            .Concat(await db.EventRegistrations.Where(r => r.Attended == true && r.CancelledAt == null && db.GivingEvents.Any(e => e.Id == r.EventId && e.StartsAt >= from && e.StartsAt < to)).Select(r => r.ConstituentId).ToListAsync())
            .ToHashSet();
        decimal Figure(MissionMeasure m) => view.Figures.Single(f => f.Measure == m).Current;
        Assert.True(people.Count > 0);
        Assert.Equal(people.Count, Figure(MissionMeasure.PeopleEngaged));
        Assert.Equal(await db.Actions.CountAsync(a => a.TookOn >= period.From && a.TookOn < period.To), Figure(MissionMeasure.Actions));
        Assert.Equal(Figure(MissionMeasure.PeopleEngaged), Figure(MissionMeasure.NewPeople) + Figure(MissionMeasure.RetainedPeople));
        Assert.Equal(view.ActionsByType.Sum(a => a.Current), Figure(MissionMeasure.Actions));
        Assert.Equal(12, view.Months.Count);
        Assert.Equal(Figure(MissionMeasure.MoneyRaised), view.Months.Sum(m => m.MoneyRaised!.Value));
        Assert.Equal(period.From.AddYears(-1), view.Previous.From);

        var coordinator = await dashboard.GetAsync(await Institution.PersonaAsync(Personas.VolunteerCoordinator), period);
        Assert.NotNull(coordinator);
        Assert.False(coordinator.ShowsMoney);
        Assert.DoesNotContain(coordinator.Figures, f => f.Measure is MissionMeasure.MoneyRaised or MissionMeasure.Donors);
        Assert.All(coordinator.Months, m => Assert.Null(m.MoneyRaised));
        Assert.Null(await dashboard.GetAsync(await Institution.PersonaAsync(Personas.Faculty), period));
        Assert.Null(await dashboard.GetAsync(await Institution.PersonaAsync(Personas.CaseWorker), period));
        var (headers, rows) = MissionDashboard.ToTable(view);
        Assert.Equal(4, headers.Count);
        Assert.Contains(rows, r => (string?)r[1] == nameof(MissionMeasure.PeopleEngaged) && Convert.ToDecimal(r[2]) == people.Count);
    }

    [Fact]
    public async Task A_shift_just_after_midnight_in_lisbon_in_summer_counts_in_lisbons_month_not_utcs()
    {
        var lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");
        Institution.Time.Zone = lisbon; // the dashboard takes the institution's zone
        try
        {
            await ShiftAfterLisbonMidnightAsync();
        }
        finally
        {
            Institution.Time.Zone = TimeZoneInfo.Utc;
        }
    }

    private async Task ShiftAfterLisbonMidnightAsync()
    {
        var period = MissionPeriod.Of(MissionPeriodKind.Last12Months, Today);
        // A summer month with the next one inside the period: 23:30 UTC on its last day is 00:30 the next day in Lisbon.
        var june = period.Months().First(m => m.Month is >= 4 and <= 8 && m.AddMonths(1) < Today.AddDays(-1));
        var july = june.AddMonths(1);
        var startsAt = july.AddDays(-1).ToDateTime(new TimeOnly(23, 30), DateTimeKind.Utc);

        var dashboard = Institution.Get<MissionDashboard>();
        var coordinator = await Institution.PersonaAsync(Personas.VolunteerCoordinator);
        var before = (await dashboard.GetAsync(coordinator, period))!.Months;
        await using (var db = await Institution.OpenAsync())
        {
            var shift = Shift.Create(await db.Opportunities.Select(o => o.Id).FirstAsync(), startsAt, startsAt.AddHours(3), 5, 0);
            db.Shifts.Add(shift);
            await db.SaveChangesAsync();
            var volunteer = await db.Constituents.Where(c => c.Kind == ConstituentKind.Person && !db.SignUps.Any(u => u.VolunteerId == c.Id)).Select(c => c.Id).FirstAsync();
            var signUp = SignUp.Book(shift.Id, volunteer, waitlisted: false, startsAt.AddDays(-3));
            signUp.MarkAttended(shift, 2.75m);
            db.SignUps.Add(signUp);
            await db.SaveChangesAsync();
        }
        var after = (await dashboard.GetAsync(coordinator, period))!.Months;

        MonthTrend In(IReadOnlyList<MonthTrend> months, DateOnly m) => months.Single(x => x.Year == m.Year && x.Month == m.Month);
        Assert.Equal(In(before, june).VolunteerHours, In(after, june).VolunteerHours);
        Assert.Equal(In(before, july).VolunteerHours + 2.75m, In(after, july).VolunteerHours);
        Assert.Equal(In(before, june).PeopleEngaged, In(after, june).PeopleEngaged);
        Assert.Equal(In(before, july).PeopleEngaged + 1, In(after, july).PeopleEngaged);
    }

    [Fact]
    public async Task Only_an_administrator_changes_weights_and_the_ladder_and_a_broken_ladder_changes_nothing()
    {
        var settings = Institution.Get<EngagementSettings>();
        var admin = await Institution.PersonaAsync(Personas.Admin);
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var weights = await settings.WeightsAsync(tomas);
        var actions = weights.Single(w => w.Measure == EngagementMeasure.Actions);
        Assert.Equal(CommandStatus.NotFound, (await settings.SetWeightAsync(tomas, EngagementMeasure.Actions, 9, 10, actions.Version)).Status);
        Assert.Equal(CommandStatus.Invalid, (await settings.SetWeightAsync(admin, EngagementMeasure.Actions, -2, 10, actions.Version)).Status);
        Assert.True((await settings.SetWeightAsync(admin, EngagementMeasure.Actions, 9, 10, actions.Version)).Succeeded);
        Assert.Equal(CommandStatus.Conflict, (await settings.SetWeightAsync(admin, EngagementMeasure.Actions, 8, 10, actions.Version)).Status);

        var levels = await settings.LevelsAsync(admin);
        Assert.Equal(CommandStatus.Invalid, (await settings.SaveLevelAsync(admin, null, "Hero", levels[1].MinScore, null)).Status);
        Assert.Equal(CommandStatus.Invalid, (await settings.SaveLevelAsync(admin, null, "active", 300, null)).Status);
        Assert.Equal(CommandStatus.NotFound, (await settings.SaveLevelAsync(tomas, null, "Champion", 300, null)).Status);
        Assert.Equal(levels.Count, (await settings.LevelsAsync(admin)).Count);
        var added = await settings.SaveLevelAsync(admin, null, "Champion", 300, null);
        Assert.True(added.Succeeded, added.Message);
        Assert.True((await settings.RemoveLevelAsync(admin, (int)added.Id!.Value)).Succeeded);

        // A rung people stand on cannot be removed.
        await Institution.Get<EngagementScoreJob>().RunAsync();
        var aware = (await settings.LevelsAsync(admin)).Single(l => l.Name == "Aware");
        Assert.True(aware.People > 0);
        Assert.Equal(CommandStatus.Invalid, (await settings.RemoveLevelAsync(admin, aware.Id)).Status);
    }
}
