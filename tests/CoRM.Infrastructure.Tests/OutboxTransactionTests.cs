using CoRM.Domain.Admissions;
using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using CoRM.Domain.Volunteering;
using CoRM.Infrastructure.Admissions;
using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Families;
using CoRM.Infrastructure.Persistence;
using CoRM.Infrastructure.Tests.Support;
using CoRM.Infrastructure.Volunteering;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

/// <summary>
/// Issue 21, item 1: every piece of work that promises an e-mail writes it in the same transaction. Each sender is cut
/// at its first step, then its second, and so on (a save or a commit that never happens, as when the process is
/// killed there), and after every cut the work and its e-mail are both there or both absent.
/// </summary>
public sealed class OutboxTransactionTests
{
    private readonly CrashInjection crash = new();

    private Task<TestInstitution> InstitutionAsync() => TestInstitution.CreateAsync(services: crash.AddTo);

    /// <summary>
    /// Runs <paramref name="work"/> cut at step 1, 2, 3… until it runs whole. After each cut, <paramref name="look"/>
    /// says whether the work is done and whether its e-mail is queued: they must agree. Returns how many cuts were made.
    /// </summary>
    private async Task<int> CutAtEveryStepAsync(TestInstitution institution, string what, Func<Task> work, Func<CormDbContext, Task<(bool Done, bool Mailed)>> look)
    {
        for (var step = 1; step <= 30; step++)
        {
            crash.Reset();
            crash.Arm(step);
            try
            {
                await work();
            }
            catch (Exception e) when (CrashInjection.IsCrash(e))
            {
                // the process "died" here
            }
            crash.Arm(0);
            await using var db = await institution.OpenAsync();
            var (done, mailed) = await look(db);
            Assert.True(done == mailed, $"{what}: cut at step {step}, the work is {(done ? "done" : "not done")} but its e-mail is {(mailed ? "queued" : "not queued")}");
            if (!crash.Crashed || done)
            {
                Assert.True(done, $"{what}: ran whole at step {step} and did nothing");
                return step - 1;
            }
        }
        throw new Xunit.Sdk.XunitException($"{what}: still crashing after 30 steps");
    }

    [Fact]
    public async Task A_parent_invitation_and_its_code()
    {
        await using var institution = await InstitutionAsync();
        var priya = await institution.PersonaAsync(Personas.Admissions);
        int parent;
        await using (var db = await institution.OpenAsync())
            parent = await db.Relationships.Where(r => r.Kind == RelationshipKind.Parent && r.Related!.Email != null && !db.PortalUsers.Any(u => u.ConstituentId == r.RelatedId))
                .OrderBy(r => r.Id).Select(r => r.RelatedId).FirstAsync();

        var cuts = await CutAtEveryStepAsync(institution, "invitation",
            async () => Assert.True((await institution.Get<ParentInvitations>().SendAsync(priya, parent)).Succeeded),
            async db => (await db.ParentInvitations.AnyAsync(i => i.ParentId == parent),
                         await db.OutboxMessages.AnyAsync(m => m.RecipientConstituentId == parent && m.DedupKey.StartsWith("parent-invitation:"))));
        Assert.True(cuts >= 2, $"only {cuts} cut(s): the invitation is saved in more than one step");
    }

    [Fact]
    public async Task An_admission_decision_its_deposit_invoice_and_its_letter()
    {
        await using var institution = await InstitutionAsync();
        var priya = await institution.PersonaAsync(Personas.Admissions);
        int id;
        await using (var db = await institution.OpenAsync())
            id = await db.AdmissionApplications.Where(a => a.Stage == AdmissionStage.InReview && a.Reviews.Count >= AdmissionsRubric.RequiredReaders)
                .Where(a => db.Constituents.Where(Constituent.MayBeEmailed).Any(c => c.Id == a.ApplicantId))
                .OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();

        var cuts = await CutAtEveryStepAsync(institution, "decision",
            async () =>
            {
                Guid version;
                await using (var db = await institution.OpenAsync())
                    version = await db.AdmissionApplications.Where(a => a.Id == id).Select(a => a.Version).SingleAsync();
                var decided = await institution.Get<AdmissionsPipeline>().DecideAsync(priya, id, AdmissionDecision.Admit, 250m, version);
                Assert.True(decided.Succeeded, decided.Message);
            },
            async db =>
            {
                var application = await db.AdmissionApplications.SingleAsync(a => a.Id == id);
                var invoiced = application.DepositInvoiceId is not null;
                Assert.Equal(application.Stage == AdmissionStage.Admitted, invoiced); // the decision and its invoice, together too
                return (application.Stage == AdmissionStage.Admitted, await db.OutboxMessages.AnyAsync(m => m.DedupKey.StartsWith($"admissions:decision:{id}:")));
            });
        Assert.True(cuts >= 2, $"only {cuts} cut(s)");
    }

