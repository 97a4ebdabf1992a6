using CoRM.Domain.Academics;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Domain.StudentSuccess;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using CoRM.Infrastructure.StudentSuccess;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoRM.Infrastructure.StudentSuccess;

/// <summary>
/// Nightly (and after an import): assess every current student with the rules, and with the learned model when
/// there is enough history to train one; keep each assessment as dated history (one per student, method and day: a
/// second run the same day — results imported after enrolments — supersedes the morning's); when a student's band
/// rises, raise an alert and give their advisor a follow-up, once a day. Students whose programme outcome is recorded
/// (graduated, dropped out) are not assessed. A second run with nothing new changes nothing.
/// </summary>
public sealed class RiskAssessmentJob(IDbContextFactory<CormDbContext> dbFactory, TimeProvider time, ILogger<RiskAssessmentJob> logger)
{
    public const string RecurringJobId = "risk-assessment";
    private const int BatchSize = 2000;

    /// <param name="Finished">Students still wearing the student hat whose outcome is recorded: left out.</param>
    public sealed record Summary(int Assessed, int Alerts, ModelCard? Model, int Finished = 0);

    /// <summary>Students whose latest enrolment records a final outcome (graduated or dropped out).</summary>
    internal static IQueryable<int> Finished(CormDbContext db) =>
        db.ProgrammeEnrolments.Where(e => e.Status == EnrolmentStatus.Graduated || e.Status == EnrolmentStatus.DroppedOut)
            .Where(e => !db.ProgrammeEnrolments.Any(later => later.StudentId == e.StudentId && later.Term!.StartsOn > e.Term!.StartsOn))
            .Select(e => e.StudentId);

    public async Task<Summary> RunAsync(CancellationToken ct = default)
    {
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var students = db.Hats.Where(Hat.ActiveOn(today)).Where(h => h.Kind == HatKind.Student).Select(h => h.ConstituentId).Distinct();
        var finished = Finished(db);
        var finishedCount = await students.CountAsync(id => finished.Contains(id), ct);
        var current = students.Where(id => !finished.Contains(id));
        var inputs = await RiskInputsQuery.LoadAsync(db, current, today, ct);
        var model = await TrainModelAsync(db, ct);

        // Today's earlier assessments (an import this morning): superseded below when the new one differs.
        var earlier = (await db.RiskAssessments.AsNoTracking().Where(a => a.AssessedOn == today).ToListAsync(ct)).ToDictionary(a => (a.StudentId, a.Method));
        var alertedToday = (await db.RiskAlerts.AsNoTracking().Where(a => a.RaisedOn == today).Select(a => new { a.Id, a.StudentId, a.ToBand }).ToListAsync(ct))
            .GroupBy(a => a.StudentId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.ToBand).First());
        var previousBands = await PreviousBandsAsync(db, today, ct);
        var advisors = (await Constituents.ConstituentScope.ActiveAdvising(db, today)
                .Select(r => new { r.SubjectId, r.RelatedId }).ToListAsync(ct))
            .GroupBy(r => r.SubjectId).ToDictionary(g => g.Key, g => g.First().RelatedId);

