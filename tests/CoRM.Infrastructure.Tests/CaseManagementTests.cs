using CoRM.Domain.Access;
using CoRM.Domain.Cases;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Cases;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Engagement;
using CoRM.Infrastructure.Seeding;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

/// <summary>
/// Case management on the seeded institution: who may open a case and read which note, flags that reach exactly the right
/// people, caller lookup, break-glass, intake matching, the reminder job, handover and outcome counts.
/// </summary>
public sealed class CaseManagementTests : InstitutionTest
{
    private CaseFiles Files => Institution.Get<CaseFiles>();

    /// <summary>The demo's wellbeing case: Grace leads, Amara supervises, the client is Helena's advisee with a self-harm flag.</summary>
    private async Task<(int CaseId, int ClientId)> FlaggedCaseAsync()
    {
        await using var db = await Institution.OpenAsync();
        var flag = await db.ConstituentFlags.SingleAsync(f => f.Label == "History of self-harm");
        var caseId = await db.CaseClients.Where(c => c.ConstituentId == flag.ConstituentId).Select(c => c.CaseId).FirstAsync();
        return (caseId, flag.ConstituentId);
    }

    private async Task<int> LeoCaseAsync()
    {
        await using var db = await Institution.OpenAsync();
        var leo = await db.Constituents.SingleAsync(c => c.LastName == "Marchetti");
        return await db.CaseClients.Where(c => c.ConstituentId == leo.Id).Select(c => c.CaseId).SingleAsync();
    }

    private async Task<UserScope> JonasAsync() => await Institution.PersonaAsync(DemoCasesSeeder.OtherCaseWorker);

    [Fact]
    public async Task Only_the_team_and_supervisors_open_a_case_and_every_other_role_gets_nothing()
    {
        var (caseId, _) = await FlaggedCaseAsync();
        Assert.NotNull(await Files.GetAsync(await Institution.PersonaAsync(Personas.CaseWorker), caseId));
        Assert.NotNull(await Files.GetAsync(await Institution.PersonaAsync(Personas.CaseSupervisor), caseId));
        Assert.Null(await Files.GetAsync(await JonasAsync(), caseId)); // a case worker not on the team
        foreach (var persona in new[] { Personas.Admin, Personas.Faculty, Personas.Advancement, Personas.StudentSuccess, Personas.Admissions, Personas.DataSteward,
                     Personas.VolunteerCoordinator, Personas.Parent, Personas.Volunteer, Personas.Student })
        {
            var user = await Institution.PersonaAsync(persona);
            Assert.Null(await Files.GetAsync(user, caseId));
            Assert.Empty((await Files.NotesAsync(user, caseId, 0, 50)).Items);
            Assert.Equal(CommandStatus.NotFound, (await Files.AddNoteAsync(user, new CaseNoteRequest(caseId, null, Channel.Phone, "x", null, NoteSensitivity.Standard, Institution.Time.UtcNow()))).Status);
            Assert.Empty(await Institution.Get<CallerLookup>().FindAsync(user, DemoCasesSeeder.FlaggedClientPhone));
            Assert.Empty((await Institution.Get<Caseloads>().MineAsync(user, 0, 50)).Items);
        }
    }

    [Fact]
    public async Task A_faculty_member_opening_the_client_sees_no_case_note_case_task_or_case_flag_only_the_flag_for_all_staff()
    {
        var (_, client) = await FlaggedCaseAsync();
        var helena = await Institution.PersonaAsync(Personas.Faculty);
        var records = Institution.Get<ConstituentRecords>();
        Assert.NotNull(await records.GetProfileAsync(helena, client)); // her advisee
        var timeline = await records.GetTimelineAsync(helena, client, null, 0, 100);
        Assert.DoesNotContain(timeline.Items, t => t.Topic == Topic.Case || t.CaseId != null);
        Assert.DoesNotContain(await Institution.Get<FollowUpBoard>().ForConstituentAsync(helena, client), f => f.Topic == Topic.Case);
        var flags = await Institution.Get<CaseFlags>().ForRecordAsync(helena, client);
        Assert.Equal(["Prefers e-mail to phone calls"], flags.Select(f => f.Label));

        var admin = await Institution.PersonaAsync(Personas.Admin);
        Assert.DoesNotContain((await records.GetTimelineAsync(admin, client, null, 0, 100)).Items, t => t.CaseId != null);
        Assert.DoesNotContain(await Institution.Get<CaseFlags>().ForRecordAsync(admin, client), f => f.Visibility != FlagVisibility.AllStaff);
    }

