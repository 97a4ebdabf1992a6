using System.Globalization;
using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Domain.Messaging;
using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoRM.Infrastructure.Engagement;

/// <summary>What one evaluation did for one rule.</summary>
public sealed record RuleRun(int RuleId, int Fired, int Skipped);

/// <summary>
/// Nightly (05:00 UTC) and on demand: every active rule's segment is evaluated in the database, and each member not yet
/// served in the rule's current period gets the action — a follow-up, a plan's follow-ups, a tag or an e-mail in the outbox —
/// in the same transaction as the firing row. That row is unique per rule, person and period, so a retried job or a
/// second instance racing this one cannot act twice: the loser's batch rolls back and the next pass skips those people.
/// </summary>
public sealed class EngagementRuleJob(IDbContextFactory<CormDbContext> dbFactory, UnsubscribeLinks unsubscribe, TimeProvider time, ILogger<EngagementRuleJob> logger)
{
    public const string RecurringJobId = "engagement-rules";
    private const int BatchSize = 500;

    public async Task<IReadOnlyList<RuleRun>> RunAsync(CancellationToken ct = default)
    {
        List<int> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            ids = await db.EngagementRules.Where(r => r.IsActive).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        var runs = new List<RuleRun>();
        foreach (var id in ids) runs.Add(await RunRuleAsync(id, ct));
        return runs;
    }

    public async Task<RuleRun> RunRuleAsync(int ruleId, CancellationToken ct = default)
    {
        var today = time.Today();
        var now = time.UtcNow();
        int fired = 0, skipped = 0, conflicts = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rule = await db.EngagementRules.AsNoTracking().SingleAsync(r => r.Id == ruleId, ct);
            if (!rule.IsActive) break;
            var segment = await db.Segments.AsNoTracking().SingleAsync(s => s.Id == rule.SegmentId, ct);
            var period = rule.PeriodOf(today);
            var batch = await Due(db, rule, segment.Rules, period, today, now).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                await db.EngagementRules.Where(r => r.Id == ruleId).ExecuteUpdateAsync(s => s.SetProperty(r => r.LastRunAt, now), ct);
                break;
            }

