using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Cases;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Cases;

public sealed record CaseClientRow(int ConstituentId, string Name, bool IsPrimary, string? Region);

public sealed record CaseTeamRow(int MemberId, string Name, CaseRole Role, DateTime AddedAt);

public sealed record CaseGoalRow(int Id, string Title, DateOnly? TargetOn, GoalStatus Status, DateOnly? ClosedOn);

public sealed record CaseReviewRow(int Id, DateOnly DueOn, DateTime? CompletedAt, string? CompletedBy, string? Notes);

public sealed record CaseTaskRow(int Id, int ConstituentId, string Title, int OwnerId, string OwnerName, DateOnly DueOn, DateTime? CompletedAt, string? Outcome, Guid Version);

public sealed record CaseNoteRow(long Id, int ConstituentId, string ClientName, DateTime OccurredAt, Channel Channel, string Subject, string? Notes,
    NoteSensitivity Sensitivity, string? RecordedBy);

/// <summary>Everything on one case the user may see, and what their standing lets them do.</summary>
public sealed record CaseView(
    int Id, string Reference, int CaseTypeId, string TypeName, CaseStatus Status, string Summary, string? ReferralSource,
    DateOnly OpenedOn, DateOnly? ClosedOn, string? Outcome, string? CloseReason, DateOnly? NextReviewOn, Guid Version,
    IReadOnlyList<CaseClientRow> Clients, IReadOnlyList<CaseTeamRow> Team, IReadOnlyList<CaseGoalRow> Goals,
    IReadOnlyList<CaseReviewRow> Reviews, IReadOnlyList<CaseTaskRow> Tasks, IReadOnlyList<CaseOutcomeRow> Outcomes,
    CaseStanding Standing, DateTime? BreakGlassUntil)
{
    public bool IsActive => Status is CaseStatus.Intake or CaseStatus.Open or CaseStatus.OnHold;
}

public sealed record CaseNoteRequest(int CaseId, int? AboutId, Channel Channel, string Subject, string? Notes, NoteSensitivity Sensitivity, DateTime OccurredAt);

/// <summary>
/// One case: its page, notes, plan (goals, tasks, reviews), team and status. Every read and write starts from the user's
/// standing on the case (<see cref="CaseAccess"/>): outside it a case is answered as missing; reading it is audited.
/// </summary>
public sealed class CaseFiles(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, TimeProvider time)
{
    public async Task<CaseView?> GetAsync(UserScope user, int caseId, CancellationToken ct = default)
    {
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var standing = await CaseAccess.StandingAsync(db, user, caseId, now, ct);
        var found = !standing.MayOpen ? null : await db.Cases.AsNoTracking().Include(c => c.Type).ThenInclude(t => t!.Outcomes).Include(c => c.Outcome)
            .Include(c => c.Clients).Include(c => c.Team).Include(c => c.Goals).Include(c => c.Reviews)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (found is null)
        {
            await audit.DeniedAsync(db, user, nameof(Case), caseId, ct);
            return null;
        }

        var people = found.Clients.Select(c => c.ConstituentId).Concat(found.Team.Select(m => m.MemberId))
            .Concat(found.Reviews.Where(r => r.CompletedById != null).Select(r => r.CompletedById!.Value)).Distinct().ToList();
        var names = await db.Constituents.Where(c => people.Contains(c.Id)).Select(c => new { c.Id, c.DisplayName, c.Region }).ToDictionaryAsync(c => c.Id, ct);
        var tasks = await db.FollowUps.AsNoTracking().Where(f => f.CaseId == caseId).OrderBy(f => f.CompletedAt != null).ThenBy(f => f.DueOn).Take(Page<CaseTaskRow>.MaxPageSize)
            .Select(f => new CaseTaskRow(f.Id, f.ConstituentId, f.Title, f.OwnerId, db.Constituents.Where(c => c.Id == f.OwnerId).Select(c => c.DisplayName).First(),
                f.DueOn, f.CompletedAt, f.Outcome, f.Version)).ToListAsync(ct);
        var glass = await db.CaseAccessGrants.Where(g => g.CaseId == caseId && g.UserId == user.ConstituentId && g.GrantedAt <= now && g.ExpiresAt > now)
            .MaxAsync(g => (DateTime?)g.ExpiresAt, ct);

        foreach (var client in found.Clients)
            audit.Record(db, user, AuditAction.Read, nameof(Case), caseId, client.ConstituentId, standing.OnTeam || standing.SupervisesAllCases ? "Case" : "Case (break-glass)");
        await db.SaveChangesAsync(ct);

        string Name(int id) => names.TryGetValue(id, out var n) ? n.DisplayName : $"C-{id}";
        return new CaseView(found.Id, found.Reference, found.CaseTypeId, found.Type!.Name, found.Status, found.Summary, found.ReferralSource,
            found.OpenedOn, found.ClosedOn, found.Outcome?.Name, found.CloseReason, found.NextReviewOn, found.Version,
            found.Clients.OrderByDescending(c => c.IsPrimary).ThenBy(c => c.Id).Select(c => new CaseClientRow(c.ConstituentId, Name(c.ConstituentId), c.IsPrimary, names.GetValueOrDefault(c.ConstituentId)?.Region)).ToList(),
            found.CurrentTeam.OrderBy(m => m.Role).ThenBy(m => m.AddedAt).Select(m => new CaseTeamRow(m.MemberId, Name(m.MemberId), m.Role, m.AddedAt)).ToList(),
            found.Goals.OrderBy(g => g.Status != GoalStatus.Open).ThenBy(g => g.TargetOn).Select(g => new CaseGoalRow(g.Id, g.Title, g.TargetOn, g.Status, g.ClosedOn)).ToList(),
            found.Reviews.OrderBy(r => r.CompletedAt != null).ThenByDescending(r => r.CompletedAt).ThenBy(r => r.DueOn)
                .Select(r => new CaseReviewRow(r.Id, r.DueOn, r.CompletedAt, r.CompletedById is { } by ? Name(by) : null, r.Notes)).ToList(),
            tasks,
            found.Type.Outcomes.Where(o => o.IsActive).OrderBy(o => o.Id).Select(o => new CaseOutcomeRow(o.Id, o.Name, o.Resolves, o.IsActive)).ToList(),
            standing, glass);
    }

