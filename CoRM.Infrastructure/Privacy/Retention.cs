using System.Globalization;
using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Privacy;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Privacy;

public sealed record RetentionRuleRow(RetentionKind Kind, string Description, int Days, int DefaultDays, DateTime? ChangedAt, string? ChangedBy, Guid Version);

public sealed record RetentionRunRow(DateTime StartedAt, DateTime FinishedAt, int Removed, string Report);

/// <summary>Retention periods per kind of data, set by the privacy office; and what the nightly runs removed.</summary>
public sealed class RetentionRules(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, TimeProvider time)
{
    public async Task<(IReadOnlyList<RetentionRuleRow> Rules, IReadOnlyList<RetentionRunRow> Runs)> ListAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.HandlesPrivacy) return ([], []);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await db.RetentionRules.AsNoTracking().OrderBy(r => r.Kind)
            .Select(r => new { r.Kind, r.Days, r.ChangedAt, By = db.Constituents.Where(c => c.Id == r.ChangedById).Select(c => c.DisplayName).FirstOrDefault(), r.Version })
            .ToListAsync(ct);
        var runs = await db.RetentionRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(14)
            .Select(r => new RetentionRunRow(r.StartedAt, r.FinishedAt, r.Removed, r.Report)).ToListAsync(ct);
        return (rules.Select(r => new RetentionRuleRow(r.Kind, RetentionRule.Describe(r.Kind), r.Days, RetentionRule.Defaults[r.Kind], r.ChangedAt, r.By, r.Version)).ToList(), runs);
    }

    public Task<CommandResult> SetAsync(UserScope user, RetentionKind kind, int? days, Guid version, CancellationToken ct = default) =>
        runner.RunAsync(CommandOptions.About("retention period"), async db =>
        {
            if (!user.HandlesPrivacy) return CommandResult.NotFound;
            if (days is not { } d || d < RetentionRule.MinDays || d > RetentionRule.MaxDays)
                return CommandResult.Invalid($"Enter a number of days from {RetentionRule.MinDays} to {RetentionRule.MaxDays:N0}.");
            var rule = await db.RetentionRules.SingleOrDefaultAsync(r => r.Kind == kind, ct);
            if (rule is null) return CommandResult.NotFound;
            db.Entry(rule).Property(r => r.Version).OriginalValue = version;
            var before = rule.Days;
            rule.Days = d;
            rule.ChangedAt = time.UtcNow();
            rule.ChangedById = user.ConstituentId;
            audit.Record(db, user, AuditAction.Update, nameof(RetentionRule), kind.ToString(), null, $"{kind}: {before} → {d} days");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok();
        }, ct);
}

/// <summary>
/// Nightly: removes what is older than its retention period, kind by kind, each in one statement, and writes a report
/// of what went (counts only). Removing is idempotent: a second run the same night finds nothing more.
/// </summary>
public sealed class RetentionJob(IDbContextFactory<CormDbContext> dbFactory, TimeProvider time)
{
    public const string RecurringJobId = "retention";

    /// <summary>Closed cases whose notes are past retention: the case type's own period, else the institution's.</summary>
    internal static IQueryable<int?> ExpiredCases(CormDbContext db, DateOnly today, int noteDays) =>
        db.Cases.Where(c => c.ClosedOn != null)
            .Where(c => c.ClosedOn!.Value.AddDays(c.Type!.NoteRetentionDays ?? noteDays) < today).Select(c => (int?)c.Id);

    internal static IQueryable<Domain.Admissions.InformationRequest> UnconvertedInquiries(CormDbContext db, DateTime before) =>
        db.InformationRequests.Where(i => i.ReceivedAt < before && i.ApplicationId == null && !db.AdmissionApplications.Any(a => a.ApplicantId == i.ProspectId));

    public async Task<RetentionRun> RunAsync(CancellationToken ct = default)
    {
        var started = time.UtcNow();
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var days = await db.RetentionRules.ToDictionaryAsync(r => r.Kind, r => r.Days, ct);
        int Days(RetentionKind k) => days.TryGetValue(k, out var d) ? d : RetentionRule.Defaults[k];
        var report = new List<string>();
        var total = 0;
        void Report(RetentionKind kind, int n, string what)
        {
            total += n;
            report.Add(string.Create(CultureInfo.InvariantCulture, $"{kind}: {n} {what} (older than {Days(kind)} days)"));
        }

        var mailCutoff = started.AddDays(-Days(RetentionKind.SentEmailBodies));
        Report(RetentionKind.SentEmailBodies, await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < mailCutoff && m.ToAddress != "removed@invalid")
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ToAddress, "removed@invalid").SetProperty(m => m.ToName, "").SetProperty(m => m.Subject, "[removed by retention]")
                .SetProperty(m => m.TextBody, "").SetProperty(m => m.HtmlBody, (string?)null).SetProperty(m => m.LastError, (string?)null), ct), "sent e-mails emptied");

        var auditCutoff = started.AddDays(-Days(RetentionKind.AuditEntries));
        Report(RetentionKind.AuditEntries, await db.AuditEntries.Where(a => a.At < auditCutoff).ExecuteDeleteAsync(ct), "audit entries deleted");

        var inquiryCutoff = started.AddDays(-Days(RetentionKind.UnconvertedInquiries));
        Report(RetentionKind.UnconvertedInquiries, await UnconvertedInquiries(db, inquiryCutoff).ExecuteDeleteAsync(ct), "requests for information deleted");

        // Case notes: the case type's own period where it sets one, the institution's otherwise; counted from closing.
        var noteDays = Days(RetentionKind.CaseNotes);
        var expiredCases = ExpiredCases(db, today, noteDays);
        Report(RetentionKind.CaseNotes, await db.Interactions.Where(i => i.CaseId != null && expiredCases.Contains(i.CaseId)).ExecuteDeleteAsync(ct), "case notes deleted");

        var exportCutoff = started.AddDays(-Days(RetentionKind.UndownloadedExports));
        Report(RetentionKind.UndownloadedExports, await db.SubjectAccessExports.Where(e => e.Content != null && e.ReadyAt < exportCutoff)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Content, (byte[]?)null).SetProperty(e => e.Error, "Expired before anyone downloaded it: produce a new one."), ct), "undownloaded exports deleted");

        // List sign-ups never confirmed lose the details they were waiting with (they were never on anyone's record).
        var unconfirmedCutoff = started.AddDays(-Domain.Engagement.FormSubmission.ConfirmationDays);
        var expired = await db.FormSubmissions.Where(s => s.Status == Domain.Engagement.FormSubmissionStatus.AwaitingConfirmation && s.SubmittedAt < unconfirmedCutoff)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, Domain.Engagement.FormSubmissionStatus.Expired).SetProperty(x => x.PendingDetails, (string?)null)
                .SetProperty(x => x.ConfirmationTokenHash, (string?)null), ct);
        total += expired;
        report.Add(string.Create(CultureInfo.InvariantCulture, $"Unconfirmed list sign-ups: {expired} emptied (older than {Domain.Engagement.FormSubmission.ConfirmationDays} days)"));

        var run = new RetentionRun { StartedAt = started, FinishedAt = time.UtcNow(), Removed = total, Report = string.Join("\n", report) };
        db.RetentionRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }
}
