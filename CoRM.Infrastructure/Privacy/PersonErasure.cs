using System.Linq.Expressions;
using System.Reflection;
using System.Security.Cryptography;
using CoRM.Domain.Academics;
using CoRM.Domain.Admissions;
using CoRM.Domain.Advancement;
using CoRM.Domain.Auditing;
using CoRM.Domain.Cases;
using CoRM.Domain.Constituents;
using CoRM.Domain.Privacy;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Privacy;

public enum ErasureAction
{
    /// <summary>The rows go.</summary>
    Delete,
    /// <summary>The rows stay (the law or the institution's accounts need them) and point at the pseudonym; their personal text goes.</summary>
    KeepPseudonymous,
}

/// <summary>What erasing a person did: rows removed and scrubbed per registry entry, and the pseudonym left behind.</summary>
public sealed record ErasureReport(string Pseudonym, int Deleted, int Scrubbed, IReadOnlyDictionary<string, int> PerColumn);

/// <summary>
/// Erasure (GDPR article 17) by the person registry: for every column that names the person as a row's subject, a
/// decided action — delete the rows, or keep them under the pseudonym the person's record becomes (gifts, receipts,
/// pledges: tax law; the audit log and the request itself: accountability). Then every registered text column, on
/// anybody's rows, loses the person's name, e-mail addresses and phone numbers wherever they were copied. A test fails
/// when a registry entry has no decided action here, and another erases a person with a row in every table and then
/// searches every registered column for anything of them.
/// </summary>
public static class PersonErasure
{
    public const string Erased = "[erased]";

