using CoRM.Domain.Access;
using CoRM.Domain.Admissions;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Admissions;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Families;
using CoRM.Infrastructure.Jobs;
using CoRM.Infrastructure.Seeding;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed class AdmissionsPipelineTests : InstitutionTest
{
    private static readonly Dictionary<RubricCriterion, int> Strong = new()
    {
        [RubricCriterion.AcademicRecord] = 5, [RubricCriterion.PersonalStatement] = 4, [RubricCriterion.Recommendation] = 4, [RubricCriterion.Interview] = 4,
    };

    private async Task<(int Programme, int Intake)> IntakeAsync()
    {
        await using var db = await Institution.OpenAsync();
        var intake = await db.Terms.OrderByDescending(t => t.StartsOn).Select(t => t.Id).FirstAsync();
        return (await db.Programmes.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(), intake);
    }

    private async Task<Guid> VersionAsync(long id)
    {
        await using var db = await Institution.OpenAsync();
        return await db.AdmissionApplications.Where(a => a.Id == id).Select(a => a.Version).SingleAsync();
    }

    [Fact]
    public async Task An_inquiry_finds_the_person_already_on_record_and_queues_a_near_match_for_review()
    {
        var priya = await Institution.PersonaAsync(Personas.Admissions);
        var pipeline = Institution.Get<AdmissionsPipeline>();
        var (programme, intake) = await IntakeAsync();
        Constituent existing;
        int before;
        await using (var db = await Institution.OpenAsync())
        {
            existing = await db.Constituents.Where(c => c.Kind == ConstituentKind.Person && c.BirthDate != null && c.Email != null && c.MergedIntoId == null)
                .OrderBy(c => c.Id).Skip(5).FirstAsync();
            before = await db.Constituents.CountAsync();
        }

        // Same name and birth date, no e-mail given: the same person, so the inquiry lands on her record.
        var same = await pipeline.RecordInquiryAsync(priya, new NewInquiry(new PersonDetails(existing.FirstName.ToUpperInvariant(), existing.LastName, null, existing.BirthDate, null),
            programme, intake, AdmissionSource.Website, null));
        Assert.True(same.Succeeded, same.Message);
        Assert.Equal(existing.Id, (int)same.Id!.Value);

        // A typo in the surname with the same birth date: a new record, straight into the data steward's queue.
        var typo = await pipeline.RecordInquiryAsync(priya, new NewInquiry(new PersonDetails(existing.FirstName, existing.LastName + "x", null, existing.BirthDate, null),
            programme, intake, AdmissionSource.Website, null));
        Assert.True(typo.Succeeded, typo.Message);
        Assert.NotEqual(existing.Id, (int)typo.Id!.Value);

        await using var check = await Institution.OpenAsync();
        Assert.Equal(before + 1, await check.Constituents.CountAsync());
        var queued = await check.DuplicateCandidates.SingleAsync(d => d.SecondId == (int)typo.Id.Value);
        Assert.Equal((existing.Id, DuplicateStatus.Open), (queued.FirstId, queued.Status));
        Assert.Contains("same birth date", queued.Reasons, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_see_the_match_before_saving_and_may_answer_use_her_record_for_a_possible_duplicate_only()
    {
        var priya = await Institution.PersonaAsync(Personas.Admissions);
        var pipeline = Institution.Get<AdmissionsPipeline>();
        var (programme, intake) = await IntakeAsync();
        Constituent existing;
        await using (var db = await Institution.OpenAsync())
            existing = await db.Constituents.Where(c => c.Kind == ConstituentKind.Person && c.BirthDate != null && c.Email != null && c.MergedIntoId == null)
                .OrderBy(c => c.Id).Skip(7).FirstAsync();
        var typed = new PersonDetails(existing.FirstName, existing.LastName + "x", null, existing.BirthDate, null);

        var preview = await Institution.Get<PersonLookup>().PreviewAsync(priya, new PersonFacts(typed.FirstName, typed.LastName, typed.Email, BirthDate: typed.BirthDate));
        Assert.Equal((MatchVerdict.PossibleDuplicate, existing.Id), (preview.Verdict, preview.Person!.Id));
        Assert.Equal(MatchVerdict.NewPerson, (await Institution.Get<PersonLookup>().PreviewAsync(await Institution.PersonaAsync(Personas.Faculty), new PersonFacts(typed.FirstName, typed.LastName, BirthDate: typed.BirthDate))).Verdict);

        var wrong = await pipeline.RecordInquiryAsync(priya, new NewInquiry(typed with { UseRecordId = existing.Id + 1 }, programme, intake, AdmissionSource.Website, null));
        Assert.False(wrong.Succeeded);
        var used = await pipeline.RecordInquiryAsync(priya, new NewInquiry(typed with { UseRecordId = existing.Id }, programme, intake, AdmissionSource.Website, null));
        Assert.True(used.Succeeded, used.Message);
        Assert.Equal(existing.Id, (int)used.Id!.Value);
    }

    [Fact]
    public async Task From_inquiry_to_enrolled_student_with_a_parent_relationship()
    {
        var priya = await Institution.PersonaAsync(Personas.Admissions);
        var lucas = await Institution.PersonaAsync(DemoAdmissionsSeeder.SecondOfficer);
        var pipeline = Institution.Get<AdmissionsPipeline>();
        var board = Institution.Get<AdmissionsBoard>();
        var (programme, intake) = await IntakeAsync();
        var funnelBefore = await board.FunnelAsync(priya, new AdmissionsFilter(programme, intake));

        var person = new PersonDetails("Inês", "Carvalho", "ines.carvalho@example.com", new DateOnly(2009, 3, 2), "Algarve");
        var inquiry = await pipeline.RecordInquiryAsync(priya, new NewInquiry(person, programme, intake, AdmissionSource.EducationFair, "Met at the Faro fair"));
        Assert.True(inquiry.Succeeded, inquiry.Message);
        var started = await pipeline.StartApplicationAsync(priya, new NewApplication(null, person, programme, intake, AdmissionSource.EducationFair, "Paula Carvalho", "paula.carvalho@example.org"));
        Assert.True(started.Succeeded, started.Message);
        var id = (int)started.Id!.Value;
        Assert.Equal(CommandStatus.Invalid, (await pipeline.StartApplicationAsync(priya, new NewApplication((int)inquiry.Id!.Value, null, programme, intake, AdmissionSource.Website, null, null))).Status);

        var incomplete = await pipeline.SubmitAsync(priya, id, await VersionAsync(id));
        Assert.Equal("The application is incomplete: missing transcript, personal statement, recommendation letter.", incomplete.Message);
        Assert.True((await pipeline.RecordDocumentsAsync(priya, id, true, true, true, await VersionAsync(id))).Succeeded);
        Assert.True((await pipeline.SubmitAsync(priya, id, await VersionAsync(id))).Succeeded);

        // Blind reading: Lucas sees no scores until he has given his own.
        Assert.True((await pipeline.ReviewAsync(priya, id, Strong, AdmissionDecision.Admit, "Excellent maths")).Succeeded);
        var beforeLucas = await board.ApplicationAsync(lucas, id);
        Assert.Empty(beforeLucas!.Reviews);
        Assert.True(beforeLucas.MayRead);
        Assert.False(beforeLucas.MayDecide);
        Assert.Equal(CommandStatus.Invalid, (await pipeline.ReviewAsync(priya, id, Strong, AdmissionDecision.Admit, null)).Status);
        var second = await pipeline.ReviewAsync(lucas, id, new Dictionary<RubricCriterion, int>(Strong) { [RubricCriterion.Interview] = 2 }, AdmissionDecision.Admit, null);
        Assert.True(second.Succeeded, second.Message);
        var read = await board.ApplicationAsync(priya, id);
        Assert.Equal(2, read!.Reviews.Count);
        Assert.Equal(4.2m, read.AverageScore); // (4.4 + 4.0) / 2

        Assert.True((await pipeline.DecideAsync(priya, id, AdmissionDecision.Admit, 300m, read.Version)).Succeeded);
        Assert.True((await pipeline.RecordDepositAsync(priya, id, await VersionAsync(id))).Succeeded);
        Assert.True((await pipeline.EnrolAsync(priya, id, await VersionAsync(id))).Succeeded);

        await using var db = await Institution.OpenAsync();
        var student = await db.Constituents.Include(c => c.Hats).SingleAsync(c => c.Email == "ines.carvalho@example.com");
        var today = DateOnly.FromDateTime(TestInstitution.Now.UtcDateTime);
        Assert.True(student.WearsHatOn(HatKind.Student, today));
        Assert.False(student.WearsHatOn(HatKind.Applicant, today.AddDays(1)));
        Assert.True(await db.ProgrammeEnrolments.AnyAsync(e => e.StudentId == student.Id && e.TermId == intake && e.ProgrammeId == programme));
        var deposit = await db.TuitionInvoices.Include(i => i.Payments).SingleAsync(i => i.StudentId == student.Id);
        Assert.Equal(300m, deposit.Amount);
        Assert.Equal(0m, deposit.OutstandingOn(today));
        var parentLink = await db.Relationships.Include(r => r.Related).SingleAsync(r => r.SubjectId == student.Id && r.Kind == RelationshipKind.Parent);
        Assert.Equal("paula.carvalho@example.org", parentLink.Related!.Email);
        Assert.Equal(inquiry.Id, student.Id);
        Assert.True(await db.InformationRequests.AnyAsync(r => r.ProspectId == student.Id && r.ApplicationId == id));
        var letters = Directory.GetFiles(Institution.PickupDirectory, "*.eml").Select(File.ReadAllText).ToList();
        Assert.Contains(letters, m => m.Contains("ines.carvalho@example.com", StringComparison.Ordinal) && m.Contains("offer you a place", StringComparison.Ordinal));
        Assert.Contains(letters, m => m.Contains("paula.carvalho@example.org", StringComparison.Ordinal) && m.Contains("offer you a place", StringComparison.Ordinal));

        // She is a minor: the new parent record sees her card by default, once invited.
        var paula = UserScope.Of(parentLink.RelatedId, "paula", Roles.Parent);
        var card = Assert.Single(await Institution.Get<FamilyDashboard>().ForAsync(paula));
        Assert.Equal(student.Id, card.Id);

        var funnelAfter = await board.FunnelAsync(priya, new AdmissionsFilter(programme, intake));
        foreach (var stage in new[] { "Applied", "Complete", "Admitted", "Deposit paid", "Enrolled" })
            Assert.Equal(funnelBefore.Single(s => s.Stage == stage).Count + 1, funnelAfter.Single(s => s.Stage == stage).Count);
    }

    [Fact]
    public async Task A_parent_applies_for_a_new_child_and_follows_the_application()
    {
        var rui = await Institution.PersonaAsync(Personas.Parent);
        var pipeline = Institution.Get<AdmissionsPipeline>();
        var (programme, intake) = await IntakeAsync();

        var missingBirth = await pipeline.StartForChildAsync(rui, new ParentApplication(null, new PersonDetails("Marta", "Almeida", null, null, null), programme, intake));
        Assert.Equal("Give your child's date of birth.", missingBirth.Message);
        var started = await pipeline.StartForChildAsync(rui, new ParentApplication(null, new PersonDetails("Marta", "Almeida", null, new DateOnly(2009, 6, 1), null), programme, intake));
        Assert.True(started.Succeeded, started.Message);

        await using var db = await Institution.OpenAsync();
        var application = await db.AdmissionApplications.SingleAsync(a => a.Id == started.Id);
        Assert.Equal((AdmissionSource.Parent, rui.ConstituentId, rui.ConstituentId), (application.Source, application.StartedById!.Value, application.GuardianId!.Value));
        Assert.True(await db.Relationships.AnyAsync(r => r.SubjectId == application.ApplicantId && r.RelatedId == rui.ConstituentId && r.Kind == RelationshipKind.Parent));
        Assert.NotNull(application.CounsellorId);

        var cards = await Institution.Get<FamilyDashboard>().ForAsync(rui);
        var marta = Assert.Single(cards, c => c.Id == application.ApplicantId);
        Assert.Equal(AdmissionStage.Started, Assert.Single(marta.Applications).Stage);

        // Someone else's child, by id: nothing.
        var stranger = await db.Hats.Where(h => h.Kind == HatKind.Student && !db.Relationships.Any(r => r.SubjectId == h.ConstituentId && r.RelatedId == rui.ConstituentId))
            .Select(h => h.ConstituentId).FirstAsync();
        Assert.Equal(CommandStatus.NotFound, (await pipeline.StartForChildAsync(rui, new ParentApplication(stranger, null, programme, intake))).Status);
    }

    [Fact]
    public async Task A_parent_typing_a_child_who_looks_like_someone_else_gets_a_new_record_queued_for_review_never_the_strangers()
    {
        var rui = await Institution.PersonaAsync(Personas.Parent);
        var pipeline = Institution.Get<AdmissionsPipeline>();
        var (programme, intake) = await IntakeAsync();
        Domain.Constituents.Constituent stranger;
        await using (var db = await Institution.OpenAsync())
            stranger = await db.Constituents.Where(c => c.Kind == ConstituentKind.Person && c.BirthDate != null && c.Email != null
                                                        && !db.Relationships.Any(r => r.SubjectId == c.Id && r.RelatedId == rui.ConstituentId)).OrderBy(c => c.Id).FirstAsync();

        // The same name, birth date and e-mail as someone this parent has no link to.
        var started = await pipeline.StartForChildAsync(rui, new ParentApplication(null, new PersonDetails(stranger.FirstName, stranger.LastName, stranger.Email, stranger.BirthDate, null), programme, intake));
        Assert.True(started.Succeeded, started.Message);
        int created;
        await using (var db = await Institution.OpenAsync())
        {
            created = (await db.AdmissionApplications.SingleAsync(a => a.Id == started.Id)).ApplicantId;
            Assert.NotEqual(stranger.Id, created);
            Assert.False(await db.Relationships.AnyAsync(r => r.SubjectId == stranger.Id && r.RelatedId == rui.ConstituentId));
            Assert.Single(await db.DuplicateCandidates.Where(d => d.FirstId == stranger.Id && d.SecondId == created).ToListAsync());
        }

        // Typing the same child again (now theirs) reuses the child's record.
        var again = await pipeline.StartForChildAsync(rui, new ParentApplication(null, new PersonDetails(stranger.FirstName, stranger.LastName, stranger.Email, stranger.BirthDate, null), programme, intake));
        Assert.False(again.Succeeded);
        Assert.Contains("already", again.Message, StringComparison.OrdinalIgnoreCase); // the child's own open application, not a third record
        await using var after = await Institution.OpenAsync();
        Assert.Equal(2, await after.Constituents.CountAsync(c => c.Email == stranger.Email && c.BirthDate == stranger.BirthDate));
    }

    [Fact]
    public async Task Reminders_go_out_once_for_stalled_applications_and_late_deposits()
    {
        var job = Institution.Get<AdmissionsReminderJob>();
        // The seeded intake's open files started within the last two weeks; move the clock past the thresholds.
        Institution.Time.Advance(TimeSpan.FromDays(30));
        int stalled, late;
        await using (var db = await Institution.OpenAsync())
        {
            var now = Institution.Time.GetUtcNow().UtcDateTime;
            stalled = await db.AdmissionApplications.CountAsync(a => a.Stage == AdmissionStage.Started && a.StartedAt <= now.AddDays(-7));
            late = await db.AdmissionApplications.CountAsync(a => a.Stage == AdmissionStage.Admitted && a.DecidedAt <= now.AddDays(-10));
        }
        Assert.True(stalled > 0 && late > 0);

        var first = await job.RunAsync();
        Assert.Equal((stalled, late), (first.IncompleteReminders, first.DepositReminders));
        var again = await job.RunAsync();
        Assert.Equal((0, 0), (again.IncompleteReminders, again.DepositReminders));

        await using var check = await Institution.OpenAsync();
        Assert.Equal(stalled + late, await check.FollowUps.CountAsync(f => f.Topic == Topic.Admissions && (f.Title.StartsWith("Incomplete application") || f.Title.StartsWith("Deposit unpaid"))));
        var keys = await check.OutboxMessages.Where(m => m.DedupKey.Contains("-reminder:")).Select(m => m.DedupKey).ToListAsync();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.True(keys.Count >= stalled + late, "one reminder per file at least (guardians on file get their own)");
    }

    [Fact]
    public async Task Two_instances_running_the_reminders_at_once_send_each_reminder_once()
    {
        Institution.Time.Advance(TimeSpan.FromDays(30));
        int due;
        await using (var db = await Institution.OpenAsync())
        {
            var now = Institution.Time.GetUtcNow().UtcDateTime;
            due = await db.AdmissionApplications.CountAsync(a => (a.Stage == AdmissionStage.Started && a.StartedAt <= now.AddDays(-7)) || (a.Stage == AdmissionStage.Admitted && a.DecidedAt <= now.AddDays(-10)));
        }

        // Two job objects, as two portal instances would each resolve one, racing over the same files.
        var runs = await Task.WhenAll(Institution.Get<AdmissionsReminderJob>().RunAsync(), Institution.Get<AdmissionsReminderJob>().RunAsync());

        Assert.Equal(due, runs.Sum(r => r.IncompleteReminders + r.DepositReminders));
        await using var check = await Institution.OpenAsync();
        Assert.Equal(due, await check.FollowUps.CountAsync(f => f.Topic == Topic.Admissions && (f.Title.StartsWith("Incomplete application") || f.Title.StartsWith("Deposit unpaid"))));
        var keys = await check.OutboxMessages.Where(m => m.DedupKey.Contains("-reminder:")).Select(m => m.DedupKey).ToListAsync();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public async Task A_deposit_paid_through_billing_moves_the_file_on()
    {
        await using (var db = await Institution.OpenAsync())
        {
            var offer = await db.AdmissionApplications.FirstAsync(a => a.Stage == AdmissionStage.Admitted && a.DepositInvoiceId != null);
            var invoice = await db.TuitionInvoices.Include(i => i.Payments).SingleAsync(i => i.Id == offer.DepositInvoiceId);
            invoice.Pay(invoice.Amount, DateOnly.FromDateTime(TestInstitution.Now.UtcDateTime));
            await db.SaveChangesAsync();
        }
        var summary = await Institution.Get<AdmissionsReminderJob>().RunAsync();
        Assert.Equal(1, summary.DepositsPickedUp);
    }

    [Fact]
    public async Task The_board_counts_match_the_database_and_filters_narrow_them()
    {
        var priya = await Institution.PersonaAsync(Personas.Admissions);
        var board = Institution.Get<AdmissionsBoard>();
        var (_, intake) = await IntakeAsync();
        var columns = await board.BoardAsync(priya, new AdmissionsFilter(TermId: intake));

        await using var db = await Institution.OpenAsync();
        foreach (var stage in new[] { AdmissionStage.Started, AdmissionStage.Submitted, AdmissionStage.InReview, AdmissionStage.Admitted, AdmissionStage.Deposited })
        {
            var expected = await db.AdmissionApplications.CountAsync(a => a.TermId == intake && a.Stage == stage);
            var column = columns.Single(c => c.Key == stage.ToString());
            Assert.Equal(expected, column.Count);
            Assert.Equal(Math.Min(expected, AdmissionsBoard.CardsPerColumn), column.Cards.Count);
        }
        var lisbon = await board.BoardAsync(priya, new AdmissionsFilter(TermId: intake, Region: "Lisbon"));
        var lisbonApplied = await db.AdmissionApplications.CountAsync(a => a.TermId == intake && db.Constituents.Any(c => c.Id == a.ApplicantId && c.Region == "Lisbon") && a.Stage != AdmissionStage.Denied && a.Stage != AdmissionStage.Withdrawn);
        Assert.Equal(lisbonApplied, lisbon.Where(c => c.Key != "Inquiry" && c.Key != "Closed").Sum(c => c.Count));

        var funnel = await board.FunnelAsync(priya, new AdmissionsFilter());
        Assert.Equal(await db.AdmissionApplications.CountAsync(), funnel.Single(s => s.Stage == "Applied").Count);
        Assert.Equal(await db.AdmissionApplications.CountAsync(a => a.EnrolledAt != null), funnel.Single(s => s.Stage == "Enrolled").Count);
        var admitted = funnel.Single(s => s.Stage == "Admitted");
        Assert.Equal((double)admitted.Count / funnel.Single(s => s.Stage == "Complete").Count, admitted.ConversionFromPrevious!.Value, 6);
        var bySource = await board.BreakdownAsync(priya, new AdmissionsFilter(), FunnelDimension.Source);
        Assert.Equal(funnel.Single(s => s.Stage == "Applied").Count, bySource.Sum(r => r.Applications));
    }

    [Fact]
    public async Task Only_admissions_staff_and_administrators_work_the_pipeline()
    {
        var (programme, intake) = await IntakeAsync();
        await using var db = await Institution.OpenAsync();
        var id = await db.AdmissionApplications.Select(a => a.Id).FirstAsync();
        foreach (var who in new[] { Personas.Faculty, Personas.Advancement, Personas.StudentSuccess, Personas.Parent, Personas.Student, Personas.CaseWorker })
        {
            var user = await Institution.PersonaAsync(who);
            Assert.Empty(await Institution.Get<AdmissionsBoard>().BoardAsync(user, new AdmissionsFilter()));
            Assert.Empty(await Institution.Get<AdmissionsBoard>().FunnelAsync(user, new AdmissionsFilter()));
            Assert.Null(await Institution.Get<AdmissionsBoard>().ApplicationAsync(user, id));
            Assert.Equal(CommandStatus.NotFound, (await Institution.Get<AdmissionsPipeline>().ReviewAsync(user, id, Strong, AdmissionDecision.Admit, null)).Status);
            Assert.Equal(CommandStatus.NotFound, (await Institution.Get<AdmissionsPipeline>().StartApplicationAsync(user, new NewApplication(null, new PersonDetails("A", "B", null, null, null), programme, intake, AdmissionSource.Website, null, null))).Status);
        }
        var admin = await Institution.PersonaAsync(Personas.Admin);
        Assert.NotEmpty(await Institution.Get<AdmissionsBoard>().BoardAsync(admin, new AdmissionsFilter()));
    }

    [Fact]
    public async Task Show_more_continues_a_column_where_the_board_stopped_with_no_card_twice()
    {
        var priya = await Institution.PersonaAsync(Personas.Admissions);
        var board = Institution.Get<AdmissionsBoard>();
        var filter = new AdmissionsFilter();
        var columns = await board.BoardAsync(priya, filter);
        var column = columns.First(c => c.Count > AdmissionsBoard.CardsPerColumn && c.Key != "Closed");

        var next = await board.MoreAsync(priya, filter, column.Key, column.Cards.Count);

        Assert.Equal(Math.Min(AdmissionsBoard.CardsPerColumn, column.Count - column.Cards.Count), next.Count);
        Assert.Empty(next.Select(c => (c.Id, c.ApplicantId)).Intersect(column.Cards.Select(c => (c.Id, c.ApplicantId))));
        Assert.Empty(await board.MoreAsync(priya, filter, "Closed", 0));
        Assert.Empty(await board.MoreAsync(priya, filter, "NoSuchColumn", 0));
        Assert.Empty(await board.MoreAsync(await Institution.PersonaAsync(Personas.Faculty), filter, column.Key, 0));
    }

    [Fact]
    public async Task A_move_on_the_board_runs_the_same_command_and_a_move_out_of_turn_changes_nothing()
    {
        var priya = await Institution.PersonaAsync(Personas.Admissions);
        var pipeline = Institution.Get<AdmissionsPipeline>();
        await using var db = await Institution.OpenAsync();
        var deposited = await db.AdmissionApplications.Where(a => a.Stage == AdmissionStage.Deposited).Select(a => a.Id).FirstAsync();
        var started = await db.AdmissionApplications.Where(a => a.Stage == AdmissionStage.Started).Select(a => a.Id).FirstAsync();

        // Out of turn: refused with the process's own reason, nothing written.
        var refused = await pipeline.MoveAsync(priya, started, AdmissionStage.Enrolled, await VersionAsync(started));
        Assert.False(refused.Succeeded);
        Assert.Contains("deposit is paid", refused.Message);
        Assert.Equal(CommandStatus.Invalid, (await pipeline.MoveAsync(priya, started, AdmissionStage.InReview, await VersionAsync(started))).Status);
        await using (var check = await Institution.OpenAsync())
            Assert.Equal(AdmissionStage.Started, await check.AdmissionApplications.Where(a => a.Id == started).Select(a => a.Stage).SingleAsync());

        // In turn: enrolled as the button does it (the Student hat, the enrolment, the audit entry).
        var audits = await db.AuditEntries.CountAsync(e => e.RecordType == nameof(AdmissionApplication) && e.RecordId == deposited.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True((await pipeline.MoveAsync(priya, deposited, AdmissionStage.Enrolled, await VersionAsync(deposited))).Succeeded);
        await using var after = await Institution.OpenAsync();
        var application = await after.AdmissionApplications.SingleAsync(a => a.Id == deposited);
        Assert.Equal(AdmissionStage.Enrolled, application.Stage);
        Assert.True(await after.ProgrammeEnrolments.AnyAsync(e => e.StudentId == application.ApplicantId && e.TermId == application.TermId));
        Assert.True(await after.AuditEntries.CountAsync(e => e.RecordType == nameof(AdmissionApplication) && e.RecordId == deposited.ToString(System.Globalization.CultureInfo.InvariantCulture)) > audits);

        // A stale card (the file changed since the board was drawn) is a conflict, as on the page.
        var admitted = await after.AdmissionApplications.Where(a => a.Stage == AdmissionStage.Admitted).Select(a => a.Id).FirstAsync();
        Assert.Equal(CommandStatus.Conflict, (await pipeline.MoveAsync(priya, admitted, AdmissionStage.Deposited, Guid.NewGuid())).Status);
    }
}