    /// <summary>A record's active cases, for case workers who may open the record (others never learn a case exists).</summary>
    public async Task<IReadOnlyList<CallerCase>> ActiveCasesOfAsync(UserScope user, int constituentId, CancellationToken ct = default)
    {
        if (!user.WorksCases) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await Constituents.ConstituentScope.VisibleTo(db, user, time).AnyAsync(c => c.Id == constituentId, ct)) return [];
        return await CaseAccess.ActiveCasesOf(db, user, [constituentId], time.UtcNow()).Select(c => c.Case).ToListAsync(ct);
    }

    /// <summary>The case's notes the user may read, newest first.</summary>
    public async Task<Page<CaseNoteRow>> NotesAsync(UserScope user, int caseId, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        (pageIndex, pageSize) = Page<CaseNoteRow>.Clamp(pageIndex, pageSize);
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var standing = await CaseAccess.StandingAsync(db, user, caseId, now, ct);
        if (!standing.MayOpen) return new Page<CaseNoteRow>([], 0, pageIndex, pageSize);
        var readable = Enum.GetValues<NoteSensitivity>().Where(standing.MayRead).ToList();
        var query = db.Interactions.Where(i => i.CaseId == caseId && readable.Contains(i.Sensitivity));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id).Skip(pageIndex * pageSize).Take(pageSize)
            .Select(i => new CaseNoteRow(i.Id, i.ConstituentId, db.Constituents.Where(c => c.Id == i.ConstituentId).Select(c => c.DisplayName).First(),
                i.OccurredAt, i.Channel, i.Subject, i.Notes, i.Sensitivity,
                db.Constituents.Where(c => c.Id == i.RecordedById).Select(c => c.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);
        return new Page<CaseNoteRow>(rows, total, pageIndex, pageSize);
    }

    public Task<CommandResult> AddNoteAsync(UserScope user, CaseNoteRequest request, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(request.Channel) || request.Channel == Channel.Import)
            return Task.FromResult(CommandResult.Invalid("Choose how the contact happened."));
        return WorkAsync(user, request.CaseId, CaseRight.Work, async (db, found, standing) =>
        {
            if (!standing.MayRead(request.Sensitivity)) return "You cannot write a note you would not be allowed to read.";
            var about = request.AboutId ?? found.Clients.OrderByDescending(c => c.IsPrimary).First().ConstituentId;
            if (found.Clients.All(c => c.ConstituentId != about)) return "A case note is about one of the case's clients.";
            db.Interactions.Add(Interaction.CaseNote(about, found.Id, request.Sensitivity, request.Channel, request.Subject, request.Notes,
                request.OccurredAt, user.ConstituentId, time.UtcNow()));
            return null;
        }, "Note added", ct);
    }

    public Task<CommandResult> AcceptAsync(UserScope user, int caseId, Guid version, CancellationToken ct = default) =>
        ManageAsync(user, caseId, version, found => found.Accept(), "Taken on", ct);

    public Task<CommandResult> HoldAsync(UserScope user, int caseId, Guid version, CancellationToken ct = default) =>
        ManageAsync(user, caseId, version, found => found.PutOnHold(), "Put on hold", ct);

    public Task<CommandResult> ResumeAsync(UserScope user, int caseId, Guid version, CancellationToken ct = default) =>
        ManageAsync(user, caseId, version, found => found.Resume(), "Resumed", ct);

    public Task<CommandResult> CloseAsync(UserScope user, int caseId, int outcomeId, string reason, Guid version, CancellationToken ct = default) =>
        ManageAsync(user, caseId, version, found =>
        {
            var outcome = found.Type!.Outcomes.SingleOrDefault(o => o.Id == outcomeId) ?? throw new DomainException("Choose one of this case type's outcomes.");
            found.Close(outcome, reason, time.Today(), user.ConstituentId);
        }, "Closed", ct);

    public Task<CommandResult> ReopenAsync(UserScope user, int caseId, Guid version, CancellationToken ct = default) =>
        ManageAsync(user, caseId, version, found => found.Reopen(found.Type!.ReviewIntervalDays, time.Today()), "Reopened", ct);

    public Task<CommandResult> AddToTeamAsync(UserScope user, int caseId, int memberId, CaseRole role, Guid version, CancellationToken ct = default) =>
        TeamChangeAsync(user, caseId, memberId, version, found => found.AddToTeam(memberId, role, time.UtcNow()), $"Team: {memberId} added as {role}", ct);

    public Task<CommandResult> RemoveFromTeamAsync(UserScope user, int caseId, int memberId, Guid version, CancellationToken ct = default) =>
        ManageAsync(user, caseId, version, found => found.RemoveFromTeam(memberId, time.UtcNow()), $"Team: {memberId} removed", ct);

    public Task<CommandResult> HandLeadToAsync(UserScope user, int caseId, int memberId, Guid version, CancellationToken ct = default) =>
        TeamChangeAsync(user, caseId, memberId, version, found => found.HandLeadTo(memberId, time.UtcNow()), $"Lead handed to {memberId}", ct);

    public Task<CommandResult> AddClientAsync(UserScope user, int caseId, int constituentId, Guid version, CancellationToken ct = default) =>
        ManageAsync(user, caseId, version, found => found.AddClient(constituentId), $"Client added: C-{constituentId}", ct, async db =>
            await db.Constituents.Where(Domain.Constituents.Constituent.Current).AnyAsync(c => c.Id == constituentId, ct) ? null : $"C-{constituentId} is not a record on file.");

    public Task<CommandResult> AddGoalAsync(UserScope user, int caseId, string title, DateOnly? targetOn, CancellationToken ct = default) =>
        WorkAsync(user, caseId, CaseRight.Work, (_, found, _) => { found.AddGoal(title, targetOn, time.Today()); return Task.FromResult<string?>(null); }, "Goal added", ct);

    public Task<CommandResult> SetGoalStatusAsync(UserScope user, int caseId, int goalId, GoalStatus status, CancellationToken ct = default) =>
        WorkAsync(user, caseId, CaseRight.Work, (_, found, _) => { found.SetGoalStatus(goalId, status, time.Today()); return Task.FromResult<string?>(null); }, $"Goal {goalId}: {status}", ct);

    public Task<CommandResult> ScheduleReviewAsync(UserScope user, int caseId, DateOnly dueOn, CancellationToken ct = default) =>
        WorkAsync(user, caseId, CaseRight.Work, (_, found, _) => { found.ScheduleReview(dueOn, time.Today()); return Task.FromResult<string?>(null); }, $"Review scheduled for {dueOn:yyyy-MM-dd}", ct);

    public Task<CommandResult> CompleteReviewAsync(UserScope user, int caseId, int reviewId, string notes, CancellationToken ct = default) =>
        WorkAsync(user, caseId, CaseRight.Manage, (_, found, _) =>
        {
            found.CompleteReview(reviewId, notes, user.ConstituentId, found.Type!.ReviewIntervalDays, time.Today(), time.UtcNow());
            return Task.FromResult<string?>(null);
        }, "Review recorded", ct);

    /// <summary>A task on the case plan: a follow-up (the digest and reminders included) owned by someone on the team.</summary>
    public Task<CommandResult> AddTaskAsync(UserScope user, int caseId, string title, DateOnly dueOn, int? ownerId, CancellationToken ct = default) =>
        WorkAsync(user, caseId, CaseRight.Work, (db, found, _) =>
        {
            if (!found.IsActive) return Task.FromResult<string?>("A closed case takes no new tasks.");
            var owner = ownerId ?? user.ConstituentId;
            if (found.RoleOf(owner) is null && owner != user.ConstituentId) return Task.FromResult<string?>("A case task is owned by someone on the case team.");
            var task = FollowUp.Create(found.Clients.OrderByDescending(c => c.IsPrimary).First().ConstituentId, owner, Topic.Case, title,
                found.Reference, dueOn, time.Today(), user.ConstituentId, time.UtcNow());
            task.CaseId = found.Id;
            db.FollowUps.Add(task);
            return Task.FromResult<string?>(null);
        }, "Task added", ct);

    private enum CaseRight { Work, Manage }

    private Task<CommandResult> ManageAsync(UserScope user, int caseId, Guid version, Action<Case> change, string detail, CancellationToken ct,
        Func<CormDbContext, Task<string?>>? check = null) =>
        WorkAsync(user, caseId, CaseRight.Manage, async (db, found, _) =>
        {
            db.Entry(found).Property(c => c.Version).OriginalValue = version;
            if (check is not null && await check(db) is { } refusal) return refusal;
            change(found);
            db.Entry(found).State = EntityState.Modified;
            return null;
        }, detail, ct);

    private Task<CommandResult> TeamChangeAsync(UserScope user, int caseId, int memberId, Guid version, Action<Case> change, string detail, CancellationToken ct) =>
        ManageAsync(user, caseId, version, change, detail, ct, async db =>
            (await CaseIntake.Workers(db, ct)).Any(w => w.ConstituentId == memberId) ? null : "A case team member must be a case worker who signs in to CoRM.");

    /// <summary>Loads the case the user stands on, checks the right, applies the change and audits it against every client.</summary>
    private Task<CommandResult> WorkAsync(UserScope user, int caseId, CaseRight right, Func<CormDbContext, Case, CaseStanding, Task<string?>> change, string detail, CancellationToken ct) =>
        runner.RunAsync(CommandOptions.About("case", transaction: true), async db =>
        {
            var standing = await CaseAccess.StandingAsync(db, user, caseId, time.UtcNow(), ct);
            if (!standing.MayOpen) return CommandResult.NotFound;
            if (right == CaseRight.Manage ? !standing.MayManage : !standing.MayWork)
                return CommandResult.Invalid(right == CaseRight.Manage ? "Only the case lead or a supervisor can do that." : "Only the case team can do that.");
            var found = await db.Cases.Include(c => c.Type).ThenInclude(t => t!.Outcomes).Include(c => c.Clients).Include(c => c.Team)
                .Include(c => c.Goals).Include(c => c.Reviews).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == caseId, ct);
            if (found is null) return CommandResult.NotFound;
            if (await change(db, found, standing) is { } refusal) return CommandResult.Invalid(refusal);
            foreach (var client in found.Clients) audit.Record(db, user, AuditAction.Update, nameof(Case), caseId, client.ConstituentId, detail);
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(caseId);
        }, ct);
}