        var assessed = 0;
        var rises = new List<(RiskAssessment Assessment, RiskBand? Before, RiskScore Score)>();
        var raisedFurther = new List<(int AlertId, RiskAssessment Assessment, RiskBand Band)>();
        RiskAssessment? Record(int studentId, RiskMethod method, RiskScore score)
        {
            var fresh = RiskAssessment.From(studentId, today, method, score);
            if (!earlier.TryGetValue((studentId, method), out var before))
            {
                db.RiskAssessments.Add(fresh);
                return fresh;
            }
            if (before.Score == fresh.Score && before.Band == fresh.Band && before.Factors == fresh.Factors) return null; // nothing new
            before.Supersede(fresh);
            db.RiskAssessments.Update(before);
            return before;
        }
        foreach (var (studentId, studentInputs) in inputs)
        {
            // Nothing on record to judge by: no enrolment, no results, no tuition. (Enrolled with no results is itself a sign.)
            if (studentInputs.ProgrammeCode is null && studentInputs.LastTerm is null && studentInputs.TuitionDaysOverdue == 0) continue;
            var score = RuleBasedRisk.Assess(studentInputs);
            if (Record(studentId, RiskMethod.Rules, score) is { } assessment)
            {
                assessed++;
                var before = previousBands.TryGetValue(studentId, out var b) ? b : (RiskBand?)null;
                if (RiskAssessment.IsRise(before, score.Band))
                {
                    // One alert a day: a later run the same day only raises today's alert further, never a second one.
                    if (!alertedToday.TryGetValue(studentId, out var alert)) rises.Add((assessment, before, score));
                    else if (score.Band > alert.ToBand) raisedFurther.Add((alert.Id, assessment, score.Band));
                }
            }
            if (model is not null) Record(studentId, RiskMethod.Model, model.Score(studentInputs));
            if (db.ChangeTracker.Entries().Count() >= BatchSize) await SaveAndClearAsync(db, ct);
        }
        await db.SaveChangesAsync(ct);
        foreach (var (alertId, assessment, band) in raisedFurther)
            await db.RiskAlerts.Where(a => a.Id == alertId).ExecuteUpdateAsync(u => u.SetProperty(a => a.ToBand, band).SetProperty(a => a.AssessmentId, assessment.Id), ct);

