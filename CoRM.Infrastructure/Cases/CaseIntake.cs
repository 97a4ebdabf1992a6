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
public sealed record IntakeClient(int? ExistingId, string? FirstName = null, string? LastName = null, string? Email = null, string? Phone = null, DateOnly? BirthDate = null)
{
    internal NewPerson AsNewPerson() => new(FirstName ?? "", LastName ?? "", Email, Phone, BirthDate, null, null);
}

public sealed record OpenCaseRequest(int CaseTypeId, string Summary, string? ReferralSource, IReadOnlyList<IntakeClient> Clients, int? LeadId = null);

/// <summary>
/// Opens a case: clients are matched against the register first (the same person is never created twice; a look-alike is
/// created only as a new record that goes to the data steward's queue), the type's default plan becomes the lead's tasks,
/// and the first review is scheduled a review interval ahead.
/// </summary>
public sealed class CaseIntake(CommandRunner runner, PersonLookup lookup, PersonIntake intake, IDbContextFactory<CormDbContext> dbFactory,
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

    internal static Task<IReadOnlyList<Engagement.StaffMember>> Workers(CormDbContext db, CancellationToken ct) =>
        Identity.PortalUserDirectory.HoldingAsync(db, Roles.CaseWork, ct);

    public Task<CommandResult> OpenAsync(UserScope user, OpenCaseRequest request, CancellationToken ct = default)
    {
        if (!user.WorksCases) return Task.FromResult(CommandResult.NotFound);
        if (request.Clients.Count == 0) return Task.FromResult(CommandResult.Invalid("Add the person (or the family members) the case is for."));
        foreach (var client in request.Clients.Where(c => c.ExistingId is null))
            if (intake.Problem(client.AsNewPerson()) is { } problem) return Task.FromResult(CommandResult.Invalid(problem));

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
            foreach (var client in request.Clients)
            {
                if (client.ExistingId is { } existing)
                {
                    if (!await db.Constituents.Where(Constituent.Current).AnyAsync(c => c.Id == existing, ct))
                        return CommandResult.Invalid($"C-{existing} is not a record on file (it may have been merged: search again).");
                    clientIds.Add(existing);
                    continue;
                }
                var person = client.AsNewPerson();
                var match = await lookup.FindAsync(db, PersonIntake.Facts(person), ct);
                // Matched, not created twice: the case is opened for the record on file.
                clientIds.Add(match is { Verdict: MatchVerdict.SamePerson, Person: { } known } ? known.Id : (await intake.CreateAsync(db, user, person, Source, match, ct)).Id);
            }

            var opened = Case.Open(type, request.Summary, request.ReferralSource, clientIds, leadId, today, now, user.ConstituentId);
            db.Cases.Add(opened);
            await db.SaveChangesAsync(ct);
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