    private static async Task<(int Shift, List<int> Volunteers)> ShiftWithVolunteersAsync(TestInstitution institution, int capacity)
    {
        var ines = await institution.PersonaAsync(Personas.VolunteerCoordinator);
        var scheduling = institution.Get<VolunteerScheduling>();
        var opportunity = (await scheduling.CreateOpportunityAsync(ines, "Open day stewards", null, "Main hall", null)).Id!.Value;
        var date = DateOnly.FromDateTime(TestInstitution.Now.UtcDateTime).AddDays(12);
        var created = await scheduling.CreateShiftsAsync(ines, new CreateShiftsRequest((int)opportunity, date, new TimeOnly(9, 0), new TimeOnly(13, 0), capacity, 1, null, null));
        Assert.True(created.Succeeded, created.Message);
        await using var db = await institution.OpenAsync();
        var volunteers = await db.Constituents.Where(c => c.Hats.Any(h => h.Kind == HatKind.Volunteer && h.EndDate == null)).Where(Constituent.MayBeEmailed)
            .Where(c => !db.SignUps.Any(u => u.VolunteerId == c.Id && db.Shifts.Any(s => s.Id == u.ShiftId && s.StartsAt.Date == date.ToDateTime(TimeOnly.MinValue))))
            .OrderBy(c => c.Id).Select(c => c.Id).Take(3).ToListAsync();
        return ((int)created.Id!.Value, volunteers);
    }

    [Fact]
    public async Task A_cancelled_shift_and_the_notices_to_its_volunteers()
    {
        await using var institution = await InstitutionAsync();
        var ines = await institution.PersonaAsync(Personas.VolunteerCoordinator);
        var scheduling = institution.Get<VolunteerScheduling>();
        var (shift, v) = await ShiftWithVolunteersAsync(institution, capacity: 1);
        Assert.True((await scheduling.AssignAsync(ines, shift, v[0], false)).Succeeded);
        Assert.True((await scheduling.AssignAsync(ines, shift, v[1], true)).Succeeded);

        await CutAtEveryStepAsync(institution, "shift cancellation",
            async () => Assert.True((await scheduling.CancelShiftAsync(ines, shift)).Succeeded),
            async db =>
            {
                var signUps = await db.SignUps.Where(u => u.ShiftId == shift).Select(u => u.Id).ToListAsync();
                var notices = await db.OutboxMessages.CountAsync(m => signUps.Select(id => "shift-cancelled:" + id).Contains(m.DedupKey));
                Assert.True(notices is 0 or 2, $"{notices} of 2 notices");
                return (await db.Shifts.AnyAsync(s => s.Id == shift && s.CancelledAt != null), notices == 2);
            });
    }

    [Fact]
    public async Task A_waitlist_promotion_and_the_promoted_volunteers_notice()
    {
        await using var institution = await InstitutionAsync();
        var ines = await institution.PersonaAsync(Personas.VolunteerCoordinator);
        var scheduling = institution.Get<VolunteerScheduling>();
        var (shift, v) = await ShiftWithVolunteersAsync(institution, capacity: 1);
        var first = (int)(await scheduling.AssignAsync(ines, shift, v[0], false)).Id!.Value;
        var waiting = (int)(await scheduling.AssignAsync(ines, shift, v[1], true)).Id!.Value;

        await CutAtEveryStepAsync(institution, "promotion",
            async () => Assert.True((await scheduling.CancelSignUpAsync(ines, first)).Succeeded),
            async db => (await db.SignUps.AnyAsync(u => u.Id == waiting && u.Status == SignUpStatus.Confirmed),
                         await db.OutboxMessages.AnyAsync(m => m.DedupKey == $"shift-promotion:{waiting}")));
    }

    [Fact]
    public async Task A_receipt_sent_on_request_and_its_timeline_entry()
    {
        await using var institution = await InstitutionAsync();
        var tomas = await institution.PersonaAsync(Personas.Advancement);
        int receipt;
        await using (var db = await institution.OpenAsync())
            receipt = await db.Receipts.Where(r => r.VoidedAt == null && !db.Receipts.Any(n => n.ReplacesId == r.Id))
                .Where(r => db.Constituents.Where(Constituent.MayBeEmailed).Any(c => c.Id == r.DonorId)).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();

        await CutAtEveryStepAsync(institution, "receipt e-mail",
            async () => Assert.True((await institution.Get<Receipts>().EmailAsync(tomas, receipt)).Succeeded),
            async db => (await db.AuditEntries.AnyAsync(a => a.RecordType == nameof(Receipt) && a.RecordId == receipt.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Detail!.Contains("e-mailed")),
                         await db.OutboxMessages.AnyAsync(m => m.DedupKey.StartsWith($"receipt:{receipt}:"))));
    }