        // One follow-up per rise for the student's advisor, saved together, then the alerts that point at them.
        var raised = rises.Select(r =>
        {
            int? advisor = advisors.TryGetValue(r.Assessment.StudentId, out var a) ? a : null;
            FollowUp? followUp = null;
            if (advisor is { } owner)
            {
                var why = r.Score.Factors.Count > 0 ? r.Score.Factors[0].Explanation : "several small signs";
                followUp = FollowUp.Create(r.Assessment.StudentId, owner, Topic.Advising, $"Dropout risk rose to {r.Score.Band}: {why}",
                    string.Join("; ", r.Score.Factors.Select(f => f.Explanation)), today.AddDays(r.Score.Band == RiskBand.High ? 2 : 7), today, null, time.UtcNow());
                db.FollowUps.Add(followUp);
            }
            return (r.Assessment, r.Before, r.Score, Advisor: advisor, FollowUp: followUp);
        }).ToList();
        await db.SaveChangesAsync(ct);
        foreach (var r in raised)
            db.RiskAlerts.Add(new RiskAlert
            {
                StudentId = r.Assessment.StudentId,
                AssessmentId = r.Assessment.Id,
                RaisedOn = today,
                FromBand = r.Before ?? RiskBand.Low,
                ToBand = r.Score.Band,
                AssignedToId = r.Advisor,
                FollowUpId = r.FollowUp?.Id,
            });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Risk assessment: {Assessed} students assessed, {Alerts} alerts raised, {Finished} with a recorded outcome left out", assessed, rises.Count, finishedCount);
        return new Summary(assessed, rises.Count, model?.Card, finishedCount);
    }

    /// <summary>Each student's latest rules band before today, the baseline for "rose".</summary>
    private static async Task<Dictionary<int, RiskBand>> PreviousBandsAsync(CormDbContext db, DateOnly today, CancellationToken ct) =>
        await LatestBefore(db, today).ToDictionaryAsync(a => a.StudentId, a => a.Band, ct);

    internal static IQueryable<RiskAssessment> LatestBefore(CormDbContext db, DateOnly day) =>
        db.RiskAssessments.Where(a => a.Method == RiskMethod.Rules && a.AssessedOn < day
            && !db.RiskAssessments.Any(later => later.StudentId == a.StudentId && later.Method == RiskMethod.Rules && later.AssessedOn > a.AssessedOn && later.AssessedOn < day));

    /// <summary>Trains on students whose outcome is known (their latest enrolment dropped out or graduated), if there are enough.</summary>
    private async Task<DropoutModel?> TrainModelAsync(CormDbContext db, CancellationToken ct)
    {
        var outcomes = await db.ProgrammeEnrolments
            .Where(e => e.Status == EnrolmentStatus.DroppedOut || e.Status == EnrolmentStatus.Graduated)
            .Select(e => new { e.StudentId, DroppedOut = e.Status == EnrolmentStatus.DroppedOut, e.Term!.EndsOn })
            .ToListAsync(ct);
        if (outcomes.Count < 50 || outcomes.All(o => o.DroppedOut) || !outcomes.Any(o => o.DroppedOut)) return null;

        // Each finished student as they looked at the end of their last term, by the term their outcome came in.
        var examples = new List<DropoutFeatures>();
        var rules = new List<(double, bool)>();
        var cohorts = new List<(DateOnly EndsOn, List<DropoutFeatures> Examples, List<(double, bool)> Rules)>();
        foreach (var group in outcomes.GroupBy(o => o.EndsOn).OrderBy(g => g.Key))
        {
            var ids = group.Select(o => o.StudentId).ToList();
            var inputs = await RiskInputsQuery.LoadAsync(db, db.Constituents.Where(c => ids.Contains(c.Id)).Select(c => c.Id), group.Key, ct);
            var cohort = (group.Key, new List<DropoutFeatures>(), new List<(double, bool)>());
            foreach (var o in group)
                if (inputs.TryGetValue(o.StudentId, out var i))
                {
                    cohort.Item2.Add(DropoutFeatures.From(i, o.DroppedOut));
                    cohort.Item3.Add((RuleBasedRisk.Assess(i).Score, o.DroppedOut));
                }
            cohorts.Add(cohort);
            examples.AddRange(cohort.Item2);
            rules.AddRange(cohort.Item3);
        }
        var model = DropoutModel.Train(examples, time.UtcNow());
        var temporal = Temporal(cohorts);
        db.RiskModelRuns.Add(new RiskModelRun
        {
            TemporalAuc = temporal?.Model,
            TemporalBoostedAuc = temporal?.Boosted,
            TemporalRulesAuc = temporal?.Rules,
            TemporalSplit = temporal?.Split,
            TrainedAt = model.Card.TrainedAt,
            Examples = model.Card.Examples,
            Dropouts = model.Card.Dropouts,
            CrossValidatedAuc = model.Card.CrossValidatedAuc,
            CrossValidatedAucStdDev = model.Card.CrossValidatedAucStdDev,
            RulesAuc = DropoutModel.Auc(rules),
            Algorithm = model.Card.Algorithm,
        });
        await db.SaveChangesAsync(ct);
        return model;
    }

    /// <summary>
    /// The latest cohort with both outcomes is held out; the earlier ones train. Null while there is only one cohort (or
    /// too few earlier students): the card then says so rather than show a flattering figure.
    /// </summary>
    private static (double Model, double Boosted, double Rules, string Split)? Temporal(List<(DateOnly EndsOn, List<DropoutFeatures> Examples, List<(double, bool)> Rules)> cohorts)
    {
        if (cohorts.Count < 2) return null;
        var latest = cohorts[^1];
        var earlier = cohorts.Take(cohorts.Count - 1).SelectMany(c => c.Examples).ToList();
        if (earlier.Count < 50 || earlier.All(e => e.Label) || !earlier.Any(e => e.Label) || latest.Examples.All(e => e.Label) || !latest.Examples.Any(e => e.Label)) return null;
        var split = $"trained on {earlier.Count:N0} students who finished by {cohorts[^2].EndsOn:yyyy-MM-dd}; scored on the {latest.Examples.Count:N0} who finished {latest.EndsOn:yyyy-MM-dd}";
        return (DropoutModel.TemporalAuc(earlier, latest.Examples), DropoutModel.TemporalAuc(earlier, latest.Examples, DropoutAlgorithm.GradientBoosting),
            DropoutModel.Auc(latest.Rules), split.Length > RiskModelRun.AlgorithmMaxLength ? split[..RiskModelRun.AlgorithmMaxLength] : split);
    }

    private static async Task SaveAndClearAsync(CormDbContext db, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
