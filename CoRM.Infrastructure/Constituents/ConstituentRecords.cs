using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Constituents;

public sealed record LogInteractionRequest(int ConstituentId, Channel Channel, Topic Topic, string Subject, string? Notes, DateTime OccurredAt, bool Inbound);

public sealed record UpdateDetailsRequest(int Id, string FirstName, string LastName, string? Email, string? Region, bool DoNotContact, bool EmailOptOut, Guid Version, bool PostOptOut);

/// <summary>Reads and changes one constituent's record: profile, timeline, interactions, details.</summary>
public sealed class ConstituentRecords(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, TimeProvider time)
{
    public async Task<ConstituentProfile?> GetProfileAsync(UserScope user, int id, CancellationToken ct = default)
    {
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var details = await Details(db, user, id, today, time.UtcNow()).SingleOrDefaultAsync(ct);
        if (details is null)
        {
            await audit.DeniedAsync(db, user, nameof(Constituent), id, ct);
            return null;
        }

        var hats = (await db.Hats.AsNoTracking().Where(h => h.ConstituentId == id).OrderByDescending(h => h.StartDate).ToListAsync(ct))
            .Select(h => new HatRow(h.Kind, h.StartDate, h.EndDate, h.IsActiveOn(today))).ToList();
        var relationships = await RelationshipsOf(db, id, today).ToListAsync(ct);
        var contactPoints = await db.ContactPoints.Where(p => p.ConstituentId == id).OrderByDescending(p => p.IsPrimary).ThenBy(p => p.Kind)
            .Select(p => new ContactPointRow(p.Kind, p.Value, p.Label, p.IsPrimary)).ToListAsync(ct);
        var addresses = (await db.Addresses.Where(a => a.ConstituentId == id).OrderByDescending(a => a.IsPrimary).ToListAsync(ct))
            .Select(a => new AddressRow(a.ToString(), a.Region, a.IsPrimary)).ToList();
        var topics = TopicVisibility.VisibleTo(user);
        var byChannel = await ChannelCounts(db, user, id, topics, time.UtcNow()).ToListAsync(ct);
        var openFollowUps = await Cases.CaseAccess.ReadableTasks(db, db.FollowUps, user, time.UtcNow())
            .CountAsync(f => f.ConstituentId == id && f.CompletedAt == null && topics.Contains(f.Topic), ct);

        audit.Record(db, user, AuditAction.Read, nameof(Constituent), id, id, "Profile");
        await db.SaveChangesAsync(ct);

        return new ConstituentProfile(details, hats, relationships, contactPoints, addresses, byChannel, openFollowUps);
    }

    public async Task<Page<TimelineEntry>> GetTimelineAsync(UserScope user, int id, Channel? channel, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        (pageIndex, pageSize) = Page<TimelineEntry>.Clamp(pageIndex, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await ConstituentScope.VisibleTo(db, user, time).AnyAsync(c => c.Id == id, ct))
            return new Page<TimelineEntry>([], 0, pageIndex, pageSize);

        var query = Timeline(db, user, id, TopicVisibility.VisibleTo(user), channel, time.UtcNow());
        var total = await query.CountAsync(ct);
        var rows = await query.Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<TimelineEntry>(rows, total, pageIndex, pageSize);
    }

    public async Task<CommandResult> LogInteractionAsync(UserScope user, LogInteractionRequest request, CancellationToken ct = default)
    {
        if (!TopicVisibility.MayRecord(user, request.Topic))
            return CommandResult.Invalid($"You cannot record {request.Topic} interactions.");
        if (!Enum.IsDefined(request.Channel) || request.Channel == Channel.Import)
            return CommandResult.Invalid("Choose how the interaction happened (imported entries come only from an import).");
        return await runner.RunAsync(CommandOptions.About("interaction"), async db =>
        {
            if (!await ConstituentScope.VisibleTo(db, user, time).AnyAsync(c => c.Id == request.ConstituentId, ct))
                return CommandResult.NotFound;
            var interaction = Interaction.Log(request.ConstituentId, request.Channel, request.Topic, request.Subject, request.Notes,
                request.OccurredAt, user.ConstituentId, time.UtcNow(), request.Inbound);
            db.Interactions.Add(interaction);
            await db.SaveChangesAsync(ct);
            // Every note written is audited (OWASP ASVS 7.2.2): who wrote on whose record, never what.
            audit.Record(db, user, AuditAction.Create, nameof(Interaction), interaction.Id, request.ConstituentId, $"{request.Topic} {request.Channel} note");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(interaction.Id);
        }, ct);
    }

