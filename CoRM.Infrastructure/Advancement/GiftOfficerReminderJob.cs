using CoRM.Domain.Access;
using CoRM.Domain.Advancement;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Advancement;

/// <summary>
/// Daily reminders for gift officers: a recurring gift's missed instalment (recorded once per schedule and date, with a
/// follow-up), and a pledge instalment falling due within the reminder window (once per instalment). The follow-up
/// goes to the officer who recorded the schedule's last gift, else the first advancement officer. From the configured
/// month on, each donor who gave at least the configured amount last year and nothing yet this year is a lapsed-donor
/// follow-up, once per donor and year, for the officer who recorded their last gift.
/// </summary>
public sealed class GiftOfficerReminderJob(IDbContextFactory<CormDbContext> dbFactory, IOptions<AdvancementOptions> options, TimeProvider time, ILogger<GiftOfficerReminderJob> logger)
{
    public const string RecurringJobId = "gift-officer-reminders";

    public sealed record Summary(int MissedInstalments, int PledgeReminders, int LapsedDonors = 0);

    /// <summary>The follow-up and the missed-instalment row in one transaction; the unique row makes a racing second run roll back.</summary>
    private async Task<bool> FlagAsync(CormDbContext db, RecurringGift schedule, DateOnly due, int owner, DateOnly today, DateTime now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var followUp = FollowUp.Create(schedule.DonorId, owner, Topic.Giving, $"Recurring gift of {schedule.Amount:N2} {schedule.Currency} missed ({due:d MMM yyyy})",
            "Check the mandate or card with the donor.", today, today, null, now);
        db.FollowUps.Add(followUp);
        await db.SaveChangesAsync(ct);
        db.MissedInstalments.Add(new MissedInstalment { RecurringGiftId = schedule.Id, DueOn = due, FlaggedAt = now, FollowUpId = followUp.Id });
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateException e)
        {
            await tx.RollbackAsync(ct);
            logger.LogInformation(e, "Missed instalment {DueOn} of recurring gift {RecurringGiftId} was flagged by another run", due, schedule.Id);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task<Summary> RunAsync(CancellationToken ct = default)
    {
        var today = time.Today();
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var fallback = await db.PortalUsers.Where(u => u.Roles.Contains(Roles.Advancement)).OrderBy(u => u.Id).Select(u => (int?)u.ConstituentId).FirstOrDefaultAsync(ct);
        if (fallback is null)
        {
            logger.LogWarning("No one has the Advancement role to own gift-officer follow-ups; nothing flagged");
            return new Summary(0, 0, 0);
        }

        var missed = 0;
        var schedules = await db.RecurringGifts.AsNoTracking().Where(r => r.StartsOn <= today && (r.EndsOn == null || r.EndsOn >= today.AddMonths(-12))).ToListAsync(ct);
        var ids = schedules.Select(s => s.Id).ToList();
        var payments = (await db.Gifts.Where(g => g.RecurringGiftId != null && ids.Contains(g.RecurringGiftId.Value))
            .Select(g => new { Id = g.RecurringGiftId!.Value, g.ReceivedOn, g.RecordedById }).ToListAsync(ct)).ToLookup(p => p.Id);
        var flagged = (await db.MissedInstalments.Where(m => ids.Contains(m.RecurringGiftId)).Select(m => new { m.RecurringGiftId, m.DueOn }).ToListAsync(ct))
            .Select(m => (m.RecurringGiftId, m.DueOn)).ToHashSet();
        foreach (var schedule in schedules)
        {
            foreach (var due in schedule.Missed(payments[schedule.Id].Select(p => p.ReceivedOn), today).Where(d => !flagged.Contains((schedule.Id, d))))
            {
                var owner = payments[schedule.Id].OrderByDescending(p => p.ReceivedOn).Select(p => p.RecordedById).FirstOrDefault() ?? fallback.Value;
                if (await FlagAsync(db, schedule, due, owner, today, now, ct)) missed++;
            }
        }

        var horizon = today.AddDays(options.Value.PledgeReminderDays);
        var instalments = await db.PledgeInstalments.Where(i => i.ReminderFollowUpId == null && i.DueOn >= today && i.DueOn <= horizon)
            .Join(db.Pledges.Where(p => p.CancelledOn == null), i => i.PledgeId, p => p.Id, (i, p) => new { Instalment = i, Pledge = p })
            .ToListAsync(ct);
        var pledgeIds = instalments.Select(x => x.Pledge.Id).Distinct().ToList();
        var paid = await db.Gifts.Where(g => g.PledgeId != null && pledgeIds.Contains(g.PledgeId.Value)).GroupBy(g => g.PledgeId!.Value)
            .Select(g => new { g.Key, Paid = g.Sum(x => x.Amount) }).ToDictionaryAsync(g => g.Key, g => g.Paid, ct);
        var reminders = 0;
        foreach (var x in instalments)
        {
            var full = await db.Pledges.Include(p => p.Instalments).SingleAsync(p => p.Id == x.Pledge.Id, ct);
            var owed = full.Schedule(paid.GetValueOrDefault(full.Id)).Single(r => r.Instalment.Id == x.Instalment.Id).Owed;
            if (owed <= 0) continue;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var followUp = FollowUp.Create(full.DonorId, fallback.Value, Topic.Giving, $"Pledge instalment {x.Instalment.Number} of {full.Instalments.Count} due {x.Instalment.DueOn:d MMM yyyy}: {owed:N2} {full.Currency}",
                null, x.Instalment.DueOn, today, null, now);
            db.FollowUps.Add(followUp);
            await db.SaveChangesAsync(ct);
            // Claimed with a conditional update: a second instance racing for the same instalment rolls back.
            var claimed = await db.PledgeInstalments.Where(i => i.Id == x.Instalment.Id && i.ReminderFollowUpId == null)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.ReminderFollowUpId, followUp.Id), ct);
            if (claimed == 1)
            {
                await tx.CommitAsync(ct);
                reminders++;
            }
            else
            {
                await tx.RollbackAsync(ct);
                logger.LogInformation("Pledge instalment {InstalmentId} was reminded by another run", x.Instalment.Id);
            }
            db.ChangeTracker.Clear();
        }
        var lapsed = today.Month >= options.Value.LapsedReminderFromMonth ? await RemindLapsedAsync(db, fallback.Value, today, now, ct) : 0;
        return new Summary(missed, reminders, lapsed);
    }

    internal sealed record LapsedDonor(int DonorId, decimal LastYearTotal, int? LastRecordedById);

    /// <summary>Gave at least the minimum last year, nothing since the year began, not yet reminded this year.</summary>
    internal static IQueryable<LapsedDonor> Lapsed(CormDbContext db, DateOnly today, decimal minimum)
    {
        var lastYear = new DateOnly(today.Year - 1, 1, 1);
        var thisYear = new DateOnly(today.Year, 1, 1);
        var year = today.Year;
        return db.Gifts.Where(g => g.ReceivedOn >= lastYear && g.ReceivedOn < thisYear)
            .GroupBy(g => g.DonorId)
            .Select(g => new { DonorId = g.Key, Total = g.Sum(x => x.Amount) })
            .Where(x => x.Total >= minimum)
            .Where(x => !db.Gifts.Any(g => g.DonorId == x.DonorId && g.ReceivedOn >= thisYear))
            .Where(x => !db.LapsedDonorReminders.Any(r => r.DonorId == x.DonorId && r.Year == year))
            .Select(x => new LapsedDonor(x.DonorId, x.Total,
                db.Gifts.Where(g => g.DonorId == x.DonorId).OrderByDescending(g => g.ReceivedOn).ThenByDescending(g => g.Id).Select(g => g.RecordedById).FirstOrDefault()));
    }

    private async Task<int> RemindLapsedAsync(CormDbContext db, int fallback, DateOnly today, DateTime now, CancellationToken ct)
    {
        var lapsed = await Lapsed(db, today, options.Value.LapsedReminderMinimum).ToListAsync(ct);
        // Only people who still work in advancement own the follow-up; others' donors go to the first officer.
        var officers = (await db.PortalUsers.Where(u => u.Roles.Contains(Roles.Advancement)).Select(u => u.ConstituentId).ToListAsync(ct)).ToHashSet();
        // Each officer's queue is paced: today's share, largest givers first, less what an earlier run today already created.
        var dayStart = time.StartOf(today);
        var alreadyToday = await db.LapsedDonorReminders.Where(r => r.CreatedAt >= dayStart)
            .Join(db.FollowUps, r => r.FollowUpId, f => f.Id, (r, f) => f.OwnerId).GroupBy(owner => owner).Select(g => new { Owner = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Owner, x => x.Count, ct);
        var perDay = options.Value.LapsedRemindersPerOfficerPerDay;
        var donors = lapsed.Select(d => (Donor: d, Owner: d.LastRecordedById is { } o && officers.Contains(o) ? o : fallback))
            .GroupBy(x => x.Owner)
            .SelectMany(g => g.OrderByDescending(x => x.Donor.LastYearTotal).ThenBy(x => x.Donor.DonorId).Take(Math.Max(0, perDay - alreadyToday.GetValueOrDefault(g.Key))))
            .ToList();
        var ids = donors.Select(d => d.Donor.DonorId).ToList();
        var names = await db.Constituents.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.DisplayName, ct);
        var reminded = 0;
        foreach (var (donor, owner) in donors)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var followUp = FollowUp.Create(donor.DonorId, owner, Topic.Giving, $"Lapsed donor: {names[donor.DonorId]} gave {donor.LastYearTotal:N2} in {today.Year - 1}, nothing yet in {today.Year}",
                "Thank them for last year's support and ask for this year's gift.", today.AddDays(7), today, null, now);
            db.FollowUps.Add(followUp);
            await db.SaveChangesAsync(ct);
            db.LapsedDonorReminders.Add(new LapsedDonorReminder { DonorId = donor.DonorId, Year = today.Year, LastYearTotal = donor.LastYearTotal, CreatedAt = now, FollowUpId = followUp.Id });
            try
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                reminded++;
            }
            catch (DbUpdateException e)
            {
                await tx.RollbackAsync(ct);
                logger.LogInformation(e, "Lapsed donor {DonorId} was reminded by another run", donor.DonorId);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return reminded;
    }
}
