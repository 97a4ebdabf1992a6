using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Cases;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Cases;

/// <summary>A client at intake: a record found by caller lookup or the matching check, or the details of someone new.</summary>
public sealed record IntakeClient(int? ExistingId, string? FirstName = null, string? LastName = null, string? Email = null, string? Phone = null, DateOnly? BirthDate = null);

public sealed record OpenCaseRequest(int CaseTypeId, string Summary, string? ReferralSource, IReadOnlyList<IntakeClient> Clients, int? LeadId = null);

/// <summary>
/// Opens a case: clients are matched against the register first (the same person is never created twice; a look-alike is
/// created only as a new record that goes to the data steward's queue), the type's default plan becomes the lead's tasks,
/// and the first review is scheduled a review interval ahead.
/// </summary>
public sealed class CaseIntake(CommandRunner runner, PersonLookup lookup, IDbContextFactory<CormDbContext> dbFactory,
    AuditTrail audit, TimeProvider time)
{
    public const string Source = "Case intake";

    /// <summary>The matching check while a worker types a new client's details: who this may already be.</summary>
    public async Task<PersonMatch> PreviewAsync(UserScope user, PersonFacts facts, CancellationToken ct = default)
    {
        if (!user.WorksCases || string.IsNullOrWhiteSpace(facts.LastName)) return PersonMatch.None;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var match = await lookup.FindAsync(db, facts with { Email = EmailAddress.TryNormalise(facts.Email) }, ct);
        return match.Verdict == MatchVerdict.NewPerson ? PersonMatch.None : match;
    }

    /// <summary>Case workers who can lead or join a case: portal users holding a case-work role.</summary>
    public async Task<IReadOnlyList<Engagement.StaffMember>> WorkersAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.WorksCases && !user.IsIn(Roles.Admin)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Workers(db, ct);
    }

    internal static async Task<IReadOnlyList<Engagement.StaffMember>> Workers(CormDbContext db, CancellationToken ct)
    {
        var users = await db.PortalUsers.OrderBy(u => u.DisplayName).Select(u => new { u.ConstituentId, u.DisplayName, u.Roles }).ToListAsync(ct);
        return users.Where(u => u.Roles.Split(',', StringSplitOptions.TrimEntries).Any(r => Roles.CaseWork.Contains(r)))
            .Select(u => new Engagement.StaffMember(u.ConstituentId, u.DisplayName)).ToList();
    }

    public Task<CommandResult> OpenAsync(UserScope user, OpenCaseRequest request, CancellationToken ct = default)
    {
        if (!user.WorksCases) return Task.FromResult(CommandResult.NotFound);
        if (request.Clients.Count == 0) return Task.FromResult(CommandResult.Invalid("Add the person (or the family members) the case is for."));
        foreach (var client in request.Clients.Where(c => c.ExistingId is null))
        {
            if (string.IsNullOrWhiteSpace(client.FirstName) || string.IsNullOrWhiteSpace(client.LastName))
                return Task.FromResult(CommandResult.Invalid("A new client needs a first and a last name."));
            if (!string.IsNullOrWhiteSpace(client.Email) && EmailAddress.TryNormalise(client.Email) is null)
                return Task.FromResult(CommandResult.Invalid($"'{client.Email.Trim()}' is not an e-mail address."));
            if (!string.IsNullOrWhiteSpace(client.Phone) && (client.Phone.Trim().Length > ContactPoint.ValueMaxLength || ContactPoint.DialKeyOf(client.Phone) is null))
                return Task.FromResult(CommandResult.Invalid($"'{client.Phone.Trim()}' is not a phone number."));
            if (client.BirthDate > time.Today()) return Task.FromResult(CommandResult.Invalid("A date of birth cannot be in the future."));
        }

        return runner.RunAsync(CommandOptions.About("case", transaction: true), async db =>
        {
            var now = time.UtcNow();
            var today = time.Today();
            var type = await db.CaseTypes.Include(t => t.DefaultPlan).SingleOrDefaultAsync(t => t.Id == request.CaseTypeId && t.IsActive, ct);
            if (type is null) return CommandResult.Invalid("Choose the kind of case.");
            var leadId = request.LeadId ?? user.ConstituentId;
            if (leadId != user.ConstituentId)
            {
                if (!user.SupervisesCases) return CommandResult.Invalid("Only a case supervisor opens a case for another worker.");
                if (!(await Workers(db, ct)).Any(w => w.ConstituentId == leadId)) return CommandResult.Invalid("The lead must be a case worker who signs in to CoRM.");
            }

            var clientIds = new List<int>();
            var queued = new List<(int Similar, Constituent Created, MatchScore Score)>();
            foreach (var client in request.Clients)
            {
                if (client.ExistingId is { } existing)
                {
                    if (!await db.Constituents.Where(Constituent.Current).AnyAsync(c => c.Id == existing, ct))
                        return CommandResult.Invalid($"C-{existing} is not a record on file (it may have been merged: search again).");
                    clientIds.Add(existing);
                    continue;
                }
                var email = EmailAddress.TryNormalise(client.Email);
                var phone = string.IsNullOrWhiteSpace(client.Phone) ? null : client.Phone.Trim();
                var match = await lookup.FindAsync(db, new PersonFacts(client.FirstName, client.LastName, email, phone, client.BirthDate), ct);
                if (match is { Verdict: MatchVerdict.SamePerson, Person: { } known })
                {
                    // Matched, not created twice: the case is opened for the record on file.
                    clientIds.Add(known.Id);
                    continue;
                }
                var created = Constituent.Person(client.FirstName!, client.LastName!, now, email, client.BirthDate);
                created.Source = Source;
                if (email is not null) created.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Email, Value = email, IsPrimary = true });
                if (phone is not null) created.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Phone, Value = phone, IsPrimary = true });
                db.Constituents.Add(created);
                await db.SaveChangesAsync(ct);
                audit.Record(db, user, AuditAction.Create, nameof(Constituent), created.Id, created.Id, Source);
                if (match is { Verdict: MatchVerdict.PossibleDuplicate, Person: { } similar }) queued.Add((similar.Id, created, match.Score));
                clientIds.Add(created.Id);
            }

            var opened = Case.Open(type, request.Summary, request.ReferralSource, clientIds, leadId, today, now, user.ConstituentId);
            db.Cases.Add(opened);
            await db.SaveChangesAsync(ct);
            foreach (var (similar, created, score) in queued) db.DuplicateCandidates.Add(DuplicateCandidate.Found(similar, created.Id, score, now));
            foreach (var item in type.DefaultPlan.OrderBy(i => i.DueAfterDays))
            {
                var task = FollowUp.Create(clientIds[0], leadId, Topic.Case, item.Title, $"{opened.Reference}: {type.Name} plan", today.AddDays(item.DueAfterDays), today, user.ConstituentId, now);
                task.CaseId = opened.Id;
                db.FollowUps.Add(task);
            }
            foreach (var client in clientIds.Distinct())
                audit.Record(db, user, AuditAction.Create, nameof(Case), opened.Id, client, $"{opened.Reference} opened: {type.Name}");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(opened.Id);
        }, ct);
    }
}
