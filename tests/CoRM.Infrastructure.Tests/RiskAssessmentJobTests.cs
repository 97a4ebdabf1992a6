using CoRM.Domain.Constituents;
using CoRM.Domain.Risk;
using CoRM.Infrastructure.Jobs;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed class RiskAssessmentJobTests : InstitutionTest
{
    private DateOnly Today => DateOnly.FromDateTime(Institution.Time.GetUtcNow().UtcDateTime);

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
            // Sofia stops paying: the current term's invoice was settled; take the payment back.
            var payments = await db.TuitionPayments.Where(p => db.TuitionInvoices.Any(i => i.Id == p.InvoiceId && i.StudentId == sofia)).ToListAsync();
            db.TuitionPayments.RemoveRange(payments);
            var results = await db.CourseResults.Where(r => r.StudentId == sofia).ToListAsync();
            foreach (var r in results.Where(r => r.Grade is not null).Take(results.Count - 2)) { r.Passed = false; r.Grade = 6m; }
            await db.SaveChangesAsync();
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
}