    public async Task<CommandResult> UpdateDetailsAsync(UserScope user, UpdateDetailsRequest request, CancellationToken ct = default)
    {
        if (!user.SeesWholeDirectory) return CommandResult.NotFound;
        return await runner.RunAsync(CommandOptions.About("record"), async db =>
        {
            var constituent = await db.Constituents.SingleOrDefaultAsync(c => c.Id == request.Id, ct);
            if (constituent is null) return CommandResult.NotFound;

            // Compare against the version the user edited, not the one just loaded.
            db.Entry(constituent).Property(c => c.Version).OriginalValue = request.Version;
            constituent.Rename(request.FirstName, request.LastName);
            constituent.SetPrimaryEmail(request.Email);
            var region = request.Region?.Trim();
            if (region?.Length > Constituent.RegionMaxLength) return CommandResult.Invalid($"The region is limited to {Constituent.RegionMaxLength} characters.");
            constituent.Region = string.IsNullOrEmpty(region) ? null : region;
            Privacy.ConsentHistory.Record(db, constituent, email: !request.EmailOptOut, post: !request.PostOptOut, request.DoNotContact,
                "profile, by staff", user.ConstituentId, time.UtcNow());
            if (constituent.Email is { } email && await db.Constituents.AnyAsync(c => c.Email == email && c.Id != constituent.Id, ct))
                return CommandResult.Invalid($"Another constituent already uses {email}. Search for it: they may be the same person.");

            audit.Record(db, user, AuditAction.Update, nameof(Constituent), constituent.Id, constituent.Id, "Details");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(constituent.Id);
        }, ct);
    }

    internal static IQueryable<ConstituentDetails> Details(CormDbContext db, UserScope user, int id, DateOnly today, DateTime now)
    {
        var mayBeEmailed = Constituent.MayBeEmailed;
        return ConstituentScope.VisibleTo(db, user, today, now).Where(c => c.Id == id).Select(c => new ConstituentDetails(
            c.Id, c.Kind, c.FirstName, c.LastName, c.DisplayName, c.Email, c.Region, c.BirthDate, c.DoNotContact, c.EmailOptOut, c.CreatedAt, c.Version, c.PostOptOut,
            db.Constituents.Where(mayBeEmailed).Any(x => x.Id == c.Id), c.EmailOnHoldSince, c.EmailHoldReason));
    }

    internal static IQueryable<RelationshipRow> RelationshipsOf(CormDbContext db, int id, DateOnly today) =>
        RelationshipsOf(db, id, Relationship.ActiveOn(today));

    private static IQueryable<RelationshipRow> RelationshipsOf(CormDbContext db, int id, System.Linq.Expressions.Expression<Func<Relationship, bool>> current) =>
        db.Relationships.Where(r => r.SubjectId == id || r.RelatedId == id)
            .OrderBy(r => r.Kind).ThenBy(r => r.StartDate)
            .Select(r => new RelationshipRow(
                r.Id,
                r.SubjectId == id ? r.RelatedId : r.SubjectId,
                r.SubjectId == id ? r.Related!.DisplayName : r.Subject!.DisplayName,
                r.Kind,
                r.SubjectId == id,
                r.StartDate, r.EndDate,
                db.Relationships.Where(current).Any(x => x.Id == r.Id),
                r.Grants, r.ConsentBasis, r.ConsentExpiresOn, r.RevokedAt != null));

    internal static IQueryable<ChannelCount> ChannelCounts(CormDbContext db, UserScope user, int id, IReadOnlyList<Topic> topics, DateTime now) =>
        Cases.CaseAccess.ReadableNotes(db, db.Interactions, user, now).Where(i => i.ConstituentId == id && topics.Contains(i.Topic))
            .GroupBy(i => i.Channel).Select(g => new ChannelCount(g.Key, g.Count()));

    /// <summary>One constituent's history as the user may read it: their topics, and case notes only at their standing on the case.</summary>
    internal static IQueryable<TimelineEntry> Timeline(CormDbContext db, UserScope user, int id, IReadOnlyList<Topic> topics, Channel? channel, DateTime now) =>
        Cases.CaseAccess.ReadableNotes(db, db.Interactions, user, now)
            .Where(i => i.ConstituentId == id && topics.Contains(i.Topic) && (channel == null || i.Channel == channel))
            .OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id)
            .Select(i => new TimelineEntry(i.Id, i.OccurredAt, i.Channel, i.Topic, i.Inbound, i.Subject, i.Notes,
                db.Constituents.Where(r => r.Id == i.RecordedById).Select(r => r.DisplayName).FirstOrDefault(), i.CaseId, i.Sensitivity));
}
