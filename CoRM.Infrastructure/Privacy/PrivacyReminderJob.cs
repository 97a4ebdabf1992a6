using System.Globalization;
using System.Text;
using CoRM.Domain.Access;
using CoRM.Domain.Privacy;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Identity;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Privacy;

/// <summary>
/// Daily: a request whose legal deadline is a week away (or already past) and still open reminds its handler once —
/// or every data-protection officer when nobody has taken it. The mark and the e-mail commit together, so a rerun
/// reminds nobody twice. The e-mail names the request number, kind and deadline, never the person.
/// </summary>
public sealed class PrivacyReminderJob(IDbContextFactory<CormDbContext> dbFactory, OutboxDispatcher dispatcher, IOptions<EmailOptions> email, IOptions<PrivacyOptions> options, TimeProvider time)
{
    public const string RecurringJobId = "privacy-request-reminders";

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var today = time.Today();
        var now = time.UtcNow();
        var horizon = today.AddDays(options.Value.ReminderDaysBefore);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.PrivacyRequests.AsNoTracking()
            .Where(PrivacyRequest.Open).Where(r => r.RemindedAt == null && r.DueOn <= horizon)
            .OrderBy(r => r.DueOn).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var officers = (await PortalUserDirectory.HoldingAsync(db, [Roles.DataProtection], ct)).Select(o => o.ConstituentId).ToList();
        var reminded = 0;
        var baseUrl = email.Value.PortalBaseUrl.TrimEnd('/');
        foreach (var request in due)
        {
            IReadOnlyList<int> to = request.HandlerId is { } handler ? [handler] : officers;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await db.PrivacyRequests.Where(r => r.Id == request.Id && r.RemindedAt == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.RemindedAt, now), ct) != 1)
            {
                await tx.RollbackAsync(ct);
                continue;
            }
            var late = request.DueOn < today;
            foreach (var officerId in to)
            {
                var mail = await PortalUserDirectory.MailToStaffAsync(db, officerId, $"privacy-reminder:{request.Id}:{officerId}",
                    $"CoRM: request #{request.Id} {(late ? "is overdue" : $"is due {Common.InstitutionFormat.Date(request.DueOn)}")}",
                    name => new StringBuilder()
                        .AppendLine(CultureInfo.InvariantCulture, $"Dear {name},").AppendLine()
                        .AppendLine(CultureInfo.InvariantCulture, $"Data-subject request #{request.Id} ({request.Kind}, received {Common.InstitutionFormat.Date(request.ReceivedOn)}) {(late ? "passed" : "reaches")} its legal deadline on {request.DueOn:yyyy-MM-dd}.")
                        .AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{baseUrl}/privacy/requests/{request.Id}").ToString(),
                    now, ct);
                if (mail is not null) db.OutboxMessages.Add(mail);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            reminded++;
        }
        await dispatcher.DispatchPendingAsync(ct);
        return reminded;
    }
}