            // Unsubscribe links first: the first one may create a data-protection key, written by another connection that
            // must not wait behind this batch's transaction.
            var links = rule.Action == RuleActionKind.Email ? batch.ToDictionary(p => p.Id, p => unsubscribe.LinkFor(p.Id)) : [];
            var ids = batch.Select(p => p.Id).ToList();
            var tagged = rule.Action == RuleActionKind.Tag
                ? (await db.PersonTags.Where(t => t.TagId == rule.TagId && ids.Contains(t.ConstituentId)).Select(t => t.ConstituentId).ToListAsync(ct)).ToHashSet()
                : [];
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            int batchFired = 0, batchSkipped = 0;
            foreach (var person in batch)
            {
                var outcome = Act(db, rule, person, links.GetValueOrDefault(person.Id), tagged.Contains(person.Id), period, today, now);
                if (outcome is null) batchSkipped++; else batchFired++;
                db.RuleFirings.Add(new RuleFiring { RuleId = rule.Id, ConstituentId = person.Id, Period = period, FiredAt = now, Outcome = outcome ?? "not e-mailed: no consent or no address" });
            }
            try
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                (fired, skipped) = (fired + batchFired, skipped + batchSkipped);
            }
            catch (DbUpdateException e) when (++conflicts <= 3)
            {
                // Another instance served some of these people first: nothing of this batch stays; the next pass skips theirs.
                logger.LogInformation(e, "Engagement rule {Rule}: a batch collided with another run and is retried", ruleId);
                await tx.RollbackAsync(ct);
            }
        }
        if (fired + skipped > 0) logger.LogInformation("Engagement rule {Rule}: {Fired} acted on, {Skipped} not e-mailed for lack of consent", ruleId, fired, skipped);
        return new RuleRun(ruleId, fired, skipped);
    }

    internal sealed record DuePerson(int Id, string FirstName, string LastName, string DisplayName, string? Email, bool MayBeEmailed, decimal? Lifetime, decimal? LastGift);

    /// <summary>Members of the rule's segment not yet served in this period, oldest record first.</summary>
    internal static IQueryable<DuePerson> Due(CormDbContext db, EngagementRule rule, IReadOnlyList<SegmentRule> rules, int period, DateOnly today, DateTime now)
    {
        var mayBeEmailed = Constituent.MayBeEmailed;
        var ruleId = rule.Id;
        return SegmentQuery.Apply(db, rules, today, now).Where(Constituent.Current).Where(c => c.ErasedAt == null)
            .Where(c => !db.RuleFirings.Any(f => f.RuleId == ruleId && f.ConstituentId == c.Id && f.Period == period))
            .OrderBy(c => c.Id)
            .Select(c => new DuePerson(c.Id, c.FirstName, c.LastName, c.DisplayName, c.Email, db.Constituents.Where(mayBeEmailed).Any(x => x.Id == c.Id),
                db.DonorScores.Where(s => s.ConstituentId == c.Id).Select(s => (decimal?)s.LifetimeTotal).FirstOrDefault(),
                db.Gifts.Where(g => g.DonorId == c.Id).OrderByDescending(g => g.ReceivedOn).ThenByDescending(g => g.Id).Select(g => (decimal?)g.Amount).FirstOrDefault()));
    }

    /// <summary>Adds the rule's action for one person to the context; null when an e-mail may not be sent (no consent, no address).</summary>
    private static string? Act(CormDbContext db, EngagementRule rule, DuePerson person, string? unsubscribeLink, bool alreadyTagged, int period, DateOnly today, DateTime now)
    {
        switch (rule.Action)
        {
            case RuleActionKind.Tag:
                // Tagged by hand already: the rule has nothing to add, but the firing still counts the person as served.
                if (alreadyTagged) return "already carried the tag";
                db.PersonTags.Add(new PersonTag { TagId = rule.TagId!.Value, ConstituentId = person.Id, TaggedAt = now, RuleId = rule.Id });
                return "tagged";
            case RuleActionKind.FollowUp:
                db.FollowUps.Add(FollowUp.Create(person.Id, rule.OwnerId!.Value, Topic.Engagement, EngagementRule.Personal(rule.Title!, person.DisplayName), rule.Body,
                    today.AddDays(rule.DueAfterDays), today, null, now));
                return "follow-up created";
            case RuleActionKind.Plan:
                foreach (var step in rule.Plan)
                    db.FollowUps.Add(FollowUp.Create(person.Id, rule.OwnerId!.Value, Topic.Engagement, EngagementRule.Personal(step.Title, person.DisplayName),
                        $"Step of the plan \"{rule.Name}\"", today.AddDays(step.DueAfterDays), today, null, now));
                return $"plan of {rule.Plan.Count} follow-ups started";
            default:
                if (!person.MayBeEmailed || person.Email is null || unsubscribeLink is null) return null;
                var values = new Dictionary<string, string>
                {
                    ["FirstName"] = person.FirstName, ["LastName"] = person.LastName, ["DisplayName"] = person.DisplayName,
                    ["LifetimeGiving"] = (person.Lifetime ?? 0).ToString("N2", CultureInfo.InvariantCulture),
                    ["LastGiftAmount"] = (person.LastGift ?? 0).ToString("N2", CultureInfo.InvariantCulture),
                    ["UnsubscribeLink"] = unsubscribeLink,
                };
                db.OutboxMessages.Add(new OutboxMessage
                {
                    DedupKey = $"rule:{rule.Id}:{person.Id}:{period}", Priority = OutboxPriority.Bulk, Origin = $"rule:{rule.Id}", RecipientConstituentId = person.Id, ToAddress = person.Email, ToName = person.DisplayName,
                    Subject = MergeTemplate.Render(rule.Title!, values), TextBody = MergeTemplate.Render(rule.Body!, values), CreatedAt = now,
                });
                db.Interactions.Add(Interaction.Log(person.Id, Channel.Email, Topic.Engagement, $"E-mail from the rule \"{rule.Name}\"", null, now, null, now));
                return "e-mail queued";
        }
    }
}
