using CoRM.Domain.Admissions;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Admissions;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Admissions;

/// <summary>
/// Daily: an application still incomplete N days after it was started, and an offer whose deposit is still unpaid
/// N days after the decision, each get one follow-up for the counsellor and one reminder e-mail to the applicant
/// (and the parent on file). Deposits paid through the billing import move the file to "deposit paid" here too.
/// Each file is handled in its own transaction that also stamps it, and the application's version token makes a
/// second instance running at the same moment fail that file instead of sending twice.
/// </summary>
public sealed class AdmissionsReminderJob(IDbContextFactory<CormDbContext> dbFactory, OutboxDispatcher dispatcher, IOptions<AdmissionsOptions> options,
    TimeProvider time, ILogger<AdmissionsReminderJob> logger)
{
    public const string RecurringJobId = "admissions-reminders";

    public sealed record Summary(int IncompleteReminders, int DepositReminders, int DepositsPickedUp);

    public async Task<Summary> RunAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow();
        var today = time.Today();
        var settings = options.Value;
        int incomplete = 0, deposits = 0, pickedUp = 0;

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var paid = await DepositsPaid(db).ToListAsync(ct);
            foreach (var application in paid) application.DepositPaid(now);
            pickedUp = await SaveAsync(db, paid.Count, ct);
        }

        var stalledBefore = now.AddDays(-settings.IncompleteAfterDays);
        var stalled = await IdsAsync(a => a.Stage == AdmissionStage.Started && a.StartedAt <= stalledBefore && a.IncompleteReminderAt == null, ct);
        foreach (var id in stalled)
            if (await RemindAsync(id, a => a.IncompleteReminderAt == null && a.IsStalledOn(now, settings.IncompleteAfterDays), a =>
                {
                    a.IncompleteReminderAt = now;
                    var missing = string.Join(", ", a.MissingDocuments);
                    return ("incomplete", $"Incomplete application: missing {missing}",
                        "Your application is not complete yet",
                        $"Your application is still missing: {missing}. Please send them so that our readers can consider it. If you have questions, reply to this message.");
                }, ct))
                incomplete++;

        var lateBefore = now.AddDays(-settings.DepositReminderAfterDays);
        var late = await IdsAsync(a => a.Stage == AdmissionStage.Admitted && a.DecidedAt <= lateBefore && a.DepositReminderAt == null, ct);
        foreach (var id in late)
            if (await RemindAsync(id, a => a.DepositReminderAt == null && a.DepositIsLateOn(now, settings.DepositReminderAfterDays), a =>
                {
                    a.DepositReminderAt = now;
                    return ("deposit", $"Deposit unpaid {settings.DepositReminderAfterDays} days after the offer",
                        "Secure your place: deposit reminder",
                        $"We have not yet received the deposit of {a.DepositAmount:N2} that secures your place" +
                        (a.DepositDueOn is { } due ? $"; it is due on {Common.InstitutionFormat.Date(due)}." : ".") + " If you have already paid, thank you, and please ignore this message.");
                }, ct))
                deposits++;

        await dispatcher.DispatchPendingAsync(ct);
        return new Summary(incomplete, deposits, pickedUp);
    }

    /// <summary>Offers whose deposit invoice has been paid in full (at the desk or through the billing import).</summary>
    internal static IQueryable<AdmissionApplication> DepositsPaid(CormDbContext db) =>
        db.AdmissionApplications.Where(a => a.Stage == AdmissionStage.Admitted && a.DepositInvoiceId != null)
            .Where(a => db.TuitionInvoices.Where(i => i.Id == a.DepositInvoiceId).Select(i => i.Amount - i.Payments.Sum(p => p.Amount)).First() <= 0);

    private async Task<List<int>> IdsAsync(System.Linq.Expressions.Expression<Func<AdmissionApplication, bool>> due, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AdmissionApplications.Where(due).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
    }

    /// <summary>One file, one transaction: the stamp, the follow-up and the e-mails land together or not at all.</summary>
    private async Task<bool> RemindAsync(int applicationId, Func<AdmissionApplication, bool> stillDue,
        Func<AdmissionApplication, (string Kind, string FollowUpTitle, string Subject, string Body)> remind, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await db.AdmissionApplications.SingleAsync(a => a.Id == applicationId, ct);
        if (!stillDue(application)) return false;
        var now = time.UtcNow();
        var (kind, title, subject, body) = remind(application);
        var owner = application.CounsellorId ?? await AdmissionsPipeline.NextCounsellorAsync(db, ct);
        if (owner is null)
        {
            logger.LogWarning("Application {ApplicationId} needs a {Kind} reminder but no one has the Admissions role to own the follow-up", applicationId, kind);
            return false;
        }
        db.FollowUps.Add(FollowUp.Create(application.ApplicantId, owner.Value, Topic.Admissions, title, $"Application {application.Id}. A reminder e-mail was sent.",
            time.Today(), time.Today(), null, now));
        db.Interactions.Add(Interaction.Log(application.ApplicantId, Channel.Email, Topic.Admissions, subject, body, now, null, now));
        await AdmissionsPipeline.QueueLettersAsync(db, application, $"{kind}-reminder:{application.Id}", subject, body, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueIndexes.Violated(db.Model, e) == "IX_OutboxMessages_DedupKey")
        {
            // Another instance reminded this file at the same moment; its transaction won, ours sent nothing. (SQLite
            // serialises the two and this one finds the stamp changed; a server lets both write and the outbox key refuses
            // the second.)
            logger.LogInformation("Application {ApplicationId}: {Kind} reminder already sent by another run", applicationId, kind);
            return false;
        }
    }

    private async Task<int> SaveAsync(CormDbContext db, int count, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return count;
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Deposits were picked up by another run at the same time");
            return 0;
        }
    }
}
