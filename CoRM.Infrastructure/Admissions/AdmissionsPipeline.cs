using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Academics;
using CoRM.Domain.Admissions;
using CoRM.Domain.Auditing;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Domain.Messaging;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Families;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Admissions;

/// <summary>A new person entering the funnel (a prospect or an applicant), or an existing record by id.</summary>
/// <param name="UseRecordId">Staff answered "use her record?" for a possible duplicate: the inquiry or application goes on that record.</param>
public sealed record PersonDetails(string FirstName, string LastName, string? Email, DateOnly? BirthDate, string? Region, int? UseRecordId = null);

public sealed record NewInquiry(PersonDetails Person, int? ProgrammeId, int? TermId, AdmissionSource Source, string? Notes);

public sealed record NewApplication(int? ApplicantId, PersonDetails? Person, int ProgrammeId, int TermId, AdmissionSource Source, string? GuardianName, string? GuardianEmail);

/// <summary>A parent applying on behalf of a child: an existing child they may see, or a new one.</summary>
public sealed record ParentApplication(int? ChildId, PersonDetails? Child, int ProgrammeId, int TermId);

/// <summary>
/// The admissions pipeline's commands: inquiry → application → documents → submission → readings → decision →
/// deposit → enrolment. The rules are the domain's (<see cref="AdmissionApplication"/>); this class finds the records
/// in the user's scope, keeps hats and timelines in step, and writes the letters to the outbox.
/// </summary>
public sealed class AdmissionsPipeline(CommandRunner runner, PersonLookup lookup, OutboxDispatcher dispatcher, AuditTrail audit,
    IOptions<AdmissionsOptions> options, TimeProvider time)
{
    public async Task<CommandResult> RecordInquiryAsync(UserScope staff, NewInquiry inquiry, CancellationToken ct = default)
    {
        if (!staff.WorksAdmissions) return CommandResult.NotFound;
        var now = time.UtcNow();
        return await RunAsync(async db =>
        {
            await CheckProgrammeAndTermAsync(db, inquiry.ProgrammeId, inquiry.TermId, ct);
            var prospect = await FindOrCreatePersonAsync(db, inquiry.Person, now, ct);
            if (!prospect.Hats.Any(h => h.EndDate == null && h.Kind is HatKind.Prospect or HatKind.Applicant or HatKind.Student))
                prospect.Hats.Add(Hat.Wear(HatKind.Prospect, time.Today()));
            await db.SaveChangesAsync(ct);
            var request = InformationRequest.Receive(prospect.Id, inquiry.ProgrammeId, inquiry.TermId, inquiry.Source, inquiry.Notes, now);
            db.InformationRequests.Add(request);
            db.Interactions.Add(Interaction.Log(prospect.Id, Channel.WebForm, Topic.Admissions, "Request for information", inquiry.Notes, now, staff.ConstituentId, now, inbound: true));
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(prospect.Id);
        }, ct);
    }

    public async Task<CommandResult> StartApplicationAsync(UserScope staff, NewApplication application, CancellationToken ct = default)
    {
        if (!staff.WorksAdmissions) return CommandResult.NotFound;
        var now = time.UtcNow();
        return await RunAsync(async db =>
        {
            await CheckProgrammeAndTermAsync(db, application.ProgrammeId, application.TermId, ct);
            Constituent applicant;
            if (application.ApplicantId is { } id)
                applicant = await db.Constituents.Include(c => c.Hats).SingleOrDefaultAsync(c => c.Id == id && c.Kind == ConstituentKind.Person, ct)
                    ?? throw new DomainException("That person does not exist.");
            else
                applicant = await FindOrCreatePersonAsync(db, application.Person ?? throw new DomainException("Give the applicant's name."), now, ct);
            var started = await StartAsync(db, applicant, application.ProgrammeId, application.TermId, application.Source, staff.ConstituentId, guardianId: null, now, ct);
            started.NameGuardian(application.GuardianName, application.GuardianEmail);
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(started.Id);
        }, ct);
    }

    /// <summary>
    /// A parent starts an application for a child. A new child is created with the parent relationship recorded
    /// (subject the child, related the parent); an existing child must be one the parent may see today.
    /// </summary>
    public async Task<CommandResult> StartForChildAsync(UserScope parent, ParentApplication application, CancellationToken ct = default)
    {
        if (!parent.IsIn(Roles.Parent)) return CommandResult.NotFound;
        var now = time.UtcNow();
        var today = time.Today();
        return await RunAsync(async db =>
        {
            await CheckProgrammeAndTermAsync(db, application.ProgrammeId, application.TermId, ct);
            if (!await db.Terms.AnyAsync(t => t.Id == application.TermId && t.EnrolmentDeadline >= today, ct))
                throw new DomainException("Applications for that term are closed. Choose a later term.");
            Constituent child;
            if (application.ChildId is { } childId)
            {
                if (!(await FamilyDashboard.GrantsForAsync(db, parent.ConstituentId, childId, today, ct)).HasFlag(AccessGrant.EnrolmentStatus))
                    return CommandResult.NotFound;
                child = await db.Constituents.Include(c => c.Hats).SingleAsync(c => c.Id == childId, ct);
            }
            else
            {
                var details = application.Child ?? throw new DomainException("Give your child's name.");
                if (details.BirthDate is null) throw new DomainException("Give your child's date of birth.");
                if (details.BirthDate > today) throw new DomainException("The date of birth cannot be in the future.");
                var parentRecord = await db.Constituents.SingleAsync(c => c.Id == parent.ConstituentId, ct);
                // The one matching rule, with a parent's limits: a child already linked to this parent is that child; anyone
                // else who looks the same is never attached (that would open a stranger's record to them) nor named — a new
                // record is made and the data steward decides.
                var facts = new PersonFacts(details.FirstName, details.LastName, details.Email, BirthDate: details.BirthDate);
                var own = await lookup.FindAmongAsync(db, db.Relationships.Where(r => r.RelatedId == parent.ConstituentId && r.Kind == RelationshipKind.Parent).Select(r => r.SubjectId), facts, ct);
                if (own is { Verdict: MatchVerdict.SamePerson, Person: { } theirs }) child = theirs;
                else
                {
                    var match = await lookup.FindAsync(db, facts, ct);
                    child = Constituent.Person(details.FirstName, details.LastName, now, details.Email, details.BirthDate);
                    child.Region = string.IsNullOrWhiteSpace(details.Region) ? parentRecord.Region : details.Region.Trim();
                    db.Constituents.Add(child);
                    db.Relationships.Add(Relationship.Between(child, parentRecord, RelationshipKind.Parent, details.BirthDate.Value));
                    await db.SaveChangesAsync(ct);
                    if (match is { Verdict: not MatchVerdict.NewPerson, Person: { } similar })
                        db.DuplicateCandidates.Add(DuplicateCandidate.Found(similar.Id, child.Id, match.Score, now));
                }
            }
            var started = await StartAsync(db, child, application.ProgrammeId, application.TermId, AdmissionSource.Parent, parent.ConstituentId, parent.ConstituentId, now, ct);
            db.Interactions.Add(Interaction.Log(parent.ConstituentId, Channel.WebForm, Topic.Admissions, $"Started an application for {child.DisplayName}", null, now, parent.ConstituentId, now, inbound: true));
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(started.Id);
        }, ct);
    }

    public Task<CommandResult> RecordDocumentsAsync(UserScope staff, int applicationId, bool transcript, bool statement, bool recommendation, Guid version, CancellationToken ct = default) =>
        ChangeAsync(staff, applicationId, version, (db, a, now) =>
        {
            a.RecordDocuments(transcript, statement, recommendation);
            return Task.CompletedTask;
        }, ct);

    public Task<CommandResult> SubmitAsync(UserScope staff, int applicationId, Guid version, CancellationToken ct = default) =>
        ChangeAsync(staff, applicationId, version, (db, a, now) =>
        {
            a.Submit(now);
            db.Interactions.Add(Interaction.Log(a.ApplicantId, Channel.WebForm, Topic.Admissions, "Application complete and submitted for reading", null, now, staff.ConstituentId, now));
            return Task.CompletedTask;
        }, ct);

    /// <summary>A reader's evaluation. Not version-checked: two readers reading at once is the normal case.</summary>
    public async Task<CommandResult> ReviewAsync(UserScope reader, int applicationId, IReadOnlyDictionary<RubricCriterion, int> scores, AdmissionDecision recommendation, string? comments, CancellationToken ct = default)
    {
        if (!reader.WorksAdmissions) return CommandResult.NotFound;
        var now = time.UtcNow();
        return await RunAsync(async db =>
        {
            var application = await db.AdmissionApplications.Include(a => a.Reviews).SingleOrDefaultAsync(a => a.Id == applicationId, ct);
            if (application is null) return CommandResult.NotFound;
            var review = application.Review(reader.ConstituentId, scores, recommendation, comments, now);
            await db.SaveChangesAsync(ct);
            audit.Record(db, reader, AuditAction.Create, nameof(ApplicationReview), review.Id, application.ApplicantId, $"Reading of application {application.Id}: {review.WeightedScore}");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(application.Id);
        }, ct);
    }

    /// <summary>Records the decision and writes the letter; an offer issues the deposit invoice.</summary>
    public Task<CommandResult> DecideAsync(UserScope staff, int applicationId, AdmissionDecision decision, decimal? deposit, Guid version, CancellationToken ct = default) =>
        ChangeAsync(staff, applicationId, version, async (db, a, now) =>
        {
            a.Decide(decision, staff.ConstituentId, now);
            var programme = await db.Programmes.Where(p => p.Id == a.ProgrammeId).Select(p => p.Name).SingleAsync(ct);
            var term = await db.Terms.Where(t => t.Id == a.TermId).Select(t => t.Name).SingleAsync(ct);
            string letter;
            if (decision == AdmissionDecision.Admit)
            {
                var amount = deposit ?? options.Value.DefaultDeposit;
                var invoice = TuitionInvoice.Issue(a.ApplicantId, a.TermId, $"Enrolment deposit, {programme}", amount, time.Today().AddDays(options.Value.DepositDueDays));
                db.TuitionInvoices.Add(invoice);
                await db.SaveChangesAsync(ct);
                a.OweDeposit(invoice.Id, amount, invoice.DueOn);
                letter = $"We are delighted to offer you a place in {programme} from {term}.\n\nTo secure it, please pay the enrolment deposit of {amount:N2} by {Common.InstitutionFormat.Date(invoice.DueOn)}.";
            }
            else
            {
                letter = decision == AdmissionDecision.Waitlist
                    ? $"Your application to {programme} for {term} has been placed on our waiting list. We will write again as soon as a place becomes available."
                    : $"Thank you for applying to {programme} for {term}. We are sorry that we cannot offer you a place this time.";
            }
            db.Interactions.Add(Interaction.Log(a.ApplicantId, Channel.Email, Topic.Admissions, $"Decision: {decision}", letter, now, staff.ConstituentId, now));
            await QueueLettersAsync(db, a, $"decision:{a.Id}:{decision}:{now:yyyyMMddHHmm}", $"Your application to {programme}", letter, now, ct);
        }, ct);

    /// <summary>The deposit was paid at the desk: pays the invoice in full and secures the place.</summary>
    public Task<CommandResult> RecordDepositAsync(UserScope staff, int applicationId, Guid version, CancellationToken ct = default) =>
        ChangeAsync(staff, applicationId, version, async (db, a, now) =>
        {
            if (a.DepositInvoiceId is not { } invoiceId) throw new DomainException("No deposit is owed on this application.");
            var invoice = await db.TuitionInvoices.Include(i => i.Payments).SingleAsync(i => i.Id == invoiceId, ct);
            var owed = invoice.OutstandingOn(time.Today());
            if (owed > 0) invoice.Pay(owed, time.Today());
            a.DepositPaid(now);
            db.Interactions.Add(Interaction.Log(a.ApplicantId, Channel.InPerson, Topic.Admissions, "Deposit paid", $"{invoice.Amount:N2}", now, staff.ConstituentId, now, inbound: true));
        }, ct);

    /// <summary>
    /// Enrols the applicant: the Student hat, a programme enrolment for the term, and the named parent or guardian
    /// as a constituent with a parent relationship (matched by e-mail when they are already known).
    /// </summary>
    public Task<CommandResult> EnrolAsync(UserScope staff, int applicationId, Guid version, CancellationToken ct = default) =>
        ChangeAsync(staff, applicationId, version, async (db, a, now) =>
        {
            a.Enrol(now);
            var today = time.Today();
            var student = await db.Constituents.Include(c => c.Hats).SingleAsync(c => c.Id == a.ApplicantId, ct);
            foreach (var hat in student.Hats.Where(h => h.EndDate == null && h.Kind is HatKind.Applicant or HatKind.Prospect)) EndHat(hat, today);
            if (!student.WearsHatOn(HatKind.Student, today)) student.Hats.Add(Hat.Wear(HatKind.Student, today));
            db.ProgrammeEnrolments.Add(new ProgrammeEnrolment { StudentId = student.Id, ProgrammeId = a.ProgrammeId, TermId = a.TermId, Status = EnrolmentStatus.Enrolled, EnrolledOn = today });

            if (a.GuardianId is null && a.GuardianName is not null)
            {
                // The guardian named on the form, matched with the one rule (a parent of another student is reused).
                var parts = a.GuardianName.Split(' ', 2, StringSplitOptions.TrimEntries);
                var (first, last) = (parts[0], parts.Length > 1 ? parts[1] : student.LastName);
                var match = await lookup.FindAsync(db, new PersonFacts(first, last, a.GuardianEmail), ct);
                var guardian = match is { Verdict: MatchVerdict.SamePerson, Person: { } known } && known.Id != student.Id ? known : null;
                if (guardian is null)
                {
                    guardian = Constituent.Person(first, last, now, a.GuardianEmail);
                    guardian.Region = student.Region;
                    db.Constituents.Add(guardian);
                    if (match is { Verdict: not MatchVerdict.NewPerson, Person: { } similar } && similar.Id != student.Id)
                    {
                        await db.SaveChangesAsync(ct);
                        db.DuplicateCandidates.Add(DuplicateCandidate.Found(similar.Id, guardian.Id, match.Score, now));
                    }
                }
                if (!guardian.WearsHatOn(HatKind.Parent, today)) guardian.Hats.Add(Hat.Wear(HatKind.Parent, today));
                db.Relationships.Add(Relationship.Between(student, guardian, RelationshipKind.Parent, student.BirthDate ?? today));
                await db.SaveChangesAsync(ct);
                a.GuardianId = guardian.Id;
            }
            else if (a.GuardianId is { } guardianId && !await db.Relationships.AnyAsync(r => r.SubjectId == student.Id && r.RelatedId == guardianId, ct))
            {
                var guardian = await db.Constituents.SingleAsync(c => c.Id == guardianId, ct);
                db.Relationships.Add(Relationship.Between(student, guardian, RelationshipKind.Parent, student.BirthDate ?? today));
            }
            db.Interactions.Add(Interaction.Log(student.Id, Channel.InPerson, Topic.Admissions, "Enrolled", null, now, staff.ConstituentId, now));
        }, ct);

    public Task<CommandResult> WithdrawAsync(UserScope staff, int applicationId, Guid version, CancellationToken ct = default) =>
        ChangeAsync(staff, applicationId, version, async (db, a, now) =>
        {
            a.Withdraw(now);
            var applicant = await db.Constituents.Include(c => c.Hats).SingleAsync(c => c.Id == a.ApplicantId, ct);
            foreach (var hat in applicant.Hats.Where(h => h.EndDate == null && h.Kind == HatKind.Applicant)) EndHat(hat, time.Today());
            db.Interactions.Add(Interaction.Log(a.ApplicantId, Channel.InPerson, Topic.Admissions, "Application withdrawn", null, now, staff.ConstituentId, now));
        }, ct);

    /// <summary>
    /// A card dragged (or moved by keyboard) to another column of the board: the same command, rules, letters and audit
    /// as the button on the application's page, chosen by the column it lands in. A move the process does not allow is
    /// refused with the reason, and changes nothing.
    /// </summary>
    public Task<CommandResult> MoveAsync(UserScope staff, int applicationId, AdmissionStage to, Guid version, CancellationToken ct = default) => to switch
    {
        AdmissionStage.Submitted => SubmitAsync(staff, applicationId, version, ct),
        AdmissionStage.Admitted => DecideAsync(staff, applicationId, AdmissionDecision.Admit, null, version, ct),
        AdmissionStage.Waitlisted => DecideAsync(staff, applicationId, AdmissionDecision.Waitlist, null, version, ct),
        AdmissionStage.Denied => DecideAsync(staff, applicationId, AdmissionDecision.Deny, null, version, ct),
        AdmissionStage.Deposited => RecordDepositAsync(staff, applicationId, version, ct),
        AdmissionStage.Enrolled => EnrolAsync(staff, applicationId, version, ct),
        AdmissionStage.Withdrawn => WithdrawAsync(staff, applicationId, version, ct),
        AdmissionStage.InReview => Task.FromResult(CommandResult.Invalid("An application goes into review with its first reading: open it and score it.")),
        _ => Task.FromResult(CommandResult.Invalid("An application does not go back to Applying once it has been submitted.")),
    };

    /// <summary>The letters go to the applicant and to the parent or guardian on the file, each where e-mail is allowed.</summary>
    internal static async Task QueueLettersAsync(CormDbContext db, AdmissionApplication a, string key, string subject, string body, DateTime now, CancellationToken ct)
    {
        var ids = new[] { a.ApplicantId, a.GuardianId ?? 0 }.Where(id => id != 0).ToList();
        var recipients = await db.Constituents.Where(c => ids.Contains(c.Id)).Where(Constituent.MayBeEmailed)
            .Select(c => new { c.Id, c.DisplayName, c.Email }).ToListAsync(ct);
        foreach (var r in recipients)
            db.OutboxMessages.Add(new OutboxMessage
            {
                DedupKey = $"admissions:{key}:{r.Id}",
                RecipientConstituentId = r.Id,
                ToAddress = r.Email!,
                ToName = r.DisplayName,
                Subject = subject,
                TextBody = $"Dear {r.DisplayName},\n\n{body}\n\n— Admissions, Northfield University\n",
                CreatedAt = now,
            });
        if (a.GuardianId is null && a.GuardianEmail is not null)
            db.OutboxMessages.Add(new OutboxMessage
            {
                DedupKey = $"admissions:{key}:guardian",
                ToAddress = a.GuardianEmail,
                ToName = a.GuardianName ?? a.GuardianEmail,
                Subject = subject,
                TextBody = $"Dear {a.GuardianName},\n\n{body}\n\n— Admissions, Northfield University\n",
                CreatedAt = now,
            });
    }

    private async Task<AdmissionApplication> StartAsync(CormDbContext db, Constituent applicant, int programmeId, int termId, AdmissionSource source,
        int startedById, int? guardianId, DateTime now, CancellationToken ct)
    {
        if (await db.AdmissionApplications.AnyAsync(a => a.ApplicantId == applicant.Id && a.ProgrammeId == programmeId && a.TermId == termId && a.Stage != AdmissionStage.Withdrawn && a.Stage != AdmissionStage.Denied, ct))
            throw new DomainException($"{applicant.DisplayName} already has an application for this programme and term.");
        var today = DateOnly.FromDateTime(now);
        foreach (var hat in applicant.Hats.Where(h => h.EndDate == null && h.Kind == HatKind.Prospect)) EndHat(hat, today);
        if (!applicant.WearsHatOn(HatKind.Applicant, today)) applicant.Hats.Add(Hat.Wear(HatKind.Applicant, today));
        var counsellor = await NextCounsellorAsync(db, ct);
        var application = AdmissionApplication.Start(applicant.Id, programmeId, termId, source, startedById, counsellor, now);
        application.GuardianId = guardianId;
        db.AdmissionApplications.Add(application);
        db.Interactions.Add(Interaction.Log(applicant.Id, Channel.WebForm, Topic.Admissions, "Application started", null, now, startedById, now, inbound: startedById != counsellor));
        await db.SaveChangesAsync(ct);

        // The prospect's open requests for information now lead to this application (the funnel's conversion).
        await db.InformationRequests.Where(r => r.ProspectId == applicant.Id && r.ApplicationId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ApplicationId, application.Id), ct);
        return application;
    }

    /// <summary>A hat changed today was last worn yesterday (or today, when it was only put on today).</summary>
    private static void EndHat(Hat hat, DateOnly today) => hat.TakeOff(today.AddDays(-1) < hat.StartDate ? hat.StartDate : today.AddDays(-1));

    /// <summary>New files go to the admissions officer with the fewest open ones.</summary>
    internal static async Task<int?> NextCounsellorAsync(CormDbContext db, CancellationToken ct)
    {
        var officers = await db.PortalUsers.Where(u => u.Roles.Contains(Roles.Admissions)).Select(u => u.ConstituentId).ToListAsync(ct);
        if (officers.Count == 0) return null;
        var load = await db.AdmissionApplications
            .Where(a => a.CounsellorId != null && officers.Contains(a.CounsellorId.Value) && a.Stage != AdmissionStage.Enrolled && a.Stage != AdmissionStage.Denied && a.Stage != AdmissionStage.Withdrawn)
            .GroupBy(a => a.CounsellorId!.Value).Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Count, ct);
        return officers.OrderBy(o => load.GetValueOrDefault(o)).ThenBy(o => o).First();
    }

    /// <summary>
    /// The matching rule decides: the same person is reused (the inquiry lands on their record); a possible duplicate is
    /// created as a new record and put straight into the data steward's queue; anyone else is new.
    /// </summary>
    private async Task<Constituent> FindOrCreatePersonAsync(CormDbContext db, PersonDetails person, DateTime now, CancellationToken ct)
    {
        var email = string.IsNullOrWhiteSpace(person.Email) ? null : EmailAddress.Normalise(person.Email);
        if (person.BirthDate is { } born && born > DateOnly.FromDateTime(now)) throw new DomainException("The date of birth cannot be in the future.");
        var match = await lookup.FindAsync(db, new PersonFacts(person.FirstName, person.LastName, email, BirthDate: person.BirthDate), ct);
        if (match is { Verdict: MatchVerdict.SamePerson, Person: { } known }) return known;
        // Only the record the matching rule itself offered may be chosen (an id typed into a request is not a way in).
        if (person.UseRecordId is { } chosen)
            return match is { Verdict: MatchVerdict.PossibleDuplicate, Person: { } offered } && offered.Id == chosen ? offered
                : throw new DomainException("That record is not a match for these details any more; check the name, e-mail and birth date.");
        var created = Constituent.Person(person.FirstName, person.LastName, now, email, person.BirthDate);
        created.Region = string.IsNullOrWhiteSpace(person.Region) ? null : person.Region.Trim();
        db.Constituents.Add(created);
        if (match is { Verdict: MatchVerdict.PossibleDuplicate, Person: { } similar })
        {
            await db.SaveChangesAsync(ct);
            db.DuplicateCandidates.Add(DuplicateCandidate.Found(similar.Id, created.Id, match.Score, now));
        }
        return created;
    }

    private static async Task CheckProgrammeAndTermAsync(CormDbContext db, int? programmeId, int? termId, CancellationToken ct)
    {
        if (programmeId is { } p && !await db.Programmes.AnyAsync(x => x.Id == p, ct)) throw new DomainException("Choose a programme from the list.");
        if (termId is { } t && !await db.Terms.AnyAsync(x => x.Id == t, ct)) throw new DomainException("Choose a term from the list.");
    }

    private async Task<CommandResult> ChangeAsync(UserScope staff, int applicationId, Guid version, Func<CormDbContext, AdmissionApplication, DateTime, Task> change, CancellationToken ct)
    {
        if (!staff.WorksAdmissions) return CommandResult.NotFound;
        return await RunAsync(async db =>
        {
            var application = await db.AdmissionApplications.Include(a => a.Reviews).SingleOrDefaultAsync(a => a.Id == applicationId, ct);
            if (application is null) return CommandResult.NotFound;
            if (application.Version != version) return CommandResult.Conflict("application");
            await change(db, application, time.UtcNow());
            audit.Record(db, staff, AuditAction.Update, nameof(AdmissionApplication), application.Id, application.ApplicantId, application.Stage.ToString());
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(application.Id);
        }, ct);
    }

    /// <summary>One transaction per command (a rule broken half-way leaves nothing behind); its letters go out once it commits.</summary>
    private async Task<CommandResult> RunAsync(Func<CormDbContext, Task<CommandResult>> work, CancellationToken ct)
    {
        var result = await runner.RunAsync(Transactional, work, ct);
        if (result.Succeeded) await dispatcher.DispatchPendingAsync(ct);
        return result;
    }

    private static readonly CommandOptions Transactional = CommandOptions.About("application", transaction: true);
}