    [Fact]
    public async Task Notes_are_read_at_each_standing_lead_supervisor_other_case_worker()
    {
        var (caseId, client) = await FlaggedCaseAsync();
        var grace = await Institution.PersonaAsync(Personas.CaseWorker);
        var amara = await Institution.PersonaAsync(Personas.CaseSupervisor);
        var jonas = await JonasAsync();
        Assert.Equal(3, (await Files.NotesAsync(grace, caseId, 0, 50)).TotalCount);
        Assert.Equal(3, (await Files.NotesAsync(amara, caseId, 0, 50)).TotalCount);

        // Jonas can open the client's record through his own (new) case with her, and then reads only the standard note.
        var types = await Institution.Get<CaseTypes>().ListAsync(jonas);
        var opened = await Institution.Get<CaseIntake>().OpenAsync(jonas, new OpenCaseRequest(types.Single(t => t.Name == "Financial hardship").Id, "Hardship fund", null, [new IntakeClient(client)]));
        Assert.True(opened.Succeeded, opened.Message);
        var timeline = await Institution.Get<ConstituentRecords>().GetTimelineAsync(jonas, client, null, 0, 100);
        Assert.Equal(["Intake conversation"], timeline.Items.Where(t => t.CaseId == caseId).Select(t => t.Subject));
        Assert.Empty((await Files.NotesAsync(jonas, caseId, 0, 50)).Items); // the case itself stays closed to him

        // A team member (not lead) reads team notes but not the lead-and-supervisor one, and cannot write one.
        var view = await Files.GetAsync(grace, caseId);
        Assert.True((await Files.AddToTeamAsync(grace, caseId, jonas.ConstituentId, CaseRole.Member, view!.Version)).Succeeded);
        var asMember = await Files.NotesAsync(jonas, caseId, 0, 50);
        Assert.Equal(2, asMember.TotalCount);
        Assert.DoesNotContain(asMember.Items, n => n.Sensitivity == NoteSensitivity.LeadAndSupervisors);
        var refused = await Files.AddNoteAsync(jonas, new CaseNoteRequest(caseId, null, Channel.Phone, "Secret", null, NoteSensitivity.LeadAndSupervisors, Institution.Time.UtcNow()));
        Assert.Equal(CommandStatus.Invalid, refused.Status);
        // Only the lead or a supervisor changes the team or the status.
        Assert.Equal(CommandStatus.Invalid, (await Files.HoldAsync(jonas, caseId, (await Files.GetAsync(jonas, caseId))!.Version)).Status);
    }

    [Fact]
    public async Task Caller_lookup_finds_the_client_from_any_format_of_the_number_with_the_case_and_the_flag_and_offers_break_glass_to_others()
    {
        var (caseId, client) = await FlaggedCaseAsync();
        var lookup = Institution.Get<CallerLookup>();
        var grace = await Institution.PersonaAsync(Personas.CaseWorker);
        foreach (var typed in new[] { "+351 913 555 017", "913555017", "913-555-017", "00351913555017", "(913) 555 017" })
        {
            var match = Assert.Single(await lookup.FindAsync(grace, typed));
            Assert.Equal(client, match.Id);
            var c = Assert.Single(match.Cases);
            Assert.Equal((caseId, true), (c.Id, c.MayOpen));
            Assert.Contains(match.Flags, f => f.Label == "History of self-harm");
        }

        var jonas = await JonasAsync();
        var seenByJonas = Assert.Single(await lookup.FindAsync(jonas, "913 555 017"));
        Assert.False(seenByJonas.Cases.Single().MayOpen);
        Assert.DoesNotContain(seenByJonas.Flags, f => f.Visibility == FlagVisibility.CaseTeam); // not his case team
        Assert.Contains(await lookup.FindAsync(jonas, "Marchetti"), m => m.Flags.Any(f => f.Label == "Safeguarding concern"));
    }

