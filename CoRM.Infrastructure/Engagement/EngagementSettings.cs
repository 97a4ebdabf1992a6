using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Engagement;

public sealed record EngagementWeightRow(EngagementMeasure Measure, decimal Points, int Cap, Guid Version, DateTime? ChangedAt, string? ChangedBy);

public sealed record EngagementLevelRow(int Id, string Name, int MinScore, Guid Version, int People);

/// <summary>The score's weights and the ladder's rungs: read by the engagement office, changed by administrators. Changes apply at the next nightly run.</summary>
public sealed class EngagementSettings(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, TimeProvider time)
{
    private static readonly CommandOptions Options = CommandOptions.About("engagement setting", transaction: true) with
    {
        UniqueIndexMessages = new Dictionary<string, string>
        {
            ["IX_EngagementLevels_Name"] = "Another level already has that name.",
            ["IX_EngagementLevels_MinScore"] = "Another level already starts at that score: each rung needs its own threshold.",
        },
    };

    public async Task<IReadOnlyList<EngagementWeightRow>> WeightsAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.MeasuresEngagement) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.EngagementWeights.OrderBy(w => w.Measure)
            .Select(w => new EngagementWeightRow(w.Measure, w.Points, w.Cap, w.Version, w.ChangedAt,
                db.Constituents.Where(c => c.Id == w.ChangedById).Select(c => c.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<EngagementLevelRow>> LevelsAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.MeasuresEngagement) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.EngagementLevels.OrderBy(l => l.MinScore)
            .Select(l => new EngagementLevelRow(l.Id, l.Name, l.MinScore, l.Version, db.EngagementScores.Count(s => s.LevelId == l.Id)))
            .ToListAsync(ct);
    }

    public Task<CommandResult> SetWeightAsync(UserScope user, EngagementMeasure measure, decimal points, int cap, Guid version, CancellationToken ct = default)
    {
        if (!user.IsIn(Roles.Admin)) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(Options, async db =>
        {
            var weight = await db.EngagementWeights.SingleOrDefaultAsync(w => w.Measure == measure, ct);
            if (weight is null) return CommandResult.NotFound;
            db.Entry(weight).Property(w => w.Version).OriginalValue = version;
            weight.Set(points, cap, user.ConstituentId, time.UtcNow());
            audit.Record(db, user, AuditAction.Update, nameof(EngagementWeight), measure, null, $"{measure}: {points} points, cap {cap}");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok();
        }, ct);
    }

    /// <summary>Adds a rung (<paramref name="id"/> null) or renames one and moves its threshold; the whole ladder is checked after the change.</summary>
    public Task<CommandResult> SaveLevelAsync(UserScope user, int? id, string name, int minScore, Guid? version, CancellationToken ct = default)
    {
        if (!user.IsIn(Roles.Admin)) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(Options, async db =>
        {
            var ladder = await db.EngagementLevels.ToListAsync(ct);
            EngagementLevel level;
            if (id is null)
            {
                level = EngagementLevel.Define(name, minScore);
                ladder.Add(level);
                db.EngagementLevels.Add(level);
            }
            else
            {
                level = ladder.SingleOrDefault(l => l.Id == id) ?? throw new DomainException("That level no longer exists.");
                db.Entry(level).Property(l => l.Version).OriginalValue = version ?? Guid.Empty;
                level.Rename(name, minScore);
            }
            EngagementScoring.ValidateLadder(ladder);
            await db.SaveChangesAsync(ct);
            audit.Record(db, user, id is null ? AuditAction.Create : AuditAction.Update, nameof(EngagementLevel), level.Id, null, $"{level.Name} from {level.MinScore}");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(level.Id);
        }, ct);
    }

    /// <summary>Removes a rung nobody has ever stood on (the history names the rungs people moved through).</summary>
    public Task<CommandResult> RemoveLevelAsync(UserScope user, int id, CancellationToken ct = default)
    {
        if (!user.IsIn(Roles.Admin)) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(Options, async db =>
        {
            var level = await db.EngagementLevels.SingleOrDefaultAsync(l => l.Id == id, ct);
            if (level is null) return CommandResult.NotFound;
            if (await db.EngagementScores.AnyAsync(s => s.LevelId == id, ct) || await db.EngagementLevelChanges.AnyAsync(m => m.FromLevelId == id || m.ToLevelId == id, ct))
                return CommandResult.Invalid($"People have stood on \"{level.Name}\": rename it or move its threshold instead.");
            if (await db.EngagementLevels.CountAsync(ct) == 1) return CommandResult.Invalid("The ladder needs at least one level.");
            db.EngagementLevels.Remove(level);
            audit.Record(db, user, AuditAction.Delete, nameof(EngagementLevel), id, null, level.Name);
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok();
        }, ct);
    }
}
