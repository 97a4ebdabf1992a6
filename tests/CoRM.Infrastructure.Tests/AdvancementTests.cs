using CoRM.Domain.Access;
using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Jobs;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed class AdvancementTests : InstitutionTest
{
    private DateOnly Today => DateOnly.FromDateTime(Institution.Time.GetUtcNow().UtcDateTime);

    private async Task<(int Donor, int Spouse, int Fund)> MarriedDonorAsync()
    {
        await using var db = await Institution.OpenAsync();
        var couple = await db.Relationships.Where(r => r.Kind == RelationshipKind.Spouse).OrderBy(r => r.Id).Select(r => new { r.SubjectId, r.RelatedId }).FirstAsync();
        return (couple.SubjectId, couple.RelatedId, await db.Funds.Where(f => f.Code == "ANNUAL").Select(f => f.Id).SingleAsync());
    }

    [Fact]
    public async Task A_gift_with_a_soft_credit_shows_on_both_records_and_a_large_one_is_thanked()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var giving = Institution.Get<GivingRecords>();
        var (donor, spouse, fund) = await MarriedDonorAsync();
        var before = await giving.DonorAsync(tomas, donor);
        var spouseBefore = await giving.DonorAsync(tomas, spouse);

        var recorded = await giving.RecordGiftAsync(tomas, new RecordGiftRequest(donor, 2500m, null, Today, fund, PaymentMethod.BankTransfer,
            SoftCredits: [new SoftCreditRequest(spouse, 2500m, SoftCreditReason.Spouse)]));
        Assert.True(recorded.Succeeded, recorded.Message);

        var after = await giving.DonorAsync(tomas, donor);
        Assert.Equal(before!.Lifetime + 2500m, after!.Lifetime);
        Assert.Equal(Today, after.LastGiftOn);
        Assert.Equal(2500m, after.LastGiftAmount);
        Assert.Contains(after.SoftCreditsGiven, s => s.OtherId == spouse && s.Amount == 2500m);
        var spouseAfter = await giving.DonorAsync(tomas, spouse);
        Assert.Equal(spouseBefore!.SoftCreditsReceived + 2500m, spouseAfter!.SoftCreditsReceived);
        Assert.Equal(spouseBefore.Lifetime, spouseAfter.Lifetime); // soft credit is recognition, not money
        Assert.Equal(after.Lifetime + spouseAfter.Lifetime, after.HouseholdLifetime);
        Assert.Equal(after.Lifetime + spouseAfter.Lifetime, spouseAfter.HouseholdLifetime);

        await using var db = await Institution.OpenAsync();
        Assert.True(await db.FollowUps.AnyAsync(f => f.ConstituentId == donor && f.OwnerId == tomas.ConstituentId && f.Title.StartsWith("Thank") && f.DueOn == Today.AddDays(2)));
        Assert.True(await db.Interactions.AnyAsync(i => i.ConstituentId == donor && i.Topic == Topic.Giving && i.Subject == "Gift of 2,500.00 EUR to Annual Fund"));
    }

    [Fact]
    public async Task Giving_by_year_shows_the_years_without_a_gift_up_to_this_one()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var giving = Institution.Get<GivingRecords>();
        var (_, _, fund) = await MarriedDonorAsync();
        int newcomer;
        await using (var db = await Institution.OpenAsync())
            newcomer = await db.Constituents.Where(c => c.Kind == ConstituentKind.Person && !db.Gifts.Any(g => g.DonorId == c.Id) && !db.SoftCredits.Any(s => s.ConstituentId == c.Id))
                .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        Assert.Empty((await giving.DonorAsync(tomas, newcomer))!.ByYear);

        Assert.True((await giving.RecordGiftAsync(tomas, new RecordGiftRequest(newcomer, 80m, null, Today.AddYears(-4), fund, PaymentMethod.Card))).Succeeded);
        Assert.True((await giving.RecordGiftAsync(tomas, new RecordGiftRequest(newcomer, 60m, null, Today.AddYears(-2), fund, PaymentMethod.Card))).Succeeded);

        var years = (await giving.DonorAsync(tomas, newcomer))!.ByYear;
        Assert.Equal(Enumerable.Range(Today.Year - 4, 5), years.Select(y => y.Year));
        Assert.Equal([80m, 0m, 60m, 0m, 0m], years.Select(y => y.Hard));
    }

    [Fact]
    public async Task A_mistyped_gift_is_corrected_once_audited_and_its_receipt_reissued_with_the_new_figures()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var giving = Institution.Get<GivingRecords>();
        var receipts = Institution.Get<Receipts>();
        var (donor, _, fund) = await MarriedDonorAsync();
        var lifetime = (await giving.DonorAsync(tomas, donor))!.Lifetime;
        var id = (int)(await giving.RecordGiftAsync(tomas, new RecordGiftRequest(donor, 50m, null, Today, fund, PaymentMethod.Card))).Id!.Value;
        var receipt = (int)(await receipts.IssueForGiftAsync(tomas, id)).Id!.Value;
        var seen = (await giving.GiftForEditAsync(tomas, id))!;
        Assert.Equal((50m, (string?)(await receipts.ForDonorAsync(tomas, donor)).Single(r => r.Id == receipt).Number), (seen.Amount, seen.Receipt));

        var corrected = await giving.CorrectGiftAsync(tomas, new CorrectGiftRequest(id, 500m, Today, fund, null, PaymentMethod.Card, 0m, null, seen.Version));
        Assert.True(corrected.Succeeded, corrected.Message);
        var stale = await giving.CorrectGiftAsync(tomas, new CorrectGiftRequest(id, 5m, Today, fund, null, PaymentMethod.Card, 0m, null, seen.Version));
        Assert.Equal(CommandStatus.Conflict, stale.Status);
        Assert.Equal(CommandStatus.Invalid, (await giving.CorrectGiftAsync(tomas, new CorrectGiftRequest(id, 500m, Today, 9999, null, PaymentMethod.Card, 0m, null, (await giving.GiftForEditAsync(tomas, id))!.Version))).Status);
        Assert.Equal(CommandStatus.NotFound, (await giving.CorrectGiftAsync(await Institution.PersonaAsync(Personas.Faculty), new CorrectGiftRequest(id, 1m, Today, fund, null, PaymentMethod.Card, 0m, null, seen.Version))).Status);
        Assert.Null(await giving.GiftForEditAsync(await Institution.PersonaAsync(Personas.Parent), id));

        Assert.Equal(lifetime + 500m, (await giving.DonorAsync(tomas, donor))!.Lifetime);
        Assert.Equal(50m, (await receipts.ForDonorAsync(tomas, donor)).Single(r => r.Id == receipt).Deductible); // the receipt keeps what it printed
        var reissued = await receipts.ReissueAsync(tomas, receipt, "Amount was mistyped");
        Assert.True(reissued.Succeeded, reissued.Message);
        Assert.Equal(500m, (await receipts.ForDonorAsync(tomas, donor)).Single(r => r.Id == reissued.Id).Deductible);
        await using var db = await Institution.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.RecordType == "Gift" && a.Detail!.StartsWith($"Gift #{id} corrected: was 50.00 EUR")));
    }

    [Fact]
    public async Task A_bounced_gift_is_refunded_out_of_every_total_and_a_pledge_it_paid_opens_again()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var giving = Institution.Get<GivingRecords>();
        var receipts = Institution.Get<Receipts>();
        var (donor, spouse, fund) = await MarriedDonorAsync();
        var before = (await giving.DonorAsync(tomas, donor))!;
        var spouseBefore = (await giving.DonorAsync(tomas, spouse))!.SoftCreditsReceived;
        var pledge = (int)(await giving.MakePledgeAsync(tomas, new PledgeRequest(donor, 600m, fund, 2, Frequency.Monthly, Today))).Id!.Value;
        var payment = (int)(await giving.RecordGiftAsync(tomas, new RecordGiftRequest(donor, 300m, null, Today, fund, PaymentMethod.Cheque, PledgeId: pledge,
            SoftCredits: [new SoftCreditRequest(spouse, 300m, SoftCreditReason.Spouse)]))).Id!.Value;
        Assert.Equal(300m, (await giving.DonorAsync(tomas, donor))!.Pledges.Single(p => p.Id == pledge).Balance);

        Assert.Equal(CommandStatus.Invalid, (await giving.RefundGiftAsync(tomas, payment, " ")).Status); // a reason is required
        Assert.Equal(CommandStatus.NotFound, (await giving.RefundGiftAsync(await Institution.PersonaAsync(Personas.Faculty), payment, "Bounced")).Status);
        var receipt = (int)(await receipts.IssueForGiftAsync(tomas, payment)).Id!.Value;
        var receipted = await giving.RefundGiftAsync(tomas, payment, "Cheque bounced");
        Assert.Equal(CommandStatus.Invalid, receipted.Status);
        Assert.Contains("Void that receipt first", receipted.Message, StringComparison.Ordinal);

        Assert.True((await receipts.VoidAsync(tomas, receipt, "Cheque bounced")).Succeeded);
        Assert.True((await giving.RefundGiftAsync(tomas, payment, "Cheque bounced")).Succeeded);
        Assert.Equal(CommandStatus.NotFound, (await giving.RefundGiftAsync(tomas, payment, "Again")).Status);

        var after = (await giving.DonorAsync(tomas, donor))!;
        Assert.Equal(before.Lifetime, after.Lifetime);
        Assert.Equal(600m, after.Pledges.Single(p => p.Id == pledge).Balance);
        Assert.Equal(spouseBefore, (await giving.DonorAsync(tomas, spouse))!.SoftCreditsReceived);
        await using var db = await Institution.OpenAsync();
        Assert.False(await db.SoftCredits.AnyAsync(s => s.GiftId == payment));
        Assert.Equal(1, await db.Interactions.CountAsync(i => i.ConstituentId == donor && i.Subject.StartsWith("Gift of 300.00 EUR") && i.Subject.EndsWith("refunded") && i.Notes == "Cheque bounced"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.RecordType == "Gift" && a.Detail == $"Gift #{payment} of 300.00 EUR on {Today:yyyy-MM-dd} refunded: Cheque bounced"));
    }

    [Fact]
    public async Task Bad_gifts_change_nothing()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var giving = Institution.Get<GivingRecords>();
        var (donor, _, fund) = await MarriedDonorAsync();
        await using var db = await Institution.OpenAsync();
        var gifts = await db.Gifts.CountAsync();

        Assert.Equal(CommandStatus.Invalid, (await giving.RecordGiftAsync(tomas, new RecordGiftRequest(donor, -5m, null, Today, fund, PaymentMethod.Card))).Status);
        Assert.Equal(CommandStatus.Invalid, (await giving.RecordGiftAsync(tomas, new RecordGiftRequest(donor, 50m, null, Today, 9999, PaymentMethod.Card))).Status);
        Assert.Equal(CommandStatus.Invalid, (await giving.RecordGiftAsync(tomas, new RecordGiftRequest(donor, 50m, null, Today, fund, PaymentMethod.Card,
            SoftCredits: [new SoftCreditRequest(donor, 50m, SoftCreditReason.Spouse)]))).Status);
        Assert.Equal(CommandStatus.NotFound, (await giving.RecordGiftAsync(tomas, new RecordGiftRequest(987654, 50m, null, Today, fund, PaymentMethod.Card))).Status);
        Assert.Equal(gifts, await db.Gifts.CountAsync());
    }

    [Fact]
    public async Task Pledge_payments_reduce_the_balance_and_move_the_next_instalment()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var giving = Institution.Get<GivingRecords>();
        var (donor, _, fund) = await MarriedDonorAsync();
        var made = await giving.MakePledgeAsync(tomas, new PledgeRequest(donor, 1200m, fund, 4, Frequency.Quarterly, Today.AddDays(-1)));
        Assert.Equal(CommandStatus.Invalid, made.Status); // the first instalment cannot precede the pledge
        made = await giving.MakePledgeAsync(tomas, new PledgeRequest(donor, 1200m, fund, 4, Frequency.Quarterly, Today));
        Assert.True(made.Succeeded, made.Message);
        var pledgeId = (int)made.Id!.Value;

        Assert.True((await giving.RecordGiftAsync(tomas, new RecordGiftRequest(donor, 450m, null, Today, fund, PaymentMethod.BankTransfer, PledgeId: pledgeId))).Succeeded);
        var row = (await giving.DonorAsync(tomas, donor))!.Pledges.Single(p => p.Id == pledgeId);
        Assert.Equal((450m, 750m), (row.Paid, row.Balance));
        Assert.Equal(Today.AddMonths(3), row.NextDueOn);
        Assert.Equal(150m, row.NextDueAmount);

        // Someone else's pledge cannot be paid from this donor's gift.
        var (other, _, _) = (await Institution.ConstituentIdAsync(Personas.Volunteer), 0, 0);
        Assert.Equal(CommandStatus.Invalid, (await giving.RecordGiftAsync(tomas, new RecordGiftRequest(other, 10m, null, Today, fund, PaymentMethod.Card, PledgeId: pledgeId))).Status);
    }

    [Fact]
    public async Task A_missed_recurring_instalment_is_flagged_once_with_a_follow_up()
    {
        var job = Institution.Get<GiftOfficerReminderJob>();
        var first = await job.RunAsync();
        Assert.True(first.MissedInstalments >= 1, "the demo's failed direct debit");
        var again = await job.RunAsync();
        Assert.Equal((0, 0), (again.MissedInstalments, again.PledgeReminders));

        await using var db = await Institution.OpenAsync();
        var flagged = await db.MissedInstalments.ToListAsync();
        Assert.Equal(first.MissedInstalments, flagged.Count);
        Assert.All(flagged, m => Assert.NotNull(m.FollowUpId));
        Assert.Equal(first.MissedInstalments, await db.FollowUps.CountAsync(f => f.Title.StartsWith("Recurring gift of")));
        Assert.Equal(first.PledgeReminders, await db.PledgeInstalments.CountAsync(i => i.ReminderFollowUpId != null));
    }

    [Fact]
    public async Task Donors_who_gave_last_year_and_not_this_year_are_reminded_once_to_their_officer()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var lastYear = new DateOnly(Today.Year - 1, 1, 1);
        var thisYear = new DateOnly(Today.Year, 1, 1);
        List<int> expected;
        int returning;
        await using (var db = await Institution.OpenAsync())
        {
            var gifts = await db.Gifts.Select(g => new { g.DonorId, g.ReceivedOn, g.Amount }).ToListAsync();
            expected = gifts.Where(g => g.ReceivedOn >= lastYear && g.ReceivedOn < thisYear).GroupBy(g => g.DonorId)
                .Where(g => g.Sum(x => x.Amount) >= 250m && !gifts.Any(x => x.DonorId == g.Key && x.ReceivedOn >= thisYear)).Select(g => g.Key).Order().ToList();
            returning = gifts.Where(g => g.ReceivedOn >= lastYear && g.ReceivedOn < thisYear && gifts.Any(x => x.DonorId == g.DonorId && x.ReceivedOn >= thisYear)).Select(g => g.DonorId).First();
        }
        Assert.NotEmpty(expected);

        // A day's share per officer (10 by default): the demo's lapsed donors all fit in one day.
        Assert.InRange(expected.Count, 1, 10);
        var job = Institution.Get<GiftOfficerReminderJob>();
        Assert.Equal(expected.Count, (await job.RunAsync()).LapsedDonors);
        Assert.Equal(0, (await job.RunAsync()).LapsedDonors);

        await using var check = await Institution.OpenAsync();
        var reminded = await check.LapsedDonorReminders.Where(r => r.Year == Today.Year).Select(r => r.DonorId).OrderBy(id => id).ToListAsync();
        Assert.Equal(expected, reminded);
        Assert.DoesNotContain(returning, reminded);
        var followUps = await check.FollowUps.Where(f => f.Title.StartsWith("Lapsed donor:")).ToListAsync();
        Assert.Equal(expected.Count, followUps.Count);
        Assert.All(followUps, f => Assert.Equal(tomas.ConstituentId, f.OwnerId)); // the demo's gifts were all recorded by Tomás or by nobody
    }

    [Fact]
    public async Task Lapsed_donors_reach_their_officer_a_few_a_day_largest_givers_first()
    {
        await using var institution = await TestInstitution.CreateAsync(new Dictionary<string, string?>
        {
            ["Advancement:LapsedRemindersPerOfficerPerDay"] = "2",
            ["Advancement:LapsedReminderMinimum"] = "1", // every lapsed donor of the demo, so there are several days' worth
        });
        var lastYear = new DateOnly(Today.Year - 1, 1, 1);
        var thisYear = new DateOnly(Today.Year, 1, 1);
        List<(int Donor, decimal Total)> expected;
        await using (var db = await institution.OpenAsync())
        {
            var gifts = await db.Gifts.Select(g => new { g.DonorId, g.ReceivedOn, g.Amount }).ToListAsync();
            expected = gifts.Where(g => g.ReceivedOn >= lastYear && g.ReceivedOn < thisYear).GroupBy(g => g.DonorId)
                .Select(g => (Donor: g.Key, Total: g.Sum(x => x.Amount)))
                .Where(x => x.Total >= 1m && !gifts.Any(g => g.DonorId == x.Donor && g.ReceivedOn >= thisYear))
                .OrderByDescending(x => x.Total).ThenBy(x => x.Donor).ToList();
        }
        Assert.True(expected.Count > 2, "the demo needs more lapsed donors than one day's share");

        var job = institution.Get<GiftOfficerReminderJob>();
        var days = new List<int>();
        for (var day = 0; day < expected.Count; day++)
        {
            days.Add((await job.RunAsync()).LapsedDonors);
            Assert.Equal(0, (await job.RunAsync()).LapsedDonors); // a rerun the same day adds nothing
            institution.Time.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(expected.Count, days.Sum());
        Assert.All(days.Take(expected.Count / 2), n => Assert.Equal(2, n));
        await using var check = await institution.OpenAsync();
        var order = await check.LapsedDonorReminders.OrderBy(r => r.CreatedAt).ThenByDescending(r => r.LastYearTotal).Select(r => r.DonorId).ToListAsync();
        Assert.Equal(expected.Select(x => x.Donor), order);
    }

    [Fact]
    public async Task Donor_scores_are_recomputed_from_the_gifts_and_agree_with_a_count_by_hand()
    {
        var job = Institution.Get<DonorScoreJob>();
        var donors = await job.RunAsync();
        Assert.Equal(donors, await job.RunAsync()); // a rerun replaces, never adds

        await using var db = await Institution.OpenAsync();
        Assert.Equal(await db.Gifts.Select(g => g.DonorId).Distinct().CountAsync(), await db.DonorScores.CountAsync());
        var sample = await db.DonorScores.OrderByDescending(s => s.LifetimeTotal).FirstAsync();
        var gifts = await db.Gifts.Where(g => g.DonorId == sample.ConstituentId).ToListAsync();
        Assert.Equal(gifts.Sum(g => g.Amount), sample.LifetimeTotal);
        Assert.Equal(gifts.Max(g => g.ReceivedOn), sample.LastGiftOn);
        Assert.InRange(sample.Monetary, 4, 5); // the biggest lifetime giver is near the top for money given recently
        Assert.All(await db.DonorScores.Where(s => s.WindowGifts > 0).ToListAsync(), s => Assert.InRange(s.Recency, 1, 5));
    }

    [Fact]
    public async Task Faculty_parents_and_other_roles_see_no_gifts_and_record_none()
    {
        var (donor, _, fund) = await MarriedDonorAsync();
        foreach (var who in new[] { Personas.Faculty, Personas.Parent, Personas.StudentSuccess, Personas.Admissions, Personas.CaseWorker, Personas.VolunteerCoordinator, Personas.Volunteer, Personas.Student })
        {
            var user = await Institution.PersonaAsync(who);
            var giving = Institution.Get<GivingRecords>();
            Assert.Null(await giving.DonorAsync(user, donor));
            Assert.Empty((await giving.RecentAsync(user, null, 0, 25)).Items);
            Assert.Equal(CommandStatus.NotFound, (await giving.RecordGiftAsync(user, new RecordGiftRequest(donor, 10m, null, Today, fund, PaymentMethod.Card))).Status);
        }
        Assert.NotNull(await Institution.Get<GivingRecords>().DonorAsync(await Institution.PersonaAsync(Personas.Admin), donor));
    }

    [Fact]
    public async Task Advancement_staff_see_no_grades_or_case_notes_on_a_timeline()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var visible = TopicVisibility.VisibleTo(tomas);
        Assert.DoesNotContain(Topic.Advising, visible);
        Assert.DoesNotContain(Topic.Case, visible);
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        var timeline = await Institution.Get<Constituents.ConstituentRecords>().GetTimelineAsync(tomas, sofia, null, 0, 100);
        Assert.DoesNotContain(timeline.Items, t => t.Topic is Topic.Advising or Topic.Case);
        Assert.Null(await Institution.Get<StudentSuccess.StudentAcademicRecord>().GetAsync(tomas, sofia));
    }
}
