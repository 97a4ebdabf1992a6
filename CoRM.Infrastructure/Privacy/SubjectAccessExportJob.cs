using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Privacy;

/// <summary>
/// Builds one subject-access export in the background (a person with years of history has thousands of rows). Takes
/// the export's id, never the person's details (Hangfire shows job arguments). A rerun after it is built does nothing;
/// a failure is recorded on the export for the officer to see, and rethrown so Hangfire retries it.
/// </summary>
public sealed class SubjectAccessExportJob(IDbContextFactory<CormDbContext> dbFactory, IOptions<AdvancementOptions> institution, TimeProvider time)
{
    public async Task RunAsync(int exportId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var export = await db.SubjectAccessExports.SingleOrDefaultAsync(e => e.Id == exportId, ct);
        if (export is null || export.ReadyAt is not null) return;
        try
        {
            var data = await SubjectAccess.CollectAsync(db, export.SubjectId, institution.Value.Institution, time.GetUtcNow().UtcDateTime, ct)
                       ?? throw new InvalidOperationException("The person of this export is no longer on record.");
            export.Content = SubjectAccess.ToZip(data);
            export.Rows = data.Rows;
            export.ReadyAt = time.GetUtcNow().UtcDateTime;
            export.Error = null;
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            await db.SubjectAccessExports.Where(x => x.Id == exportId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Error, $"The export failed ({e.GetType().Name}); it is retried automatically."), ct);
            throw;
        }
    }
}
