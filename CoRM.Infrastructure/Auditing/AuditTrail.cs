using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;

namespace CoRM.Infrastructure.Auditing;

/// <summary>Adds audit entries to the caller's unit of work, so the entry and the change commit together.</summary>
public sealed class AuditTrail(TimeProvider time)
{
    public void Record(CormDbContext db, UserScope user, AuditAction action, string recordType, object recordId, string? detail = null)
    {
        if (detail?.Length > AuditEntry.DetailMaxLength) detail = detail[..AuditEntry.DetailMaxLength];
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.UtcNow(),
            UserConstituentId = user.ConstituentId,
            UserName = user.UserName,
            Action = action,
            RecordType = recordType,
            RecordId = Convert.ToString(recordId, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            Detail = detail,
            RemoteAddress = user.RemoteAddress,
        });
    }
}
