using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Cases;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Cases;

public sealed record CaseOutcomeRow(int Id, string Name, bool Resolves, bool IsActive);

public sealed record CasePlanItemRow(int Id, string Title, int DueAfterDays);

public sealed record CaseTypeRow(int Id, string Name, string? Description, int ReviewIntervalDays, bool IsActive, Guid Version,
    IReadOnlyList<CaseOutcomeRow> Outcomes, IReadOnlyList<CasePlanItemRow> DefaultPlan, int Cases, int? NoteRetentionDays = null);

/// <summary>A type's settings; <paramref name="NoteRetentionDays"/> null keeps notes for the institution's case-note period.</summary>
public sealed record CaseTypeRequest(string Name, string? Description, int ReviewIntervalDays, int? NoteRetentionDays = null);

/// <summary>The case types an administrator configures: name, review interval, default plan and outcomes.</summary>
public sealed class CaseTypes(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit)
{
    private static readonly CommandOptions Options = CommandOptions.About("case type") with
    {
        UniqueIndexMessages = new Dictionary<string, string> { ["IX_CaseTypes_Name"] = "Another case type already has that name." },
    };

    /// <summary>Every type with its settings, for administrators; the active ones for anyone who works cases (the intake form).</summary>
    public async Task<IReadOnlyList<CaseTypeRow>> ListAsync(UserScope user, CancellationToken ct = default)
    {
        var admin = user.IsIn(Roles.Admin);
        if (!admin && !user.WorksCases) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var types = await db.CaseTypes.AsNoTracking().Include(t => t.Outcomes).Include(t => t.DefaultPlan)
            .Where(t => admin || t.IsActive).OrderBy(t => t.Name).ToListAsync(ct);
        var counts = await db.Cases.GroupBy(c => c.CaseTypeId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return types.Select(t => new CaseTypeRow(t.Id, t.Name, t.Description, t.ReviewIntervalDays, t.IsActive, t.Version,
            t.Outcomes.OrderBy(o => o.Id).Select(o => new CaseOutcomeRow(o.Id, o.Name, o.Resolves, o.IsActive)).ToList(),
            t.DefaultPlan.OrderBy(i => i.DueAfterDays).ThenBy(i => i.Id).Select(i => new CasePlanItemRow(i.Id, i.Title, i.DueAfterDays)).ToList(),
            counts.GetValueOrDefault(t.Id), t.NoteRetentionDays)).ToList();
    }

    public Task<CommandResult> CreateAsync(UserScope user, CaseTypeRequest request, CancellationToken ct = default)
    {
        if (!user.IsIn(Roles.Admin)) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(Options, async db =>
        {
            var type = CaseType.Define(request.Name, request.Description, request.ReviewIntervalDays);
            type.KeepNotesFor(request.NoteRetentionDays);
            db.CaseTypes.Add(type);
            await db.SaveChangesAsync(ct);
            audit.Record(db, user, AuditAction.Create, nameof(CaseType), type.Id, null, type.Name);
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(type.Id);
        }, ct);
    }

    public Task<CommandResult> UpdateAsync(UserScope user, int id, CaseTypeRequest request, bool isActive, Guid version, CancellationToken ct = default) =>
        ChangeAsync(user, id, version, type =>
        {
            type.Describe(request.Name, request.Description, request.ReviewIntervalDays);
            type.KeepNotesFor(request.NoteRetentionDays);
            type.IsActive = isActive;
        }, "Settings", ct);

    public Task<CommandResult> AddOutcomeAsync(UserScope user, int id, string name, bool resolves, Guid version, CancellationToken ct = default) =>
        ChangeAsync(user, id, version, type => type.AddOutcome(name, resolves), $"Outcome added: {name}", ct);

    /// <summary>Withdraws an outcome from new closures; cases that closed with it keep it.</summary>
    public Task<CommandResult> WithdrawOutcomeAsync(UserScope user, int id, int outcomeId, Guid version, CancellationToken ct = default) =>
        ChangeAsync(user, id, version, type =>
        {
            var outcome = type.Outcomes.SingleOrDefault(o => o.Id == outcomeId && o.IsActive) ?? throw new Domain.DomainException("That outcome is not offered by this type.");
            if (type.Outcomes.Count(o => o.IsActive) == 1) throw new Domain.DomainException("A case type needs at least one outcome to close cases with.");
            outcome.IsActive = false;
        }, $"Outcome withdrawn: {outcomeId}", ct);

    public Task<CommandResult> AddPlanItemAsync(UserScope user, int id, string title, int dueAfterDays, Guid version, CancellationToken ct = default) =>
        ChangeAsync(user, id, version, type => type.AddPlanItem(title, dueAfterDays), $"Plan item added: {title}", ct);

    public Task<CommandResult> RemovePlanItemAsync(UserScope user, int id, int itemId, Guid version, CancellationToken ct = default) =>
        ChangeAsync(user, id, version, type =>
        {
            var item = type.DefaultPlan.SingleOrDefault(i => i.Id == itemId) ?? throw new Domain.DomainException("That item is not in this type's plan.");
            type.DefaultPlan.Remove(item);
        }, $"Plan item removed: {itemId}", ct);

    private Task<CommandResult> ChangeAsync(UserScope user, int id, Guid version, Action<CaseType> change, string detail, CancellationToken ct)
    {
        if (!user.IsIn(Roles.Admin)) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(Options, async db =>
        {
            var type = await db.CaseTypes.Include(t => t.Outcomes).Include(t => t.DefaultPlan).SingleOrDefaultAsync(t => t.Id == id, ct);
            if (type is null) return CommandResult.NotFound;
            db.Entry(type).Property(t => t.Version).OriginalValue = version;
            change(type);
            // A change to outcomes or plan alone still bumps the type's version, so two administrators cannot both add.
            db.Entry(type).State = EntityState.Modified;
            audit.Record(db, user, AuditAction.Update, nameof(CaseType), type.Id, null, detail);
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(type.Id);
        }, ct);
    }
}
