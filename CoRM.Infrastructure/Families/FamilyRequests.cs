using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Engagement;
using CoRM.Domain.Families;
using CoRM.Domain.Messaging;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Families;

public sealed record SendFamilyRequest(int ChildId, FamilyRequestKind Kind, string Subject, string Message);

public sealed record FamilyRequestRow(
    int Id, int ChildId, string ChildName, int ParentId, string ParentName, FamilyRequestKind Kind, string Subject, string Message,
    DateTime SentAt, string? Answer, DateTime? AnsweredAt, string? AnsweredBy, Guid Version)
{
    public bool IsOpen => AnsweredAt is null;
}

/// <summary>
/// Requests and questions from parents to the secretariat. Sending one is allowed only about a child the parent
/// may see today; it is logged on both timelines. The secretariat answers from its queue: the answer is e-mailed
/// to the parent through the outbox and logged on both timelines too.
/// </summary>
public sealed class FamilyRequests(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, OutboxDispatcher dispatcher, AuditTrail audit, TimeProvider time)
{
    public async Task<CommandResult> SendAsync(UserScope parent, SendFamilyRequest request, CancellationToken ct = default)
    {
        if (!parent.IsIn(Roles.Parent)) return CommandResult.NotFound;
        var now = time.UtcNow();
        return await runner.RunAsync(async db =>
        {
            if (!(await FamilyDashboard.GrantsForAsync(db, parent.ConstituentId, request.ChildId, time.Today(), ct)).HasFlag(AccessGrant.EnrolmentStatus))
                return CommandResult.NotFound;
            var sent = FamilyRequest.Send(request.ChildId, parent.ConstituentId, request.Kind, request.Subject, request.Message, now);
            db.FamilyRequests.Add(sent);
            var parentName = await db.Constituents.Where(c => c.Id == parent.ConstituentId).Select(c => c.DisplayName).SingleAsync(ct);
            var childName = await db.Constituents.Where(c => c.Id == request.ChildId).Select(c => c.DisplayName).SingleAsync(ct);
            db.Interactions.Add(Interaction.Log(request.ChildId, Channel.WebForm, Topic.Family, $"Request from {parentName}: {sent.Subject}", sent.Message, now, parent.ConstituentId, now, inbound: true));
            db.Interactions.Add(Interaction.Log(parent.ConstituentId, Channel.WebForm, Topic.Family, $"Request about {childName}: {sent.Subject}", sent.Message, now, parent.ConstituentId, now, inbound: true));
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(sent.Id);
        }, ct);
    }

    /// <summary>The parent's own requests about a child they may still see, newest first.</summary>
    public async Task<IReadOnlyList<FamilyRequestRow>> ThreadAsync(UserScope parent, int childId, CancellationToken ct = default)
    {
        if (!parent.IsIn(Roles.Parent)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await FamilyDashboard.GrantsForAsync(db, parent.ConstituentId, childId, time.Today(), ct)).HasFlag(AccessGrant.EnrolmentStatus)) return [];
        return await Rows(db, db.FamilyRequests.Where(r => r.ParentId == parent.ConstituentId && r.ChildId == childId).OrderByDescending(r => r.SentAt).Take(50))
            .ToListAsync(ct);
    }

    /// <summary>The secretariat's queue: open requests oldest first, or answered ones newest first.</summary>
    public async Task<Page<FamilyRequestRow>> QueueAsync(UserScope staff, bool answered, int page, int pageSize, CancellationToken ct = default)
    {
        if (!staff.IsSecretariat) return new Page<FamilyRequestRow>([], 0, page, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.FamilyRequests.Where(r => answered ? r.AnsweredAt != null : r.AnsweredAt == null);
        var total = await query.CountAsync(ct);
        var ordered = answered ? query.OrderByDescending(r => r.AnsweredAt) : query.OrderBy(r => r.SentAt);
        var rows = await Rows(db, ordered.Skip(page * pageSize).Take(pageSize)).ToListAsync(ct);
        return new Page<FamilyRequestRow>(rows, total, page, pageSize);
    }

    public async Task<CommandResult> AnswerAsync(UserScope staff, int requestId, string answer, Guid version, CancellationToken ct = default)
    {
        if (!staff.IsSecretariat) return CommandResult.NotFound;
        var now = time.UtcNow();
        var result = await runner.RunAsync(CommandOptions.About("request"), async db =>
        {
            var request = await db.FamilyRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct);
            if (request is null) return CommandResult.NotFound;
            if (request.Version != version) return CommandResult.Conflict("request");
            request.AnswerWith(answer, staff.ConstituentId, now);
            var parent = await db.Constituents.Where(c => c.Id == request.ParentId).Select(c => new { c.DisplayName, c.Email }).SingleAsync(ct);
            var childName = await db.Constituents.Where(c => c.Id == request.ChildId).Select(c => c.DisplayName).SingleAsync(ct);
            db.Interactions.Add(Interaction.Log(request.ChildId, Channel.Email, Topic.Family, $"Answered {parent.DisplayName}: {request.Subject}", request.Answer, now, staff.ConstituentId, now));
            db.Interactions.Add(Interaction.Log(request.ParentId, Channel.Email, Topic.Family, $"Answer about {childName}: {request.Subject}", request.Answer, now, staff.ConstituentId, now));
            // The parent asked, so the answer is sent even if they opted out of newsletters; it is a reply, not marketing.
            if (parent.Email is not null)
                db.OutboxMessages.Add(new OutboxMessage
                {
                    DedupKey = $"family-request-answer:{request.Id}",
                    RecipientConstituentId = request.ParentId,
                    ToAddress = parent.Email,
                    ToName = parent.DisplayName,
                    Subject = $"Re: {request.Subject}",
                    TextBody = $"Dear {parent.DisplayName},\n\n{request.Answer}\n\n— The secretariat\n\nYour question about {childName}:\n> {request.Message.Replace("\n", "\n> ", StringComparison.Ordinal)}",
                    CreatedAt = now,
                });
            audit.Record(db, staff, AuditAction.Update, nameof(FamilyRequest), request.Id, request.ChildId, "Answered");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(request.Id);
        }, ct);
        if (result.Succeeded) await dispatcher.DispatchPendingAsync(ct);
        return result;
    }

    internal static IQueryable<FamilyRequestRow> Rows(CormDbContext db, IQueryable<FamilyRequest> requests) =>
        requests.Select(r => new FamilyRequestRow(r.Id, r.ChildId, db.Constituents.Where(c => c.Id == r.ChildId).Select(c => c.DisplayName).First(),
            r.ParentId, db.Constituents.Where(c => c.Id == r.ParentId).Select(c => c.DisplayName).First(), r.Kind, r.Subject, r.Message, r.SentAt,
            r.Answer, r.AnsweredAt, db.Constituents.Where(c => c.Id == r.AnsweredById).Select(c => c.DisplayName).FirstOrDefault(), r.Version));
}
