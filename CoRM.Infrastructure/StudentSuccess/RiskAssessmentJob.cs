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

    /// <summary>Students whose latest term's enrolments record a final outcome (graduated or dropped out), none still under way.</summary>
    internal static IQueryable<int> Finished(CormDbContext db) =>
        db.ProgrammeEnrolments.Where(e => e.Status == EnrolmentStatus.Graduated || e.Status == EnrolmentStatus.DroppedOut)
            // Nothing later, and no other programme or module of that term still under way.
            .Where(e => !db.ProgrammeEnrolments.Any(other => other.StudentId == e.StudentId && (other.Term!.StartsOn > e.Term!.StartsOn
                || (other.Term.StartsOn == e.Term.StartsOn && (other.Status == EnrolmentStatus.Enrolled || other.Status == EnrolmentStatus.Suspended)))))
            .Select(e => e.StudentId);

    /// <summary>Percentages of the outcome term at which the early-warning AUC is measured, when results are dated.</summary>
    public static readonly int[] TermPoints = [25, 50, 100];

    /// <summary>Nightly: retrains the model (choosing its algorithm on the temporal check), saves it, and assesses everyone.</summary>
    public Task<Summary> RunAsync(CancellationToken ct = default) => RunAsync(retrain: true, ct);

    /// <summary>After an import: assesses everyone with the saved model — no retraining — so the scores reflect the import at once.</summary>
    public Task<Summary> RescoreAsync(CancellationToken ct = default) => RunAsync(retrain: false, ct);

    private async Task<Summary> RunAsync(bool retrain, CancellationToken ct)
    {
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var students = db.Hats.Where(Hat.ActiveOn(today)).Where(h => h.Kind == HatKind.Student).Select(h => h.ConstituentId).Distinct();
        var finished = Finished(db);
        var finishedCount = await students.CountAsync(id => finished.Contains(id), ct);
        var current = students.Where(id => !finished.Contains(id));
        var inputs = await RiskInputsQuery.LoadAsync(db, current, today, ct);
        var model = (retrain ? null : await SavedModelAsync(db, ct)) ?? await TrainModelAsync(db, finishedCount, ct);

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

    /// <summary>The latest saved model of the current feature set, or null (then the caller trains one).</summary>
    private static async Task<DropoutModel?> SavedModelAsync(CormDbContext db, CancellationToken ct)
    {
        var latest = await db.RiskModelRuns.AsNoTracking().OrderByDescending(r => r.TrainedAt).ThenByDescending(r => r.Id)
            .Join(db.RiskModelFiles.AsNoTracking().Where(f => f.FeatureSet == DropoutFeatures.FeatureSet), r => r.Id, f => f.RunId, (r, f) => new { Run = r, File = f })
            .FirstOrDefaultAsync(ct);
        return latest is null ? null : DropoutModel.Load(latest.File, latest.Run);
    }

    /// <summary>Students whose outcome came in one term, as they looked at points through that term.</summary>
    private sealed record Cohort(DateOnly EndsOn, Dictionary<int, List<DropoutFeatures>> AtPoint, List<(double Score, bool DroppedOut)> Rules)
    {
        public List<DropoutFeatures> AtEnd => AtPoint[100];
    }

    /// <summary>
    /// Trains on students whose outcome is known (their enrolment dropped out or graduated), if there are enough: the
    /// algorithm is the one that ranks the latest cohort better when trained on the earlier ones (cross-validation decides
    /// while there is one cohort); the run, its calibration and early-warning figures and the model file are saved.
    /// </summary>
    private async Task<DropoutModel?> TrainModelAsync(CormDbContext db, int finishedCount, CancellationToken ct)
    {
        var outcomes = await db.ProgrammeEnrolments
            .Where(e => e.Status == EnrolmentStatus.DroppedOut || e.Status == EnrolmentStatus.Graduated)
            .Select(e => new { e.StudentId, DroppedOut = e.Status == EnrolmentStatus.DroppedOut, e.TermId, e.Term!.StartsOn, e.Term.EndsOn })
            .ToListAsync(ct);
        // One outcome per student: a dropout in any programme counts, at the term it came in.
        outcomes = outcomes.GroupBy(o => o.StudentId).Select(g => g.OrderByDescending(o => o.DroppedOut).ThenByDescending(o => o.EndsOn).First()).ToList();
        if (outcomes.Count < 50 || outcomes.All(o => o.DroppedOut) || !outcomes.Any(o => o.DroppedOut)) return null;

        var cohorts = new List<Cohort>();
        foreach (var group in outcomes.GroupBy(o => (o.TermId, o.StartsOn, o.EndsOn)).OrderBy(g => g.Key.EndsOn))
        {
            var (termId, starts, ends) = group.Key;
            // Dated results tell points of a term apart; without them every point would see the same thing.
            var dated = await db.AssessmentResults.AnyAsync(a => a.TermId == termId, ct) || await db.CourseResults.AnyAsync(r => r.TermId == termId && r.RecordedOn != null, ct);
            var ids = group.Select(o => o.StudentId).ToList();
            var cohort = new Cohort(ends, [], []);
            foreach (var point in dated ? TermPoints : [100])
            {
                var asOf = starts.AddDays((ends.DayNumber - starts.DayNumber) * point / 100);
                // In slices: a cohort of tens of thousands as one list would exceed SQLite's parameters.
                var inputs = new Dictionary<int, RiskInputs>();
                foreach (var slice in ids.Chunk(5_000))
                    foreach (var (id, i) in await RiskInputsQuery.LoadAsync(db, db.Constituents.Where(c => slice.Contains(c.Id)).Select(c => c.Id), asOf, ct))
                        inputs[id] = i;
                cohort.AtPoint[point] = [];
                foreach (var o in group)
                    if (inputs.TryGetValue(o.StudentId, out var i))
                    {
                        cohort.AtPoint[point].Add(DropoutFeatures.From(i, o.DroppedOut));
                        if (point == 100) cohort.Rules.Add((RuleBasedRisk.Assess(i).Score, o.DroppedOut));
                    }
            }
            cohorts.Add(cohort);
        }

        var atEnd = cohorts.SelectMany(c => c.AtEnd).ToList();
        var run = new RiskModelRun { FinishedExcluded = finishedCount, RulesAuc = DropoutModel.Auc(cohorts.SelectMany(c => c.Rules).ToList()) };
        DropoutAlgorithm chosen;
        HoldOut calibration;
        var temporal = TemporalSplit(cohorts);
        if (temporal is var (earlier, latest))
        {
            var earlierAtEnd = earlier.SelectMany(c => c.AtEnd).ToList();
            var logistic = DropoutModel.Temporal(earlierAtEnd, latest.AtEnd);
            var boosted = DropoutModel.Temporal(earlierAtEnd, latest.AtEnd, DropoutAlgorithm.GradientBoosting);
            chosen = DropoutModel.Choose(logistic.Auc, boosted.Auc);
            calibration = chosen == DropoutAlgorithm.GradientBoosting ? boosted : logistic;
            (run.TemporalAuc, run.TemporalBoostedAuc, run.TemporalRulesAuc) = (logistic.Auc, boosted.Auc, DropoutModel.Auc(latest.Rules));
            run.TemporalSplit = Clip($"trained on {earlierAtEnd.Count:N0} students who finished by {earlier[^1].EndsOn:yyyy-MM-dd}; scored on the {latest.AtEnd.Count:N0} who finished {latest.EndsOn:yyyy-MM-dd}");
            run.CalibrationSource = Clip($"the {latest.AtEnd.Count:N0} students of the latest cohort, scored by a model trained on earlier cohorts only");
        }
        else
        {
            // One cohort: cross-validation chooses and calibrates, and the card says the temporal check is not possible yet.
            var logistic = DropoutModel.CrossValidate(atEnd);
            var boosted = DropoutModel.CrossValidate(atEnd, DropoutAlgorithm.GradientBoosting);
            chosen = DropoutModel.Choose(logistic.Mean, boosted.Mean);
            calibration = (chosen == DropoutAlgorithm.GradientBoosting ? boosted : logistic).OutOfFold;
            run.CalibrationSource = Clip($"all {atEnd.Count:N0} students with an outcome, each scored by a model trained without their fold (5-fold cross-validation)");
        }
        (run.EarlyWarning, run.EarlyWarningSource) = EarlyWarning(cohorts, temporal, chosen);
        var crossValidated = DropoutModel.CrossValidate(atEnd, chosen);
        // Production scores any day of a term: trained on every point measured, not only the term's end.
        var model = DropoutModel.Train(cohorts.SelectMany(c => c.AtPoint.Values.SelectMany(x => x)).ToList(), time.UtcNow(), chosen, (crossValidated.Mean, crossValidated.StdDev));
        (run.TrainedAt, run.Examples, run.Dropouts, run.Algorithm) = (model.Card.TrainedAt, atEnd.Count, atEnd.Count(e => e.Label), model.Card.Algorithm);
        (run.CrossValidatedAuc, run.CrossValidatedAucStdDev) = (crossValidated.Mean, crossValidated.StdDev);
        run.Calibration = RiskModelRun.Format(calibration.Deciles());
        db.RiskModelRuns.Add(run);
        await db.SaveChangesAsync(ct);
        db.RiskModelFiles.Add(new RiskModelFile { RunId = run.Id, Content = model.Save(), FeatureSet = DropoutFeatures.FeatureSet, Means = model.SavedMeans() });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return model;
    }

    /// <summary>
    /// The chosen algorithm's AUC with only what was known a quarter, half-way and at the end of the outcome term: trained
    /// on earlier dated cohorts and scored on the latest when there are such, else cross-validated on the latest dated
    /// cohort; nothing when no cohort's results are dated.
    /// </summary>
    private static (string? Figures, string? Source) EarlyWarning(List<Cohort> cohorts, (List<Cohort> Earlier, Cohort Latest)? temporal, DropoutAlgorithm chosen)
    {
        static bool Dated(Cohort c) => c.AtPoint.Count == TermPoints.Length;
        static bool Trainable(List<DropoutFeatures> e) => e.Count >= 50 && e.Any(x => x.Label) && !e.All(x => x.Label);
        if (temporal is var (earlier, latest) && Dated(latest) && earlier.Where(Dated).ToList() is { Count: > 0 } datedEarlier
            && Trainable(datedEarlier.SelectMany(c => c.AtEnd).ToList()))
            return (RiskModelRun.Format(TermPoints.Select(p => ((double)p, DropoutModel.Temporal(datedEarlier.SelectMany(c => c.AtPoint[p]).ToList(), latest.AtPoint[p], chosen).Auc, latest.AtPoint[p].Count))),
                Clip($"trained on earlier cohorts at the same point of their term, scored on the {latest.AtEnd.Count:N0} students of the latest"));
        if (cohorts.LastOrDefault(Dated) is { } only && Trainable(only.AtEnd))
            return (RiskModelRun.Format(TermPoints.Select(p => ((double)p, DropoutModel.CrossValidate(only.AtPoint[p], chosen).Mean, only.AtPoint[p].Count))),
                Clip($"5-fold cross-validated on the {only.AtEnd.Count:N0} students who finished {only.EndsOn:yyyy-MM-dd} (one dated cohort so far)"));
        return (null, null);
    }

    private static string Clip(string text) => text.Length > RiskModelRun.AlgorithmMaxLength ? text[..RiskModelRun.AlgorithmMaxLength] : text;

    /// <summary>
    /// The latest cohort with both outcomes is held out; the earlier ones train. Null while there is only one cohort (or
    /// too few earlier students): the card then says so rather than show a flattering figure.
    /// </summary>
    private static (List<Cohort> Earlier, Cohort Latest)? TemporalSplit(List<Cohort> cohorts)
    {
        if (cohorts.Count < 2) return null;
        var latest = cohorts[^1];
        var earlier = cohorts.Take(cohorts.Count - 1).ToList();
        var train = earlier.SelectMany(c => c.AtEnd).ToList();
        if (train.Count < 50 || train.All(e => e.Label) || !train.Any(e => e.Label) || latest.AtEnd.All(e => e.Label) || !latest.AtEnd.Any(e => e.Label)) return null;
        return (earlier, latest);
    }

    private static async Task SaveAndClearAsync(CormDbContext db, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
