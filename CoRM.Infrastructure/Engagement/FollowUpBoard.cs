using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Engagement;

public sealed record FollowUpRow(
    int Id, int ConstituentId, string ConstituentName, int OwnerId, string OwnerName, Topic Topic, string Title, string? Notes,
    DateOnly DueOn, DateTime? CompletedAt, string? Outcome, Guid Version)
{
    public bool IsOpen => CompletedAt is null;
    public bool IsOverdueOn(DateOnly today) => IsOpen && DueOn < today;
}

public sealed record StaffMember(int ConstituentId, string DisplayName);

public sealed record CreateFollowUpRequest(int ConstituentId, int? OwnerId, Topic Topic, string Title, string? Notes, DateOnly DueOn);

public enum FollowUpFilter
{
    Open,
    DueOrOverdue,
    Completed,
}

/// <summary>Follow-ups: "my follow-ups", a constituent's open ones, and creating, completing and reassigning them.</summary>
public sealed class FollowUpBoard(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, TimeProvider time)
{
    public async Task<Page<FollowUpRow>> MineAsync(UserScope user, FollowUpFilter filter, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        (pageIndex, pageSize) = Page<FollowUpRow>.Clamp(pageIndex, pageSize);
        if (!user.IsStaff) return new Page<FollowUpRow>([], 0, pageIndex, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = OwnedBy(db, user.ConstituentId, filter, time.Today());
        var total = await query.CountAsync(ct);
        var rows = await query.Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<FollowUpRow>(rows, total, pageIndex, pageSize);
    }

    public async Task<IReadOnlyList<FollowUpRow>> ForConstituentAsync(UserScope user, int constituentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await ConstituentScope.VisibleTo(db, user, time).AnyAsync(c => c.Id == constituentId, ct)) return [];
        return await OfConstituent(db, user, constituentId, TopicVisibility.VisibleTo(user), time.UtcNow()).Take(Page<FollowUpRow>.MaxPageSize).ToListAsync(ct);
    }

    /// <summary>Staff who can own a follow-up: portal users holding a staff role.</summary>
    public async Task<IReadOnlyList<StaffMember>> AssignableOwnersAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.IsStaff) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Identity.PortalUserDirectory.HoldingAsync(db, Roles.Staff, ct);
    }

    public async Task<CommandResult> CreateAsync(UserScope user, CreateFollowUpRequest request, CancellationToken ct = default)
    {
        if (!TopicVisibility.MayRecord(user, request.Topic)) return CommandResult.Invalid($"You cannot create {request.Topic} follow-ups.");
        return await runner.RunAsync(CommandOptions.About("follow-up"), async db =>
        {
            if (!await ConstituentScope.VisibleTo(db, user, time).AnyAsync(c => c.Id == request.ConstituentId, ct))
                return CommandResult.NotFound;
            var ownerId = request.OwnerId ?? user.ConstituentId;
            if (ownerId != user.ConstituentId && !await IsStaffAsync(db, ownerId, ct))
                return CommandResult.Invalid("A follow-up can only be owned by a member of staff who signs in to CoRM.");
            var followUp = FollowUp.Create(request.ConstituentId, ownerId, request.Topic, request.Title, request.Notes, request.DueOn,
                time.Today(), user.ConstituentId, time.UtcNow());
            db.FollowUps.Add(followUp);
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(followUp.Id);
        }, ct);
    }

    public Task<CommandResult> CompleteAsync(UserScope user, int id, string outcome, Guid version, CancellationToken ct = default) =>
        ChangeAsync(user, id, version, (f, _) => { f.Complete(outcome, time.UtcNow()); return Task.FromResult<string?>(null); }, "Completed", ct);

    public Task<CommandResult> ReassignAsync(UserScope user, int id, int newOwnerId, Guid version, CancellationToken ct = default) =>
        ChangeAsync(user, id, version, async (f, db) =>
        {
            if (!await IsStaffAsync(db, newOwnerId, ct)) return "A follow-up can only be owned by a member of staff who signs in to CoRM.";
            f.Reassign(newOwnerId);
            return null;
        }, $"Reassigned to {newOwnerId}", ct);

    /// <summary>The owner, the creator or an administrator may change a follow-up they can see.</summary>
    private async Task<CommandResult> ChangeAsync(UserScope user, int id, Guid version, Func<FollowUp, CormDbContext, Task<string?>> change, string auditDetail, CancellationToken ct)
    {
        return await runner.RunAsync(CommandOptions.About("follow-up"), async db =>
        {
            var topics = TopicVisibility.VisibleTo(user);
            var followUp = await db.FollowUps.SingleOrDefaultAsync(f => f.Id == id && topics.Contains(f.Topic), ct);
            if (followUp is null) return CommandResult.NotFound;
            var mayChange = followUp.OwnerId == user.ConstituentId || followUp.CreatedById == user.ConstituentId || user.IsIn(Roles.Admin);
            if (!mayChange) return CommandResult.NotFound;

            db.Entry(followUp).Property(f => f.Version).OriginalValue = version;
            if (await change(followUp, db) is { } refusal) return CommandResult.Invalid(refusal);
            audit.Record(db, user, AuditAction.Update, nameof(FollowUp), id, followUp.ConstituentId, auditDetail);
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(id);
        }, ct);
    }

    private static async Task<bool> IsStaffAsync(CormDbContext db, int constituentId, CancellationToken ct)
    {
        var roles = await db.PortalUsers.Where(u => u.ConstituentId == constituentId).Select(u => u.Roles).SingleOrDefaultAsync(ct);
        return roles is not null && roles.Split(',', StringSplitOptions.TrimEntries).Any(r => Roles.Staff.Contains(r));
    }

    internal static IQueryable<FollowUpRow> OwnedBy(CormDbContext db, int ownerId, FollowUpFilter filter, DateOnly today)
    {
        var mine = db.FollowUps.Where(f => f.OwnerId == ownerId);
        mine = filter switch
        {
            FollowUpFilter.Completed => mine.Where(f => f.CompletedAt != null).OrderByDescending(f => f.CompletedAt),
            FollowUpFilter.DueOrOverdue => mine.Where(f => f.CompletedAt == null && f.DueOn <= today).OrderBy(f => f.DueOn).ThenBy(f => f.Id),
            _ => mine.Where(f => f.CompletedAt == null).OrderBy(f => f.DueOn).ThenBy(f => f.Id),
        };
        return Project(db, mine);
    }

    internal static IQueryable<FollowUpRow> OfConstituent(CormDbContext db, UserScope user, int constituentId, IReadOnlyList<Topic> topics, DateTime now) =>
        Project(db, Cases.CaseAccess.ReadableTasks(db, db.FollowUps, user, now).Where(f => f.ConstituentId == constituentId && topics.Contains(f.Topic))
            .OrderBy(f => f.CompletedAt != null).ThenBy(f => f.DueOn));

    private static IQueryable<FollowUpRow> Project(CormDbContext db, IQueryable<FollowUp> followUps) =>
        followUps.Select(f => new FollowUpRow(
            f.Id, f.ConstituentId,
            db.Constituents.Where(c => c.Id == f.ConstituentId).Select(c => c.DisplayName).First(),
            f.OwnerId,
            db.Constituents.Where(c => c.Id == f.OwnerId).Select(c => c.DisplayName).First(),
            f.Topic, f.Title, f.Notes, f.DueOn, f.CompletedAt, f.Outcome, f.Version));
}
