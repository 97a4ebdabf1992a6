using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Engagement;

public sealed record RecordActionRequest(int ConstituentId, int ActionTypeId, DateOnly? TookOn, Channel Channel, string? Target, string? Notes, int? CampaignId = null, int? EventId = null);

public sealed record ActionRow(long Id, DateOnly TookOn, string Type, ActionCategory Category, string? Target, string? Notes, Channel Channel, string? Campaign, string? Event, string? RecordedBy);

/// <summary>
/// Actions people take, recorded by the engagement office (or, later, by public forms). Each action also writes its
/// line on the person's timeline, under the Engagement topic, so the history stays one list.
/// </summary>
public sealed class ActionRecords(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, TimeProvider time)
{
    public const int RecentActionsShown = 50;

    public Task<CommandResult> RecordAsync(UserScope user, RecordActionRequest request, CancellationToken ct = default)
    {
        if (!user.MeasuresEngagement || !TopicVisibility.MayRecord(user, Topic.Engagement)) return Task.FromResult(CommandResult.NotFound);
        if (request.TookOn is null) return Task.FromResult(CommandResult.Invalid("Give the day the action was taken."));
        if (request.Channel == Channel.Import) return Task.FromResult(CommandResult.Invalid("Imported actions come only from an import."));
        return runner.RunAsync(CommandOptions.About("action", transaction: true), async db =>
        {
            if (!await ConstituentScope.VisibleTo(db, user, time).AnyAsync(c => c.Id == request.ConstituentId, ct)) return CommandResult.NotFound;
            var type = await db.ActionTypes.SingleOrDefaultAsync(t => t.Id == request.ActionTypeId, ct);
            if (type is null) return CommandResult.Invalid("Choose the kind of action.");
            if (request.CampaignId is { } campaignId && !await db.AppealCampaigns.AnyAsync(c => c.Id == campaignId, ct))
                return CommandResult.Invalid("That campaign does not exist.");
            if (request.EventId is { } eventId && !await db.GivingEvents.AnyAsync(e => e.Id == eventId, ct))
                return CommandResult.Invalid("That event does not exist.");
            var action = Add(db, request.ConstituentId, type, request.TookOn.Value, request.Channel, request.Target, request.Notes,
                request.CampaignId, request.EventId, user.ConstituentId, time.Today(), time.UtcNow());
            await db.SaveChangesAsync(ct);
            audit.Record(db, user, AuditAction.Create, nameof(ConstituentAction), action.Id, request.ConstituentId, type.Name);
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(action.Id);
        }, ct);
    }

    /// <summary>
    /// Adds an action and its timeline line to the context (the caller saves): the one way an action is written, by staff,
    /// by an import or by a public form. A past day shows on the timeline at noon UTC; today at the moment it was recorded.
    /// </summary>
    internal static ConstituentAction Add(CormDbContext db, int constituentId, ActionType type, DateOnly tookOn, Channel channel, string? target, string? notes,
        int? campaignId, int? eventId, int? recordedById, DateOnly today, DateTime now)
    {
        var action = ConstituentAction.Record(constituentId, type, tookOn, channel, target, notes, campaignId, eventId, recordedById, now, today);
        db.Actions.Add(action);
        var at = tookOn == today ? now : tookOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        db.Interactions.Add(Interaction.Log(constituentId, channel, Topic.Engagement, ConstituentAction.Describe(type.Name, action.Target), action.Notes,
            at, recordedById, now, inbound: true));
        return action;
    }

    /// <summary>One person's most recent actions, for the engagement panel; nothing for a reader outside the engagement office or the person's scope.</summary>
    public async Task<IReadOnlyList<ActionRow>> ForConstituentAsync(UserScope user, int constituentId, CancellationToken ct = default)
    {
        if (!user.MeasuresEngagement) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await ConstituentScope.VisibleTo(db, user, time).AnyAsync(c => c.Id == constituentId, ct)) return [];
        return await db.Actions.Where(a => a.ConstituentId == constituentId)
            .OrderByDescending(a => a.TookOn).ThenByDescending(a => a.Id).Take(RecentActionsShown)
            .Select(a => new ActionRow(a.Id, a.TookOn, a.Type!.Name, a.Type.Category, a.Target, a.Notes, a.Channel,
                db.AppealCampaigns.Where(c => c.Id == a.CampaignId).Select(c => c.Name).FirstOrDefault(),
                db.GivingEvents.Where(e => e.Id == a.EventId).Select(e => e.Name).FirstOrDefault(),
                db.Constituents.Where(r => r.Id == a.RecordedById).Select(r => r.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);
    }
}
