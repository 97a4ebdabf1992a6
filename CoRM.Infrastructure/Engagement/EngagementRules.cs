using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Engagement;

public sealed record EngagementRuleRow(int Id, string Name, int SegmentId, string Segment, RuleActionKind Action, string Does, int PeriodDays, bool IsActive,
    bool ReadyMade, int Fired, int FiredThisPeriod, DateTime? LastRunAt, Guid Version);

public sealed record NewEngagementRule(string Name, int SegmentId, RuleActionKind Action, int? OwnerId, string? Title, string? Body, int DueAfterDays,
    IReadOnlyList<PlanStep>? Plan, int PeriodDays, int? TagId = null);

/// <summary>Rules that act on segments, defined by the giving office and administrators (segments are theirs); their firings are counted.</summary>
public sealed class EngagementRules(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, EngagementRuleJob job, TimeProvider time)
{
    private static readonly CommandOptions Options = CommandOptions.About("rule");

    public async Task<IReadOnlyList<EngagementRuleRow>> ListAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.WorksGiving) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await db.EngagementRules.AsNoTracking().OrderByDescending(r => r.IsActive).ThenBy(r => r.Name).ToListAsync(ct);
        var segments = await db.Segments.ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var owners = await db.Constituents.Where(c => rules.Select(r => r.OwnerId).Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.DisplayName, ct);
        var tags = await db.Tags.ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var counts = await db.RuleFirings.GroupBy(f => new { f.RuleId, f.Period }).Select(g => new { g.Key.RuleId, g.Key.Period, Count = g.Count() }).ToListAsync(ct);
        var today = time.Today();
        return rules.Select(r => new EngagementRuleRow(r.Id, r.Name, r.SegmentId, segments.GetValueOrDefault(r.SegmentId, "?"), r.Action, Describe(r, owners, tags),
            r.PeriodDays, r.IsActive, r.ReadyMade, counts.Where(c => c.RuleId == r.Id).Sum(c => c.Count),
            counts.Where(c => c.RuleId == r.Id && c.Period == r.PeriodOf(today)).Sum(c => c.Count), r.LastRunAt, r.Version)).ToList();
    }

    /// <summary>Staff who may own a rule's follow-ups: those who read the Engagement topic the follow-ups are filed under.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> OwnerChoicesAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.WorksGiving) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = await db.PortalUsers.Select(u => new { u.ConstituentId, u.DisplayName, u.Roles }).ToListAsync(ct);
        return users.Where(u => Roles.EngagementOffice.Any(r => u.Roles.Split(',', StringSplitOptions.TrimEntries).Contains(r)))
            .OrderBy(u => u.DisplayName).Select(u => (u.ConstituentId, u.DisplayName)).ToList();
    }

    public Task<CommandResult> CreateAsync(UserScope user, NewEngagementRule request, CancellationToken ct = default)
    {
        if (!user.WorksGiving) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(Options, async db =>
        {
            if (!await db.Segments.AnyAsync(s => s.Id == request.SegmentId, ct)) return CommandResult.Invalid("Choose the segment.");
            if (request.OwnerId is { } owner && !(await OwnerChoicesAsync(user, ct)).Any(o => o.Id == owner))
                return CommandResult.Invalid("Follow-ups go to staff of the engagement office (advancement, volunteering, student success, administrators).");
            if (request.Action == RuleActionKind.Tag && request.TagId is { } tagId && !await db.Tags.AnyAsync(t => t.Id == tagId, ct))
                return CommandResult.Invalid("That tag no longer exists.");
            var rule = EngagementRule.Define(request.Name, request.SegmentId, request.Action, request.OwnerId, request.Title, request.Body, request.DueAfterDays,
                request.Plan, request.PeriodDays, time.Today(), user.ConstituentId, request.TagId);
            db.EngagementRules.Add(rule);
            await db.SaveChangesAsync(ct);
            audit.Record(db, user, AuditAction.Create, nameof(EngagementRule), rule.Id, null, rule.Name);
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(rule.Id);
        }, ct);
    }

    public Task<CommandResult> SetActiveAsync(UserScope user, int id, bool active, Guid version, CancellationToken ct = default)
    {
        if (!user.WorksGiving) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(Options, async db =>
        {
            var rule = await db.EngagementRules.SingleOrDefaultAsync(r => r.Id == id, ct);
            if (rule is null) return CommandResult.NotFound;
            db.Entry(rule).Property(r => r.Version).OriginalValue = version;
            rule.IsActive = active;
            audit.Record(db, user, AuditAction.Update, nameof(EngagementRule), rule.Id, null, active ? "Active" : "Paused");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(rule.Id);
        }, ct);
    }

    /// <summary>Runs one rule now (the nightly job runs them all); the same exactly-once firing as the job.</summary>
    public async Task<RuleRun?> RunNowAsync(UserScope user, int id, CancellationToken ct = default)
    {
        if (!user.WorksGiving) return null;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            if (!await db.EngagementRules.AnyAsync(r => r.Id == id && r.IsActive, ct)) return null;
        var run = await job.RunRuleAsync(id, ct);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            audit.Record(db, user, AuditAction.Update, nameof(EngagementRule), id, null, $"Run now: {run.Fired} acted on, {run.Skipped} not e-mailed");
            await db.SaveChangesAsync(ct);
        }
        return run;
    }

    private static string Describe(EngagementRule r, IReadOnlyDictionary<int, string> owners, IReadOnlyDictionary<int, string> tags) => r.Action switch
    {
        RuleActionKind.Tag => $"tag \"{tags.GetValueOrDefault(r.TagId ?? 0, "?")}\"",
        RuleActionKind.FollowUp => $"follow-up for {owners.GetValueOrDefault(r.OwnerId ?? 0, "?")}: \"{r.Title}\", due after {r.DueAfterDays} days",
        RuleActionKind.Plan => $"plan for {owners.GetValueOrDefault(r.OwnerId ?? 0, "?")}: {string.Join(" → ", r.Plan.Select(s => $"{s.Title} (day {s.DueAfterDays})"))}",
        _ => $"e-mail \"{r.Title}\" to those who may be e-mailed",
    };
}
