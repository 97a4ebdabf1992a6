using System.Globalization;
using CoRM.Domain.Access;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Identity;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Privacy;

/// <summary>
/// Every five minutes: a user who asked for more records they may not see than the threshold within the window (id
/// guessing, a scraper with a stolen session) alerts every administrator and data-protection officer by e-mail, once
/// per user per window. The outbox's unique key on the alert makes a second instance or a rerun send nothing more.
/// </summary>
public sealed class DeniedAccessAlertJob(IDbContextFactory<CormDbContext> dbFactory, OutboxDispatcher dispatcher, IOptions<EmailOptions> email, IOptions<PrivacyOptions> options, TimeProvider time)
{
    public const string RecurringJobId = "denied-access-alerts";

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow();
        var window = TimeSpan.FromMinutes(options.Value.DeniedAlertWindowMinutes);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var over = (await AuditLog.DenialRates(db, now - window).Take(500).ToListAsync(ct)).Where(r => r.Denied > options.Value.DeniedAlertThreshold).ToList();
        if (over.Count == 0) return 0;
        var recipients = await PortalUserDirectory.HoldingAsync(db, Roles.PrivacyOffice.ToList(), ct);
        // One alert per user per window-long bucket: a burst that lasts an hour alerts once per window, not every five minutes.
        var bucket = now.Ticks / window.Ticks;
        var alerts = 0;
        foreach (var rate in over)
        {
            var key = $"denied-alert:{rate.UserConstituentId}:{bucket}";
            if (await db.OutboxMessages.AnyAsync(m => m.DedupKey.StartsWith(key + ":"), ct)) continue;
            foreach (var recipient in recipients)
            {
                var mail = await PortalUserDirectory.MailToStaffAsync(db, recipient.ConstituentId, $"{key}:{recipient.ConstituentId}",
                    $"CoRM security: {rate.UserName} was refused {rate.Denied} records in {options.Value.DeniedAlertWindowMinutes} minutes",
                    name => string.Create(CultureInfo.InvariantCulture,
                        $"Dear {name},\n\n{rate.UserName} asked for {rate.Denied} records they may not see ({rate.DistinctRecords} different ids) between {InstitutionFormat.DateTime(rate.First, time.LocalTimeZone)} and {InstitutionFormat.DateTime(rate.Last, time.LocalTimeZone)} ({Domain.WallClock.Name(time.LocalTimeZone)}), from {rate.RemoteAddress ?? "an unknown address"}.\n\nThis can be someone guessing ids. The audit log, filtered to this user: {email.Value.PortalBaseUrl.TrimEnd('/')}/admin/audit\n"),
                    now, ct);
                if (mail is not null) db.OutboxMessages.Add(mail);
            }
            alerts++;
        }
        await db.SaveChangesAsync(ct);
        await dispatcher.DispatchPendingAsync(ct);
        return alerts;
    }
}
