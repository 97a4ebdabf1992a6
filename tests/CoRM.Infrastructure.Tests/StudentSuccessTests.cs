using CoRM.Domain.StudentSuccess;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.StudentSuccess;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed class StudentSuccessTests : InstitutionTest
{
    [Fact]
    public async Task Cohort_rates_count_students_once_and_match_a_count_by_hand()
    {
        var daniel = await Institution.PersonaAsync(Personas.StudentSuccess);
        var analytics = Institution.Get<CohortAnalytics>();
        var byProgramme = await analytics.ByAsync(daniel, CohortDimension.Programme, termId: null);

        await using var db = await Institution.OpenAsync();
        var students = await db.ProgrammeEnrolments.Select(e => e.StudentId).Distinct().CountAsync();
        Assert.Equal(students, byProgramme.Sum(r => r.Students)); // each demo student is in one programme
        var today = DateOnly.FromDateTime(TestInstitution.Now.UtcDateTime);
        var high = await db.RiskAssessments.CountAsync(a => a.AssessedOn == today && a.Method == RiskMethod.Rules && a.Band == RiskBand.High);
        Assert.Equal(high, byProgramme.Sum(r => r.HighRisk));
        // Each rate has its own denominator: outcomes for dropout, students still studying for high risk.
        var finished = await StudentSuccess.RiskAssessmentJob.Finished(db).Distinct().CountAsync();
        Assert.Equal(finished, byProgramme.Sum(r => r.WithOutcome));
        Assert.Equal(students - finished, byProgramme.Sum(r => r.Current));
        Assert.All(byProgramme.Where(r => r.WithOutcome > 0), r => Assert.Equal((double)r.DroppedOut / r.WithOutcome, r.DropoutRate, 6));
        Assert.All(byProgramme, r => Assert.True(r.DroppedOut <= r.WithOutcome && r.HighRisk <= r.Current, r.Group));

        var byTiming = await analytics.ByAsync(daniel, CohortDimension.Timing, termId: (await analytics.TermsAsync(daniel))[0].Id); // the current term (the next ones have not begun)
        Assert.Contains(byTiming, r => r.Group == CohortAnalytics.Late && r.Students > 0);
        var late = byTiming.Single(r => r.Group == CohortAnalytics.Late);
        var onTime = byTiming.Single(r => r.Group == CohortAnalytics.OnTime);
        Assert.True(late.HighRiskRate > onTime.HighRiskRate, "late enrolment should carry more risk in the demo data");
    }

    [Fact]
    public async Task Only_student_success_staff_and_administrators_see_cohorts_alerts_and_models()
    {
        var faculty = await Institution.PersonaAsync(Personas.Faculty);
        var advancement = await Institution.PersonaAsync(Personas.Advancement);
        foreach (var user in new[] { faculty, advancement })
        {
            Assert.Empty(await Institution.Get<CohortAnalytics>().ByAsync(user, CohortDimension.Region, null));
            Assert.Empty((await Institution.Get<RiskAlertQueue>().ListAsync(user, open: true, 0, 10)).Items);
            Assert.Empty(await Institution.Get<RiskModelCards>().RecentAsync(user));
        }
    }

    [Fact]
    public async Task An_alert_can_be_assigned_to_staff_who_then_own_its_follow_up_and_then_resolved()
    {
        var daniel = await Institution.PersonaAsync(Personas.StudentSuccess);
        var grace = await Institution.PersonaAsync(Personas.CaseWorker);
        var parent = await Institution.PersonaAsync(Personas.Parent);
        var queue = Institution.Get<RiskAlertQueue>();
        var open = await queue.ListAsync(daniel, open: true, 0, 100);
        Assert.NotEmpty(open.Items);
        var alert = open.Items[0];

        Assert.Equal(CommandStatus.Invalid, (await queue.AssignAsync(daniel, alert.Id, parent.ConstituentId)).Status);
        Assert.True((await queue.AssignAsync(daniel, alert.Id, grace.ConstituentId)).Succeeded);
        await using (var db = await Institution.OpenAsync())
        {
            var stored = await db.RiskAlerts.SingleAsync(a => a.Id == alert.Id);
            Assert.Equal(grace.ConstituentId, stored.AssignedToId);
            Assert.Equal(grace.ConstituentId, (await db.FollowUps.SingleAsync(f => f.Id == stored.FollowUpId)).OwnerId);
        }
        Assert.True((await queue.ResolveAsync(daniel, alert.Id)).Succeeded);
        Assert.Equal(CommandStatus.Invalid, (await queue.ResolveAsync(daniel, alert.Id)).Status);
        Assert.DoesNotContain((await queue.ListAsync(daniel, open: true, 0, 100)).Items, a => a.Id == alert.Id);
    }
}

public sealed class FlagTests : InstitutionTest
{
    [Fact]
    public async Task An_advisor_flag_reaches_student_success_as_a_follow_up_and_the_timeline_and_bad_input_changes_nothing()
    {
        var helena = await Institution.PersonaAsync(Personas.Faculty);
        var daniel = await Institution.PersonaAsync(Personas.StudentSuccess);
        var tiago = await Institution.ConstituentIdAsync(Personas.UngrantedChild);
        var records = Institution.Get<StudentSuccess.StudentAcademicRecord>();

        Assert.Equal(CommandStatus.Invalid, (await records.RaiseFlagAsync(helena, tiago, "   ")).Status);
        var result = await records.RaiseFlagAsync(helena, tiago, "Says he is thinking of leaving to work full time");
        Assert.True(result.Succeeded, result.Message);

        var mine = await Institution.Get<Engagement.FollowUpBoard>().MineAsync(daniel, Engagement.FollowUpFilter.Open, 0, 100);
        Assert.Contains(mine.Items, f => f.ConstituentId == tiago && f.Title.Contains("thinking of leaving", StringComparison.Ordinal));
        var timeline = await Institution.Get<Constituents.ConstituentRecords>().GetTimelineAsync(helena, tiago, null, 0, 5);
        Assert.Equal("Flag raised for student success", timeline.Items[0].Subject);

        var samuel = await Institution.PersonaAsync(Personas.OtherFaculty);
        Assert.Equal(CommandStatus.NotFound, (await records.RaiseFlagAsync(samuel, tiago, "not my student")).Status);
        var advancement = await Institution.PersonaAsync(Personas.Advancement);
        Assert.Equal(CommandStatus.NotFound, (await records.RaiseFlagAsync(advancement, tiago, "x")).Status);
    }
}
