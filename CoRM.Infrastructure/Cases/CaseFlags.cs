using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Cases;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Cases;

public sealed record FlagRow(int Id, int ConstituentId, string Label, string? Note, FlagVisibility Visibility, DateTime RaisedAt, string? RaisedBy);

/// <summary>
/// Flags on a record: shown as a banner on the profile and on every case of the person, to exactly those the flag's
/// visibility allows; raised and removed by case workers, with who, when and why kept.
/// </summary>
public sealed class CaseFlags(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, TimeProvider time)
{
    public async Task<IReadOnlyList<FlagRow>> ForRecordAsync(UserScope user, int constituentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await ConstituentScope.VisibleTo(db, user, time).AnyAsync(c => c.Id == constituentId, ct)) return [];
        return await Rows(db, CaseAccess.VisibleFlags(db, user, time.UtcNow()).Where(f => f.ConstituentId == constituentId)).ToListAsync(ct);
    }

    /// <summary>The flags of a case's clients, for its banner (the case itself decides who may open it).</summary>
    public async Task<IReadOnlyList<FlagRow>> ForCaseAsync(UserScope user, int caseId, CancellationToken ct = default)
    {
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await CaseAccess.Openable(db, user, now).AnyAsync(c => c.Id == caseId, ct)) return [];
        var clients = db.CaseClients.Where(c => c.CaseId == caseId).Select(c => c.ConstituentId);
        return await Rows(db, CaseAccess.VisibleFlags(db, user, now).Where(f => clients.Contains(f.ConstituentId))).ToListAsync(ct);
    }

    public Task<CommandResult> RaiseAsync(UserScope user, int constituentId, string label, string? note, FlagVisibility visibility, CancellationToken ct = default)
    {
        if (!user.WorksCases) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(CommandOptions.About("flag"), async db =>
        {
            if (!await ConstituentScope.VisibleTo(db, user, time).AnyAsync(c => c.Id == constituentId, ct)) return CommandResult.NotFound;
            var flag = ConstituentFlag.Raise(constituentId, label, note, visibility, user.ConstituentId, time.UtcNow());
            if (await db.ConstituentFlags.AnyAsync(f => f.ConstituentId == constituentId && f.RemovedAt == null && f.Label == flag.Label, ct))
                return CommandResult.Invalid($"The record already carries '{flag.Label}'.");
            db.ConstituentFlags.Add(flag);
            await db.SaveChangesAsync(ct);
            audit.Record(db, user, AuditAction.Create, nameof(ConstituentFlag), flag.Id, constituentId, $"{visibility}");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(flag.Id);
        }, ct);
    }

    public Task<CommandResult> RemoveAsync(UserScope user, int flagId, string reason, CancellationToken ct = default)
    {
        if (!user.WorksCases) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(CommandOptions.About("flag"), async db =>
        {
            var flag = await CaseAccess.VisibleFlags(db, user, time.UtcNow()).SingleOrDefaultAsync(f => f.Id == flagId, ct);
            if (flag is null || !await ConstituentScope.VisibleTo(db, user, time).AnyAsync(c => c.Id == flag.ConstituentId, ct)) return CommandResult.NotFound;
            flag.Remove(reason, user.ConstituentId, time.UtcNow());
            audit.Record(db, user, AuditAction.Update, nameof(ConstituentFlag), flag.Id, flag.ConstituentId, "Removed");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(flag.Id);
        }, ct);
    }

    private static IQueryable<FlagRow> Rows(CormDbContext db, IQueryable<ConstituentFlag> flags) =>
        flags.OrderByDescending(f => f.Visibility).ThenBy(f => f.RaisedAt)
            .Select(f => new FlagRow(f.Id, f.ConstituentId, f.Label, f.Note, f.Visibility, f.RaisedAt,
                db.Constituents.Where(c => c.Id == f.RaisedById).Select(c => c.DisplayName).FirstOrDefault()));
}
