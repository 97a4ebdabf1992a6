using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Engagement;

public sealed record ActionTypeRow(int Id, string Name, ActionCategory Category, string? Description, bool AsksTarget, bool IsActive, Guid Version, int Actions);

public sealed record ActionTypeRequest(string Name, ActionCategory Category, string? Description, bool AsksTarget);

/// <summary>The kinds of action an administrator offers, within the fixed categories.</summary>
public sealed class ActionTypes(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit)
{
    private static readonly CommandOptions Options = CommandOptions.About("action type") with
    {
        UniqueIndexMessages = new Dictionary<string, string> { ["IX_ActionTypes_Name"] = "Another action type already has that name." },
    };

    /// <summary>Every type with its use, for administrators; the active ones for whoever records actions; nothing for anyone else.</summary>
    public async Task<IReadOnlyList<ActionTypeRow>> ListAsync(UserScope user, CancellationToken ct = default)
    {
        var admin = user.IsIn(Roles.Admin);
        if (!admin && !user.MeasuresEngagement) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ActionTypes.Where(t => admin || t.IsActive).OrderBy(t => t.Category).ThenBy(t => t.Name)
            .Select(t => new ActionTypeRow(t.Id, t.Name, t.Category, t.Description, t.AsksTarget, t.IsActive, t.Version, db.Actions.Count(a => a.ActionTypeId == t.Id)))
            .ToListAsync(ct);
    }

    public Task<CommandResult> CreateAsync(UserScope user, ActionTypeRequest request, CancellationToken ct = default)
    {
        if (!user.IsIn(Roles.Admin)) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(Options, async db =>
        {
            var type = ActionType.Define(request.Name, request.Category, request.Description, request.AsksTarget);
            db.ActionTypes.Add(type);
            await db.SaveChangesAsync(ct);
            audit.Record(db, user, AuditAction.Create, nameof(ActionType), type.Id, null, type.Name);
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(type.Id);
        }, ct);
    }

    /// <summary>Renames, recategorises or withdraws a type; actions already recorded keep it.</summary>
    public Task<CommandResult> UpdateAsync(UserScope user, int id, ActionTypeRequest request, bool isActive, Guid version, CancellationToken ct = default)
    {
        if (!user.IsIn(Roles.Admin)) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(Options, async db =>
        {
            var type = await db.ActionTypes.SingleOrDefaultAsync(t => t.Id == id, ct);
            if (type is null) return CommandResult.NotFound;
            db.Entry(type).Property(t => t.Version).OriginalValue = version;
            type.Describe(request.Name, request.Category, request.Description, request.AsksTarget);
            type.IsActive = isActive;
            audit.Record(db, user, AuditAction.Update, nameof(ActionType), type.Id, null, $"{type.Name}{(isActive ? "" : " (withdrawn)")}");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(type.Id);
        }, ct);
    }
}
