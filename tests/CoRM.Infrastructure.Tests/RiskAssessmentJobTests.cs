using CoRM.Domain.Constituents;
using CoRM.Domain.StudentSuccess;
using CoRM.Infrastructure.Jobs;
using CoRM.Infrastructure.StudentSuccess;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed class RiskAssessmentJobTests : InstitutionTest
{
    private DateOnly Today => DateOnly.FromDateTime(Institution.Time.GetUtcNow().UtcDateTime);

    /// <summary>A student's tuition payments taken back and most of her graded courses failed: enough to raise her band.</summary>
    private static async Task StopsPayingAndFailsAsync(Persistence.CormDbContext db, int student)
    {
        db.TuitionPayments.RemoveRange(await db.TuitionPayments.Where(p => db.TuitionInvoices.Any(i => i.Id == p.InvoiceId && i.StudentId == student)).ToListAsync());
        var results = await db.CourseResults.Where(r => r.StudentId == student).ToListAsync();
        foreach (var r in results.Where(r => r.Grade is not null).Take(results.Count - 2)) { r.Passed = false; r.Grade = 6m; }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_seeded_institution_has_a_risk_history_and_todays_assessment_for_every_current_student()
    {
        await using var db = await Institution.OpenAsync();
        var current = await db.Hats.CountAsync(h => h.Kind == HatKind.Student && h.EndDate == null);
        Assert.Equal(current, await db.RiskAssessments.CountAsync(a => a.AssessedOn == Today && a.Method == RiskMethod.Rules));
        Assert.True(await db.RiskAssessments.Select(a => a.AssessedOn).Distinct().CountAsync() >= 3);
        Assert.True(await db.RiskAssessments.CountAsync(a => a.AssessedOn == Today && a.Band == RiskBand.High) > 0);
    }

    [Fact]
    public async Task Running_twice_on_the_same_day_adds_nothing_and_the_next_day_alerts_only_on_a_rise()
    {
        var job = Institution.Get<RiskAssessmentJob>();
        int assessments, alerts;
        await using (var db = await Institution.OpenAsync())
            (assessments, alerts) = (await db.RiskAssessments.CountAsync(), await db.RiskAlerts.CountAsync());

        var again = await job.RunAsync();
        Assert.Equal(0, again.Assessed);
        Assert.Equal(0, again.Alerts);

        // Tomorrow nothing has changed: a new dated assessment each, and no alert (the bands did not rise).
        Institution.Time.Advance(TimeSpan.FromDays(1));
        var tomorrow = await job.RunAsync();
        Assert.True(tomorrow.Assessed > 0);
        Assert.Equal(0, tomorrow.Alerts);
        await using var check = await Institution.OpenAsync();
        Assert.Equal(assessments + tomorrow.Assessed, await check.RiskAssessments.CountAsync());
        Assert.Equal(alerts, await check.RiskAlerts.CountAsync());
    }

    [Fact]
    public async Task A_student_whose_band_rises_gets_one_alert_and_their_advisor_one_follow_up()
    {
        var helena = await Institution.PersonaAsync(Personas.Faculty);
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        await using (var db = await Institution.OpenAsync())
        {
            Assert.Equal(RiskBand.Low, await db.RiskAssessments.Where(a => a.StudentId == sofia && a.AssessedOn == Today).Select(a => a.Band).SingleAsync());
            // Sofia stops paying (the current term's invoice was settled; the payment is taken back) and fails most courses.
            await StopsPayingAndFailsAsync(db, sofia);
        }

        Institution.Time.Advance(TimeSpan.FromDays(1));
        var run = await Institution.Get<RiskAssessmentJob>().RunAsync();
        Institution.Time.Advance(TimeSpan.FromHours(1));
        await Institution.Get<RiskAssessmentJob>().RunAsync();

        await using var check = await Institution.OpenAsync();
        var alert = await check.RiskAlerts.SingleAsync(a => a.StudentId == sofia);
        Assert.Equal(RiskBand.Low, alert.FromBand);
        Assert.True(alert.ToBand >= RiskBand.Medium);
        Assert.Equal(helena.ConstituentId, alert.AssignedToId);
        var followUp = await check.FollowUps.SingleAsync(f => f.Id == alert.FollowUpId);
        Assert.Equal(helena.ConstituentId, followUp.OwnerId);
        Assert.StartsWith("Dropout risk rose to", followUp.Title, StringComparison.Ordinal);
        Assert.True(run.Alerts >= 1);
    }

    [Fact]
    public async Task Results_imported_after_the_mornings_run_supersede_todays_assessment_and_raise_one_alert_only()
    {
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        var job = Institution.Get<RiskAssessmentJob>();
        long morning;
        await using (var db = await Institution.OpenAsync())
        {
            var today = await db.RiskAssessments.SingleAsync(a => a.StudentId == sofia && a.AssessedOn == Today && a.Method == RiskMethod.Rules);
            Assert.Equal(RiskBand.Low, today.Band);
            morning = today.Id;
            // The afternoon's import: she failed most courses and the invoice is unpaid after all.
            await StopsPayingAndFailsAsync(db, sofia);
        }

        var afternoon = await job.RunAsync();
        var evening = await job.RunAsync();

        Assert.True(afternoon.Assessed >= 1);
        Assert.Equal(0, evening.Assessed); // nothing new since the afternoon
        await using var check = await Institution.OpenAsync();
        var superseded = await check.RiskAssessments.SingleAsync(a => a.StudentId == sofia && a.AssessedOn == Today && a.Method == RiskMethod.Rules);
        Assert.Equal(morning, superseded.Id); // one assessment a day, now reflecting the import
        Assert.True(superseded.Band >= RiskBand.Medium);
        Assert.Single(await check.RiskAlerts.Where(a => a.StudentId == sofia && a.RaisedOn == Today).ToListAsync());
    }

    [Fact]
    public async Task Students_with_a_recorded_outcome_are_neither_assessed_nor_alerted_and_are_counted()
    {
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        await using (var db = await Institution.OpenAsync())
        {
            var latest = await db.ProgrammeEnrolments.Where(e => e.StudentId == sofia).OrderByDescending(e => e.Term!.StartsOn).FirstAsync();
            latest.Status = Domain.Academics.EnrolmentStatus.Graduated;
            await db.SaveChangesAsync();
        }
        Institution.Time.Advance(TimeSpan.FromDays(1));

        var run = await Institution.Get<RiskAssessmentJob>().RunAsync();

        Assert.True(run.Finished >= 1);
        await using var check = await Institution.OpenAsync();
        Assert.False(await check.RiskAssessments.AnyAsync(a => a.StudentId == sofia && a.AssessedOn == Today));
        Assert.True(await check.RiskAssessments.AnyAsync(a => a.AssessedOn == Today)); // everyone else still is
    }
}

public sealed class AdvisingRiskTests : InstitutionTest
{
    [Fact]
    public async Task Advisees_sorted_by_risk_put_the_highest_first_and_filter_by_band()
    {
        var helena = await Institution.PersonaAsync(Personas.Faculty);
        var list = Institution.Get<StudentSuccess.AdviseeList>();
        var page = await list.MineAsync(helena, StudentSuccess.AdviseeSort.Risk, descending: true, 0, 100);
        Assert.Equal(RiskBand.High, page.Items[0].RiskBand);
        Assert.Equal(page.Items.Select(a => a.RiskScore ?? -1).OrderByDescending(s => s), page.Items.Select(a => a.RiskScore ?? -1));
        Assert.NotNull(page.Items[0].TopFactor);
        Assert.NotNull(page.Items[0].Standing?.LastTerm);

        var high = await list.MineAsync(helena, StudentSuccess.AdviseeSort.Name, false, new StudentSuccess.AdviseeFilter(Band: RiskBand.High), 0, 100);
        Assert.NotEmpty(high.Items);
        Assert.All(high.Items, a => Assert.Equal(RiskBand.High, a.RiskBand));
    }

    [Fact]
    public async Task The_academic_record_is_for_advising_readers_only()
    {
        var helena = await Institution.PersonaAsync(Personas.Faculty);
        var advancement = await Institution.PersonaAsync(Personas.Advancement);
        var coordinator = await Institution.PersonaAsync(Personas.VolunteerCoordinator);
        var success = await Institution.PersonaAsync(Personas.StudentSuccess);
        var tiago = await Institution.ConstituentIdAsync(Personas.UngrantedChild);
        var records = Institution.Get<StudentSuccess.StudentAcademicRecord>();

        var view = await records.GetAsync(helena, tiago);
        Assert.NotNull(view);
        Assert.NotNull(view.Rules);
        Assert.NotEmpty(view.LastTermCourses);
        Assert.True(view.History.Count >= 3);
        Assert.NotNull(await records.GetAsync(success, tiago));
        Assert.Null(await records.GetAsync(advancement, tiago)); // no grades for gift officers
        Assert.Null(await records.GetAsync(coordinator, tiago));
        var samuel = await Institution.PersonaAsync(Personas.OtherFaculty);
        Assert.Null(await records.GetAsync(samuel, tiago)); // not his advisee
    }
}

public sealed class AdviseeFilterTests : InstitutionTest
{
    [Fact]
    public async Task Advisees_filter_by_programme_and_term()
    {
        var helena = await Institution.PersonaAsync(Personas.Faculty);
        var list = Institution.Get<StudentSuccess.AdviseeList>();
        var all = await list.MineAsync(helena, StudentSuccess.AdviseeSort.Name, false, 0, 100);
        var programme = all.Items.First(a => a.Programme is not null).Programme;
        var byProgramme = await list.MineAsync(helena, StudentSuccess.AdviseeSort.Name, false, new StudentSuccess.AdviseeFilter(ProgrammeCode: programme), 0, 100);
        Assert.NotEmpty(byProgramme.Items);
        Assert.All(byProgramme.Items, a => Assert.Equal(programme, a.Programme));

        var terms = await list.TermsAsync(helena);
        Assert.Equal(3, terms.Count);
        var inTerm = await list.MineAsync(helena, StudentSuccess.AdviseeSort.Name, false, new StudentSuccess.AdviseeFilter(TermId: terms[0].Id), 0, 100);
        Assert.Equal(all.TotalCount, inTerm.TotalCount); // every demo advisee is enrolled this term
        var noSuchTerm = await list.MineAsync(helena, StudentSuccess.AdviseeSort.Name, false, new StudentSuccess.AdviseeFilter(TermId: -1), 0, 100);
        Assert.Empty(noSuchTerm.Items);
    }
}