    public static IReadOnlyDictionary<string, (ErasureAction Action, string Why)> Policy { get; } = new Dictionary<string, (ErasureAction, string)>
    {
        ["Hat.ConstituentId"] = (ErasureAction.Delete, "roles the person wore"),
        ["Address.ConstituentId"] = (ErasureAction.Delete, "postal addresses"),
        ["ContactPoint.ConstituentId"] = (ErasureAction.Delete, "phones and e-mail addresses"),
        ["Relationship.SubjectId"] = (ErasureAction.Delete, "relationships and their access grants"),
        ["Relationship.RelatedId"] = (ErasureAction.Delete, "relationships and their access grants"),
        ["PortalUser.ConstituentId"] = (ErasureAction.Delete, "the sign-in"),
        ["DuplicateCandidate.FirstId"] = (ErasureAction.Delete, "possible duplicates"),
        ["DuplicateCandidate.SecondId"] = (ErasureAction.Delete, "possible duplicates"),
        ["MergeRecord.SurvivorId"] = (ErasureAction.KeepPseudonymous, "that a merge happened; its before-image (the old records) goes, so it can no longer be undone"),
        ["MergeRecord.MergedId"] = (ErasureAction.KeepPseudonymous, "that a merge happened; its before-image goes"),
        ["Interaction.ConstituentId"] = (ErasureAction.Delete, "the timeline, case notes included"),
        ["FollowUp.ConstituentId"] = (ErasureAction.Delete, "tasks owed to the person"),
        ["ConstituentAction.ConstituentId"] = (ErasureAction.Delete, "actions taken (the campaign's and the dashboard's counts drop by them)"),
        ["EngagementScore.ConstituentId"] = (ErasureAction.Delete, "the engagement score and level"),
        ["EngagementLevelChange.ConstituentId"] = (ErasureAction.Delete, "moves on the engagement ladder"),
        ["RuleFiring.ConstituentId"] = (ErasureAction.Delete, "engagement rules' firings (nobody erased is acted on again: they are in no segment)"),
        ["PersonTag.ConstituentId"] = (ErasureAction.Delete, "tags on the person"),
        ["FormSubmission.ConstituentId"] = (ErasureAction.Delete, "public forms signed or replied to (their consent records go with the consent history)"),
        ["CaseClient.ConstituentId"] = (ErasureAction.Delete, "being a client of a closed case (the case keeps its counts; a case left without clients loses its text)"),
        ["ConstituentFlag.ConstituentId"] = (ErasureAction.Delete, "flags"),
        ["ProgrammeEnrolment.StudentId"] = (ErasureAction.Delete, "enrolments (only after their retention period: a legal hold before)"),
        ["CourseResult.StudentId"] = (ErasureAction.Delete, "grades"),
        ["AttendanceRecord.StudentId"] = (ErasureAction.Delete, "absences"),
        ["AssessmentResult.StudentId"] = (ErasureAction.Delete, "assessment dates and scores"),
        ["TuitionInvoice.StudentId"] = (ErasureAction.Delete, "settled tuition invoices and payments (unpaid tuition is a legal hold)"),
        ["RiskAssessment.StudentId"] = (ErasureAction.Delete, "dropout-risk assessments"),
        ["RiskAlert.StudentId"] = (ErasureAction.Delete, "risk alerts"),
        ["FamilyRequest.ChildId"] = (ErasureAction.Delete, "parents' requests about the person"),
        ["FamilyRequest.ParentId"] = (ErasureAction.Delete, "requests the person sent as a parent"),
        ["ParentInvitation.ParentId"] = (ErasureAction.Delete, "invitations to the family portal"),
        ["InformationRequest.ProspectId"] = (ErasureAction.Delete, "requests for information"),
        ["AdmissionApplication.ApplicantId"] = (ErasureAction.Delete, "applications, with their readers' evaluations"),
        ["AdmissionApplication.GuardianId"] = (ErasureAction.KeepPseudonymous, "someone else's application: the guardian's name and address on it go"),
        ["VolunteerProfile.ConstituentId"] = (ErasureAction.Delete, "skills and availability"),
        ["SignUp.VolunteerId"] = (ErasureAction.Delete, "shift sign-ups and hours"),
        ["CalendarFeed.ConstituentId"] = (ErasureAction.Delete, "calendar addresses"),
        ["Gift.DonorId"] = (ErasureAction.KeepPseudonymous, "gift amounts and dates, for the tax retention period (descriptions go)"),
        ["SoftCredit.ConstituentId"] = (ErasureAction.KeepPseudonymous, "credit for a gift, which stays in the giving totals"),
        ["Pledge.DonorId"] = (ErasureAction.KeepPseudonymous, "pledges, part of the accounts"),
        ["RecurringGift.DonorId"] = (ErasureAction.KeepPseudonymous, "recurring gift schedules, part of the accounts"),
        ["DonorScore.ConstituentId"] = (ErasureAction.Delete, "RFM scores"),
        ["LapsedDonorReminder.DonorId"] = (ErasureAction.Delete, "renewal reminders"),
        ["Receipt.DonorId"] = (ErasureAction.KeepPseudonymous, "issued receipts, for the tax retention period; the printed name becomes the pseudonym and the address goes"),
        ["EventRegistration.ConstituentId"] = (ErasureAction.KeepPseudonymous, "event tickets (a ticket is a payment)"),
        ["CampaignRecipient.ConstituentId"] = (ErasureAction.KeepPseudonymous, "that an appeal was sent (so it is never sent twice); the letter and address go"),
        ["OutboxMessage.RecipientConstituentId"] = (ErasureAction.KeepPseudonymous, "that an e-mail was sent; address, subject and text go, and unsent ones are deleted"),
        ["AuditEntry.SubjectConstituentId"] = (ErasureAction.KeepPseudonymous, "who read or changed the record, when (accountability); the details go"),
        ["ConsentRecord.ConstituentId"] = (ErasureAction.Delete, "consent history (nobody erased is contacted again)"),
        ["PrivacyRequest.SubjectId"] = (ErasureAction.KeepPseudonymous, "that the person asked and was answered: the record of the erasure; what they wrote goes"),
        ["SubjectAccessExport.SubjectId"] = (ErasureAction.Delete, "exports of the person's data"),
    };

