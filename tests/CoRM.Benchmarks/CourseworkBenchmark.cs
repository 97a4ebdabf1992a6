using System.Diagnostics;
using System.Globalization;
using CoRM.Domain.Access;
using CoRM.Infrastructure.Academics;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Persistence;
using CoRM.Infrastructure.StudentSuccess;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoRM.Benchmarks;

/// <summary>
/// A module-based university's exports (OULAD-shaped: pseudonymised students, two modules each a presentation, five
/// dated assessments per module with missed submissions) imported into an empty database through the SIS import, then
/// the nightly risk job (choosing the algorithm on the temporal check, early warning at 25/50/100 % of the term, saving
/// the model) and an import's rescore with the saved model. Prints each step's time and the model card's figures.
/// </summary>
internal static class CourseworkBenchmark
{
    public static async Task RunAsync(string directory, int cohorts, int studentsPerCohort, int? studentsUnderWay = null)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"coursework-{cohorts}x{studentsPerCohort}-{studentsUnderWay}.db");
        if (File.Exists(path)) File.Delete(path);
        var options = new DbContextOptionsBuilder<SqliteCormDbContext>().UseSqlite($"Data Source={path}").Options;
        await using (var db = new SqliteCormDbContext(options)) await db.Database.MigrateAsync();
        var factory = new DuplicateBenchmark.SingleFactory(options);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var import = new SisImport(factory, new PersonLookup(factory, Options.Create(new MatchingOptions())), new AuditTrail(TimeProvider.System), TimeProvider.System);
        var staff = UserScope.Of(1, "bench student success", Roles.StudentSuccess);

        var exports = ModuleUniversity.Generate(cohorts, studentsPerCohort, firstYear: today.Year - cohorts - 1, underWay: today, studentsUnderWay: studentsUnderWay);
        foreach (var export in exports)
        {
            var rows = export.Csv.Count(c => c == '\n') - 1;
            var clock = Stopwatch.StartNew();
            var report = await import.ImportAsync(staff, export.Kind, export.Csv, export.Mapping);
            if (!report.Committed) throw new InvalidOperationException($"{export.Kind}: {string.Join("; ", report.Rejected.Take(3))}");
            var first = clock.Elapsed.TotalSeconds;
            clock.Restart();
            await import.ImportAsync(staff, export.Kind, export.Csv, export.Mapping); // the same file again: changes nothing
            Console.WriteLine($"import {export.Kind,-12} {rows,8:N0} rows {first,7:N1} s ({rows / first,6:N0} rows/s); same file again {clock.Elapsed.TotalSeconds:N1} s");
        }

        var job = new RiskAssessmentJob(factory, TimeProvider.System, NullLogger<RiskAssessmentJob>.Instance);
        var nightly = Stopwatch.StartNew();
        var summary = await job.RunAsync();
        Console.WriteLine($"nightly job (train, temporal check, early warning, save, assess) {nightly.Elapsed.TotalSeconds:N1} s: {summary.Assessed:N0} assessed, {summary.Finished:N0} finished left out");
        await using (var db = new SqliteCormDbContext(options))
        {
            var run = await db.RiskModelRuns.OrderByDescending(r => r.Id).FirstAsync();
            var file = await db.RiskModelFiles.SingleAsync(f => f.RunId == run.Id);
            Console.WriteLine($"model card: {run.Examples:N0} students ({run.Dropouts:N0} dropped out); CV AUC {run.CrossValidatedAuc:0.000}; temporal AUC logistic {run.TemporalAuc:0.000}, boosting {run.TemporalBoostedAuc:0.000}, rules {run.TemporalRulesAuc:0.000}; in use: {run.Algorithm}; model file {file.Content.Length / 1024.0:N0} KiB");
            Console.WriteLine("early warning: " + string.Join(", ", run.EarlyWarningPoints.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Percent}% of the term AUC {p.Auc:0.000}"))));
            Console.WriteLine("calibration (predicted/observed by decile): " + string.Join(", ", run.CalibrationPoints.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Predicted:0.00}/{p.Observed:0.00}"))));
            await db.RiskAssessments.Where(a => a.AssessedOn == today).ExecuteDeleteAsync();
        }
        var rescore = Stopwatch.StartNew();
        var rescored = await job.RescoreAsync();
        Console.WriteLine($"rescore after an import (saved model, no training) {rescore.Elapsed.TotalSeconds:N1} s: {rescored.Assessed:N0} assessed");
    }
}
