using CoRM.Domain.Access;
using CoRM.Domain.StudentSuccess;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.StudentSuccess;

/// <summary>The model card history: each training run's date, data size and cross-validated ROC AUC beside the rules'.</summary>
public sealed class RiskModelCards(IDbContextFactory<CormDbContext> dbFactory)
{
    public async Task<IReadOnlyList<RiskModelRun>> RecentAsync(UserScope user, int take = 10, CancellationToken ct = default)
    {
        if (!CohortAnalytics.MayUse(user)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RiskModelRuns.AsNoTracking().OrderByDescending(r => r.TrainedAt).Take(take).ToListAsync(ct);
    }

    /// <summary>Students still wearing the student hat whose programme outcome is recorded: the nightly job leaves them out.</summary>
    public async Task<int> FinishedStudentsAsync(UserScope user, DateOnly today, CancellationToken ct = default)
    {
        if (!CohortAnalytics.MayUse(user)) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var finished = RiskAssessmentJob.Finished(db);
        return await db.Hats.Where(Domain.Constituents.Hat.ActiveOn(today)).Where(h => h.Kind == Domain.Constituents.HatKind.Student)
            .Select(h => h.ConstituentId).Distinct().CountAsync(id => finished.Contains(id), ct);
    }
}