    public static async Task<ErasureFacts> FactsAsync(CormDbContext db, int id, DateOnly today, CancellationToken ct)
    {
        var open = await db.CaseClients.Where(c => c.ConstituentId == id)
            .Join(db.Cases.Where(c => c.Status == CaseStatus.Intake || c.Status == CaseStatus.Open || c.Status == CaseStatus.OnHold), cc => cc.CaseId, c => c.Id, (cc, c) => c.Id)
            .ToListAsync(ct);
        var invoiced = await db.TuitionInvoices.Where(i => i.StudentId == id).SumAsync(i => (decimal?)i.Amount, ct) ?? 0;
        var paid = await db.TuitionInvoices.Where(i => i.StudentId == id).SelectMany(i => i.Payments).SumAsync(p => (decimal?)p.Amount, ct) ?? 0;
        var terms = await db.ProgrammeEnrolments.Where(e => e.StudentId == id).Join(db.Terms, e => e.TermId, t => t.Id, (e, t) => new { e.Status, t.EndsOn }).ToListAsync(ct);
        return new ErasureFacts(open.Select(Case.FormatReference).ToList(), Math.Max(0, invoiced - paid), Money.DefaultCurrency,
            terms.Count == 0 ? null : terms.Max(t => t.EndsOn),
            terms.Any(t => t.Status is EnrolmentStatus.Enrolled or EnrolmentStatus.Suspended && t.EndsOn >= today));
    }

