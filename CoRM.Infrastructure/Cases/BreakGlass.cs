using System.Globalization;
using System.Text;
using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Cases;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Cases;

/// <summary>
/// Emergency access for an on-call worker who is not on a case: only with a reason, for a limited time, audited, and
/// with an e-mail to the case lead written in the same transaction (no access without the lead being told).
/// </summary>
public sealed class BreakGlass(CommandRunner runner, AuditTrail audit, IOptions<CaseOptions> options, IOptions<EmailOptions> email, TimeProvider time)
{
    public Task<CommandResult> OpenAsync(UserScope user, int caseId, string reason, CancellationToken ct = default)
    {
        if (!user.WorksCases) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(CommandOptions.About("case", transaction: true), async db =>
        {
            var now = time.UtcNow();
            var found = await db.Cases.Include(c => c.Type).Include(c => c.Team).Include(c => c.Clients).SingleOrDefaultAsync(c => c.Id == caseId, ct);
            if (found is null) return CommandResult.NotFound;
            var standing = await CaseAccess.StandingAsync(db, user, caseId, now, ct);
            if (standing.MayOpen) return CommandResult.Invalid("You can already open this case.");
            var grant = CaseAccessGrant.BreakGlass(caseId, user.ConstituentId, reason, now, TimeSpan.FromHours(options.Value.BreakGlassHours));
            db.CaseAccessGrants.Add(grant);
            foreach (var client in found.Clients)
                audit.Record(db, user, AuditAction.Read, nameof(CaseAccessGrant), caseId, client.ConstituentId, $"Break-glass until {grant.ExpiresAt:yyyy-MM-dd HH:mm} UTC: {grant.Reason}");
            if (found.LeadId is { } leadId && await Identity.PortalUserDirectory.MailToStaffAsync(db, leadId, $"break-glass:{grant.CaseId}:{grant.UserId}:{now:yyyyMMddHHmmss}",
                    $"CoRM: break-glass access to {found.Reference}", leadName => Notice(found, grant, user, leadName, now), now, ct) is { } notice)
                db.OutboxMessages.Add(notice);
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(grant.Id);
        }, ct);
    }

    private string Notice(Case found, CaseAccessGrant grant, UserScope user, string leadName, DateTime now)
    {
        var baseUrl = email.Value.PortalBaseUrl.TrimEnd('/');
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Dear {leadName},");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{user.UserName} is not on the team of {found.Reference} ({found.Type!.Name}) and opened it with break-glass access at {InstitutionFormat.DateTime(now, time.LocalTimeZone)} ({Domain.WallClock.Name(time.LocalTimeZone)}).");
        text.AppendLine(CultureInfo.InvariantCulture, $"The access lasts until {InstitutionFormat.DateTime(grant.ExpiresAt, time.LocalTimeZone)}. The reason they gave:");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"  {grant.Reason}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"The case: {baseUrl}/cases/{found.Id}");
        text.AppendLine("If this access was not expected, tell your supervisor: every read is in the audit log.");
        return text.ToString();
    }
}
