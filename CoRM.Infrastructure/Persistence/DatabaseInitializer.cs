using CoRM.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Persistence;

/// <summary>At start-up: apply pending migrations (when enabled) and seed the demo institution into an empty database.</summary>
public static class DatabaseInitializer
{
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        await using var db = await services.GetRequiredService<IDbContextFactory<CormDbContext>>().CreateDbContextAsync(ct);

        if (options.MigrateAtStartup)
        {
            // The migrations were squashed into one Initial before the first release. A database migrated before that
            // knows migrations this build does not: a demo database is recreated; any other stops with the reason.
            var known = db.Database.GetMigrations().ToHashSet();
            var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
            if (applied.Count > 0 && !applied.All(known.Contains))
            {
                if (!options.SeedDemoData || options.Provider != DatabaseProvider.Sqlite)
                    throw new InvalidOperationException("This database was migrated by an older build whose migrations were squashed into one Initial migration. " +
                        "Recreate it (there was no release before the squash), or restore it with the build that created it.");
                logger.LogWarning("The demo database predates the squashed migrations; recreating it with fresh demo data");
                await db.Database.EnsureDeletedAsync(ct);
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s) to the {Provider} database", pending.Count, options.Provider);
                await db.Database.MigrateAsync(ct);
                await PostgreSqlSequences.RealignAsync(db, ct);
                if (await DialKeyBackfill.RunAsync(db, ct) is > 0 and var keyed)
                    logger.LogInformation("Gave {Count} phone number(s) saved before caller lookup their dial key", keyed);
            }
        }

        if (options.SeedDemoData && !await db.Constituents.AnyAsync(ct))
        {
            var seeder = services.GetRequiredService<DemoSeeder>();
            var summary = await seeder.SeedAsync(ct);
            logger.LogInformation("Seeded the demo institution: {Summary}", summary);
            if (!string.IsNullOrWhiteSpace(options.DemoDropoutDataset))
            {
                var path = Path.GetFullPath(options.DemoDropoutDataset, services.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>().ContentRootPath);
                using var reader = new StreamReader(path);
                var report = await services.GetRequiredService<Academics.DropoutDatasetImport>().ImportAsync(reader, ct);
                logger.LogInformation("Imported the dropout data set from {Path}: {Rows} students, {Rejected} rejected", path, report.RowsAccepted, report.Rejected.Count);
            }
            // Today's risk assessments and alerts, so advisors do not wait for the first nightly run.
            await services.GetRequiredService<StudentSuccess.RiskAssessmentJob>().RunAsync(ct);
            // Donor scores likewise, so donor records and segments have RFM from the start.
            await services.GetRequiredService<Advancement.DonorScoreJob>().RunAsync(ct);
            // Engagement scores and ladder levels, so the mission dashboard and profiles start with figures: a run as of
            // three months ago places everyone, today's run moves people up and down from there.
            var engagement = services.GetRequiredService<Engagement.EngagementScoreJob>();
            var clock = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            await engagement.RunAsOfAsync(DateOnly.FromDateTime(clock.AddMonths(-3)), clock.AddMonths(-3), ct);
            await engagement.RunAsync(ct);
            // The follow-up rules' first run, as last night's would have been. The e-mail rules wait for the nightly job:
            // their unsubscribe links would create a data-protection key here, before production keys are configured.
            var rules = services.GetRequiredService<Engagement.EngagementRuleJob>();
            foreach (var rule in await db.EngagementRules.Where(r => r.IsActive && r.Action != Domain.Engagement.RuleActionKind.Email).Select(r => r.Id).ToListAsync(ct))
                await rules.RunRuleAsync(rule, ct);
            // And the duplicate queue, so the data steward starts with today's possible duplicates.
            await services.GetRequiredService<Constituents.DuplicateScanJob>().RunAsync(ct);
        }
    }
}