    /// <summary>
    /// Erases the person inside the caller's transaction. The caller has checked the holds and the two officers; this
    /// does the work and leaves one audit entry that says an erasure happened (nothing about whom, beyond the pseudonym).
    /// </summary>
    public static async Task<ErasureReport> EraseAsync(CormDbContext db, int id, DateTime now, CancellationToken ct)
    {
        var person = await db.Constituents.SingleAsync(c => c.Id == id, ct);
        var merged = await db.Constituents.Where(c => c.MergedIntoId == id).ToListAsync(ct);
        var everyId = merged.Select(m => m.Id).Append(id).ToList();
        // What to look for in text anywhere: names and addresses as they were written, before they go.
        var needles = await NeedlesAsync(db, everyId, ct);
        var pseudonym = $"Erased person {Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}";
        var per = new Dictionary<string, int>();
        int deleted = 0, scrubbed = 0;
        void Count(string key, int n, bool delete) { per[key] = per.GetValueOrDefault(key) + n; if (delete) deleted += n; else scrubbed += n; }

        foreach (var who in everyId)
        {
            // Rows that point at the person's tasks, assessments, invoices and applications go first.
            var followUps = db.FollowUps.Where(f => f.ConstituentId == who).Select(f => (int?)f.Id);
            await db.PledgeInstalments.Where(p => followUps.Contains(p.ReminderFollowUpId)).ExecuteUpdateAsync(s => s.SetProperty(p => p.ReminderFollowUpId, (int?)null), ct);
            await db.MissedInstalments.Where(m => followUps.Contains(m.FollowUpId)).ExecuteUpdateAsync(s => s.SetProperty(m => m.FollowUpId, (int?)null), ct);
            Count("LapsedDonorReminder.DonorId", await db.LapsedDonorReminders.Where(r => r.DonorId == who || followUps.Contains(r.FollowUpId)).ExecuteDeleteAsync(ct), true);
            Count("RiskAlert.StudentId", await db.RiskAlerts.Where(a => a.StudentId == who).ExecuteDeleteAsync(ct), true);
            // An inquiry that led to the application keeps its own row (it may be someone else's, a parent's) but not the link.
            var applications = db.AdmissionApplications.Where(a => a.ApplicantId == who).Select(a => (int?)a.Id);
            await db.InformationRequests.Where(r => applications.Contains(r.ApplicationId)).ExecuteUpdateAsync(s => s.SetProperty(r => r.ApplicationId, (int?)null), ct);
            Count("AdmissionApplication.ApplicantId", await db.AdmissionApplications.Where(a => a.ApplicantId == who).ExecuteDeleteAsync(ct), true);
            var users = db.PortalUsers.Where(u => u.ConstituentId == who).Select(u => (int?)u.Id);
            Count("ParentInvitation.ParentId", await db.ParentInvitations.Where(i => i.ParentId == who || users.Contains(i.RedeemedByPortalUserId)).ExecuteDeleteAsync(ct), true);

            foreach (var (name, (action, _)) in Policy.Where(p => p.Value.Action == ErasureAction.Delete))
            {
                var column = PersonRegistry.Columns.Single(c => c.Name == name);
                Count(name, await DeleteAsync(db, column, who, ct), true);
            }

            // Kept rows lose their personal text.
            Count("AdmissionApplication.GuardianId", await db.AdmissionApplications.Where(a => a.GuardianId == who)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.GuardianId, (int?)null).SetProperty(a => a.GuardianName, (string?)null).SetProperty(a => a.GuardianEmail, (string?)null), ct), false);
            Count("Gift.DonorId", await db.Gifts.Where(g => g.DonorId == who).ExecuteUpdateAsync(s => s.SetProperty(g => g.Description, (string?)null), ct), false);
            Count("Receipt.DonorId", await db.Receipts.Where(r => r.DonorId == who)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.DonorName, pseudonym).SetProperty(r => r.DonorAddress, "").SetProperty(r => r.DonorId, id), ct), false);
            Count("CampaignRecipient.ConstituentId", await db.CampaignRecipients.Where(r => r.ConstituentId == who)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.MailingAddress, (string?)null).SetProperty(r => r.LetterBody, (string?)null), ct), false);
            Count("OutboxMessage.RecipientConstituentId", await db.OutboxMessages.Where(m => m.RecipientConstituentId == who && m.SentAt == null).ExecuteDeleteAsync(ct), true);
            Count("OutboxMessage.RecipientConstituentId", await db.OutboxMessages.Where(m => m.RecipientConstituentId == who)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ToAddress, "erased@invalid").SetProperty(m => m.ToName, "").SetProperty(m => m.Subject, Erased)
                    .SetProperty(m => m.TextBody, "").SetProperty(m => m.HtmlBody, (string?)null).SetProperty(m => m.LastError, (string?)null), ct), false);
            Count("AuditEntry.SubjectConstituentId", await db.AuditEntries.Where(a => a.SubjectConstituentId == who).ExecuteUpdateAsync(s => s.SetProperty(a => a.Detail, (string?)null), ct), false);
            await db.AuditEntries.Where(a => a.UserConstituentId == who).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, pseudonym).SetProperty(a => a.RemoteAddress, (string?)null), ct);
            Count("MergeRecord.SurvivorId", await db.MergeRecords.Where(m => m.SurvivorId == who || m.MergedId == who)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Summary, Erased).SetProperty(m => m.BeforeImage, "{}"), ct), false);
            Count("PrivacyRequest.SubjectId", await db.PrivacyRequests.Where(r => r.SubjectId == who).ExecuteUpdateAsync(s => s.SetProperty(r => r.Details, Erased), ct), false);
        }

        // Cases left without any client lose their text (their counts stay in the outcome measures).
        var orphaned = db.Cases.Where(c => !db.CaseClients.Any(x => x.CaseId == c.Id));
        await db.CaseGoals.Where(g => orphaned.Any(c => c.Id == g.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(g => g.Title, Erased), ct);
        await db.CaseReviews.Where(r => orphaned.Any(c => c.Id == r.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(r => r.Notes, (string?)null), ct);
        await db.CaseAccessGrants.Where(g => orphaned.Any(c => c.Id == g.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(g => g.Reason, Erased), ct);
        await orphaned.ExecuteUpdateAsync(s => s.SetProperty(c => c.Summary, Erased).SetProperty(c => c.ReferralSource, (string?)null).SetProperty(c => c.CloseReason, (string?)null), ct);

        // Copies in anybody's text: notes about someone else that name the person, letters, audit details. One statement
        // per column for all the needles: a table of millions of notes is read once, not once per needle.
        if (needles.Count > 0)
            foreach (var text in PersonRegistry.Texts)
                scrubbed += await ScrubAsync(db, text, needles, ct);

        foreach (var m in merged) m.Erase($"{pseudonym} (merged record)", now);
        person.Erase(pseudonym, now);
        await db.SaveChangesAsync(ct);
        return new ErasureReport(pseudonym, deleted, scrubbed, per);
    }

    /// <summary>The strings that identify the person in free text: their names as written, their addresses and numbers.</summary>
    private static async Task<IReadOnlyList<string>> NeedlesAsync(CormDbContext db, IReadOnlyList<int> ids, CancellationToken ct)
    {
        var people = await db.Constituents.Where(c => ids.Contains(c.Id)).Select(c => new { c.DisplayName, c.Email, c.StudentNumber }).ToListAsync(ct);
        var points = await db.ContactPoints.Where(p => ids.Contains(p.ConstituentId)).Select(p => p.Value).ToListAsync(ct);
        var addresses = await db.Addresses.Where(a => ids.Contains(a.ConstituentId)).Select(a => a.Street).ToListAsync(ct);
        return people.SelectMany(p => new[] { p.DisplayName, p.Email, p.StudentNumber }).Concat(points).Concat(addresses)
            .Where(s => s is { Length: >= 5 }).Select(s => s!).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToList();
    }

    private static readonly MethodInfo DeleteMethod = typeof(PersonErasure).GetMethod(nameof(DeleteRows), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ScrubMethod = typeof(PersonErasure).GetMethod(nameof(ScrubRows), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static Task<int> DeleteAsync(CormDbContext db, PersonColumn column, int id, CancellationToken ct) =>
        (Task<int>)DeleteMethod.MakeGenericMethod(column.Entity).Invoke(null, [db, column.Property, id, ct])!;

    private static Task<int> DeleteRows<T>(CormDbContext db, string property, int id, CancellationToken ct) where T : class =>
        SubjectAccess.Matching<T>(db, property, id).ExecuteDeleteAsync(ct);

    private static Task<int> ScrubAsync(CormDbContext db, PersonalText text, IReadOnlyList<string> needles, CancellationToken ct) =>
        (Task<int>)ScrubMethod.MakeGenericMethod(text.Entity).Invoke(null, [db, text.Property, needles, ct])!;

    private static readonly MethodInfo Contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo Replace = typeof(string).GetMethod(nameof(string.Replace), [typeof(string), typeof(string)])!;

    /// <summary>UPDATE … SET column = REPLACE(REPLACE(column, a, '[erased]'), b, '[erased]') WHERE column LIKE '%a%' OR column LIKE '%b%'.</summary>
    private static Task<int> ScrubRows<T>(CormDbContext db, string property, IReadOnlyList<string> needles, CancellationToken ct) where T : class
    {
        var row = Expression.Parameter(typeof(T), "row");
        var column = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(string)], row, Expression.Constant(property));
        var mentions = needles.Select(n => (Expression)Expression.Call(column, Contains, Expression.Constant(n))).Aggregate(Expression.OrElse);
        var scrubbed = needles.Aggregate((Expression)column, (text, n) => Expression.Call(text, Replace, Expression.Constant(n), Expression.Constant(Erased)));
        var where = Expression.Lambda<Func<T, bool>>(mentions, row);
        var value = Expression.Lambda<Func<T, string>>(scrubbed, row);
        var target = Expression.Lambda<Func<T, string>>(column, row);
        return db.Set<T>().Where(where).ExecuteUpdateAsync(s => s.SetProperty(target, value), ct);
    }
}