    [Fact]
    public async Task Year_end_summaries_each_with_its_e_mail_through_cuts_and_a_rerun()
    {
        await using var institution = await InstitutionAsync();
        var tomas = await institution.PersonaAsync(Personas.Advancement);
        var year = TestInstitution.Now.Year - 1;
        var receipts = institution.Get<Receipts>();
        int before;
        await using (var db = await institution.OpenAsync())
            before = await db.Receipts.MaxAsync(r => (int?)r.Id) ?? 0;

        async Task Consistent(string when)
        {
            await using var db = await institution.OpenAsync();
            var issued = await db.Receipts.Where(r => r.Id > before && r.Kind == ReceiptKind.AnnualSummary)
                .Select(r => new { r.Id, Emailable = db.Constituents.Where(Constituent.MayBeEmailed).Any(c => c.Id == r.DonorId) }).ToListAsync();
            var mailed = (await db.OutboxMessages.Where(m => m.Origin == Receipts.YearEndOrigin(year)).Select(m => m.AttachmentRef!).ToListAsync()).ToHashSet();
            Assert.All(issued, r => Assert.True(r.Emailable == mailed.Contains($"receipt:{r.Id}"), $"{when}: receipt {r.Id} {(r.Emailable ? "not e-mailed" : "e-mailed though it may not be")}"));
            Assert.Equal(issued.Count(r => r.Emailable), mailed.Count);
        }

        // Cut the run at its first few steps (each donor is one transaction), then let a rerun finish it.
        for (var step = 1; step <= 4; step++)
        {
            crash.Arm(step);
            await Assert.ThrowsAsync<SimulatedCrashException>(() => receipts.IssueAnnualSummariesAsync(tomas, year, email: true));
            await Consistent($"cut at step {step}");
        }
        crash.Arm(0);
        var rest = await receipts.IssueAnnualSummariesAsync(tomas, year, email: true);
        Assert.True(rest.Issued > 0);
        await Consistent("after the rerun");
        Assert.Equal(0, (await receipts.IssueAnnualSummariesAsync(tomas, year, email: true)).Issued);
    }

    [Fact]
    public async Task An_appeal_batch_its_recipients_marked_and_their_messages()
    {
        await using var institution = await InstitutionAsync();
        var tomas = await institution.PersonaAsync(Personas.Advancement);
        var segment = (int)(await institution.Get<Segments>().SaveAsync(tomas, null, "All donors", null, [new SegmentRule(SegmentRuleKind.GaveWithinMonths, Months: 240)], null)).Id!.Value;
        var id = (int)(await institution.Get<AppealCampaigns>().CreateAsync(tomas, new NewCampaign("Cut", segment, "Hello {{FirstName}}", "Dear {{FirstName}} {{UnsubscribeLink}}", institution.Time.GetUtcNow().UtcDateTime, 0m))).Id!.Value;
        var job = institution.Get<AppealCampaignJob>();

        async Task Consistent(string when)
        {
            await using var db = await institution.OpenAsync();
            var sent = await db.CampaignRecipients.CountAsync(r => r.CampaignId == id && r.Status == RecipientStatus.Sent);
            var messages = await db.OutboxMessages.CountAsync(m => m.Origin == AppealCampaignJob.OriginOf(id));
            Assert.True(sent == messages, $"{when}: {sent} recipients marked sent, {messages} messages");
        }

        for (var step = 1; step <= 4; step++)
        {
            crash.Arm(step);
            try
            {
                await job.RunAsync(dispatch: false, CancellationToken.None);
            }
            catch (Exception e) when (CrashInjection.IsCrash(e))
            {
                // killed mid-batch (perhaps while the unsubscribe links' key was being saved)
            }
            await Consistent($"cut at step {step}");
        }
        crash.Arm(0);
        await job.RunAsync(dispatch: false, CancellationToken.None);
        await Consistent("after the rerun");
        await using var done = await institution.OpenAsync();
        Assert.Equal(0, await done.CampaignRecipients.CountAsync(r => r.CampaignId == id && r.Status == RecipientStatus.Queued));
    }
}