    [Fact]
    public async Task Break_glass_needs_a_reason_is_audited_tells_the_lead_and_expires()
    {
        var leoCase = await LeoCaseAsync();
        var grace = await Institution.PersonaAsync(Personas.CaseWorker);
        var glass = Institution.Get<BreakGlass>();
        Assert.Null(await Files.GetAsync(grace, leoCase));
        Assert.Equal(CommandStatus.Invalid, (await glass.OpenAsync(grace, leoCase, "urgent")).Status);
        Assert.Equal(CommandStatus.NotFound, (await glass.OpenAsync(await Institution.PersonaAsync(Personas.Faculty), leoCase, "I need to see this case now please")).Status);

        var opened = await glass.OpenAsync(grace, leoCase, "Leo called the on-call line at night and says he has nowhere to sleep.");
        Assert.True(opened.Succeeded, opened.Message);
        var view = await Files.GetAsync(grace, leoCase);
        Assert.NotNull(view);
        Assert.True(view.Standing.BreakGlass);
        Assert.Single((await Files.NotesAsync(grace, leoCase, 0, 50)).Items); // the team note
        await using (var db = await Institution.OpenAsync())
        {
            var jonasId = await Institution.ConstituentIdAsync(DemoCasesSeeder.OtherCaseWorker);
            var mail = await db.OutboxMessages.SingleAsync(m => m.Subject.Contains(Case.FormatReference(leoCase)));
            Assert.Equal(jonasId, mail.RecipientConstituentId);
            Assert.Contains("nowhere to sleep", mail.TextBody, StringComparison.Ordinal);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.RecordType == nameof(CaseAccessGrant) && a.UserConstituentId == grace.ConstituentId));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.RecordType == nameof(Case) && a.Detail == "Case (break-glass)"));
        }

        Institution.Time.Advance(TimeSpan.FromHours(25));
        Assert.Null(await Files.GetAsync(grace, leoCase));
    }

    [Fact]
    public async Task Intake_matches_an_existing_person_instead_of_creating_them_twice_and_starts_the_plan()
    {
        var grace = await Institution.PersonaAsync(Personas.CaseWorker);
        await using var db = await Institution.OpenAsync();
        var known = await db.Constituents.Where(c => c.Email != null && c.BirthDate != null && c.MergedIntoId == null && c.Kind == Domain.Constituents.ConstituentKind.Person)
            .OrderBy(c => c.Id).Skip(30).FirstAsync();
        var before = await db.Constituents.CountAsync();
        var type = (await Institution.Get<CaseTypes>().ListAsync(grace)).Single(t => t.Name == "Youth support");

        var preview = await Institution.Get<CaseIntake>().PreviewAsync(grace, new Domain.Constituents.PersonFacts(known.FirstName, known.LastName, known.Email, null, known.BirthDate));
        Assert.Equal(known.Id, preview.Person?.Id);
        var opened = await Institution.Get<CaseIntake>().OpenAsync(grace, new OpenCaseRequest(type.Id, "Family breakdown", "School",
            [new IntakeClient(null, known.FirstName, known.LastName, known.Email!.ToUpperInvariant(), null, known.BirthDate)]));
        Assert.True(opened.Succeeded, opened.Message);
        Assert.Equal(before, await db.Constituents.CountAsync());
        var created = await db.Cases.Include(c => c.Clients).Include(c => c.Reviews).SingleAsync(c => c.Id == (int)opened.Id!.Value);
        Assert.Equal(known.Id, created.Clients.Single().ConstituentId);
        Assert.Equal(CaseStatus.Intake, created.Status);
        Assert.Equal(Institution.Time.Today().AddDays(14), created.NextReviewOn);
        var tasks = await db.FollowUps.Where(f => f.CaseId == created.Id).OrderBy(f => f.DueOn).Select(f => f.Title).ToListAsync();
        Assert.Equal(["Initial assessment", "Safety plan", "Agree goals with the young person"], tasks);

        // Bad input changes nothing.
        var bad = await Institution.Get<CaseIntake>().OpenAsync(grace, new OpenCaseRequest(type.Id, "  ", null, [new IntakeClient(known.Id)]));
        Assert.Equal(CommandStatus.Invalid, bad.Status);
        Assert.Equal(0, await db.Cases.CountAsync(c => c.Summary == ""));
    }

    [Fact]
    public async Task Closing_needs_an_outcome_of_the_type_and_counts_in_the_measures()
    {
        var (caseId, _) = await FlaggedCaseAsync();
        var grace = await Institution.PersonaAsync(Personas.CaseWorker);
        var outcomes = Institution.Get<CaseOutcomes>();
        var before = await outcomes.ForYearAsync(grace, 2026);
        var view = (await Files.GetAsync(grace, caseId))!;
        var resolving = view.Outcomes.First(o => o.Resolves);
        Assert.Equal(CommandStatus.Invalid, (await Files.CloseAsync(grace, caseId, resolving.Id, " ", view.Version)).Status);
        Assert.Equal(CommandStatus.Invalid, (await Files.CloseAsync(grace, caseId, 999_999, "done", view.Version)).Status);
        Assert.True((await Files.CloseAsync(grace, caseId, resolving.Id, "Attending again; counselling in place.", view.Version)).Succeeded);
        Assert.Equal(CommandStatus.Conflict, (await Files.ReopenAsync(grace, caseId, view.Version)).Status); // a stale copy

        var after = await outcomes.ForYearAsync(grace, 2026);
        Assert.Equal(before!.Resolved + 1, after!.Resolved);
        Assert.Equal(before.PeopleHelped + 1, after.PeopleHelped);
        Assert.Equal(before.Types.Single(t => t.TypeName == "Wellbeing").ActiveNow - 1, after.Types.Single(t => t.TypeName == "Wellbeing").ActiveNow);
        Assert.Null(await outcomes.ForYearAsync(await Institution.PersonaAsync(Personas.Faculty), 2026));
        Assert.DoesNotContain("Attending", CaseOutcomes.ToCsv(after), StringComparison.Ordinal); // counts only
    }

    [Fact]
    public async Task The_reminder_job_tells_each_lead_once_about_overdue_reviews_and_tasks()
    {
        var job = Institution.Get<CaseReminderJob>();
        var first = await job.RunAsync();
        Assert.True(first.Reviews + first.Tasks > 0);
        var again = await job.RunAsync();
        Assert.Equal(new CaseReminderJob.Summary(0, 0, 0), again);
        await using var db = await Institution.OpenAsync();
        var grace = await Institution.ConstituentIdAsync(Personas.CaseWorker);
        var mail = await db.OutboxMessages.SingleAsync(m => m.DedupKey.StartsWith("case-reminder:" + grace + ":"));
        Assert.Contains("Review of CASE-", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("self-harm", mail.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_supervisor_hands_a_whole_caseload_over_in_one_audited_step()
    {
        var amara = await Institution.PersonaAsync(Personas.CaseSupervisor);
        var grace = await Institution.PersonaAsync(Personas.CaseWorker);
        var jonas = await JonasAsync();
        var handovers = Institution.Get<Handovers>();
        var preview = await handovers.PreviewAsync(amara, HandoverKind.Caseload, grace.ConstituentId);
        Assert.True(preview!.Records > 0);
        Assert.Equal(CommandStatus.NotFound, (await handovers.HandOverAsync(grace, HandoverKind.Caseload, grace.ConstituentId, jonas.ConstituentId)).Status);
        Assert.Equal(CommandStatus.Invalid, (await handovers.HandOverAsync(amara, HandoverKind.Caseload, grace.ConstituentId, (await Institution.PersonaAsync(Personas.Faculty)).ConstituentId)).Status);

        var jonasBefore = (await Institution.Get<Caseloads>().MineAsync(jonas, 0, 100)).TotalCount;
        var done = await handovers.HandOverAsync(amara, HandoverKind.Caseload, grace.ConstituentId, jonas.ConstituentId);
        Assert.True(done.Succeeded, done.Message);
        Assert.Empty((await Institution.Get<Caseloads>().MineAsync(grace, 0, 100)).Items);
        Assert.Equal(jonasBefore + preview.Records, (await Institution.Get<Caseloads>().MineAsync(jonas, 0, 100)).TotalCount);
        await using var db = await Institution.OpenAsync();
        Assert.Equal(0, await db.FollowUps.CountAsync(f => f.CaseId != null && f.OwnerId == grace.ConstituentId && f.CompletedAt == null));
        Assert.True(await db.CaseTeamMembers.AnyAsync(m => m.MemberId == grace.ConstituentId && m.RemovedAt != null)); // history stays
        Assert.True(await db.AuditEntries.AnyAsync(a => a.RecordType == "Handover"));
    }

    [Fact]
    public async Task Flags_are_raised_and_removed_by_case_workers_with_a_reason_and_bad_input_changes_nothing()
    {
        var (_, client) = await FlaggedCaseAsync();
        var grace = await Institution.PersonaAsync(Personas.CaseWorker);
        var flags = Institution.Get<CaseFlags>();
        Assert.Equal(CommandStatus.Invalid, (await flags.RaiseAsync(grace, client, "  ", null, FlagVisibility.AllStaff)).Status);
        Assert.Equal(CommandStatus.Invalid, (await flags.RaiseAsync(grace, client, new string('x', 81), null, FlagVisibility.AllStaff)).Status);
        Assert.Equal(CommandStatus.NotFound, (await flags.RaiseAsync(await Institution.PersonaAsync(Personas.Faculty), client, "Interpreter needed", null, FlagVisibility.AllStaff)).Status);
        var raised = await flags.RaiseAsync(grace, client, "Interpreter needed", "Portuguese Sign Language", FlagVisibility.AllStaff);
        Assert.True(raised.Succeeded, raised.Message);
        Assert.Contains(await flags.ForRecordAsync(await Institution.PersonaAsync(Personas.Faculty), client), f => f.Label == "Interpreter needed");
        Assert.Equal(CommandStatus.Invalid, (await flags.RemoveAsync(grace, (int)raised.Id!.Value, "")).Status);
        Assert.True((await flags.RemoveAsync(grace, (int)raised.Id!.Value, "Interpreter no longer needed")).Succeeded);
        Assert.DoesNotContain(await flags.ForRecordAsync(grace, client), f => f.Label == "Interpreter needed");
        await using var db = await Institution.OpenAsync();
        Assert.Equal("Interpreter no longer needed", (await db.ConstituentFlags.SingleAsync(f => f.Id == (int)raised.Id!.Value)).RemovalReason);
    }
}
