using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;

namespace CoRM.Infrastructure.Auditing;

/// <summary>
/// Adds audit entries to the caller's unit of work, so the entry and the change commit together. An entry names the
/// record's own id (for a new record: record after the first save, inside the command's transaction) and the person
/// the data is about.
/// </summary>
public sealed class AuditTrail(TimeProvider time)
{
    public void Record(CormDbContext db, UserScope user, AuditAction action, string recordType, object recordId, int? subjectId, string? detail = null)
    {
        if (action == AuditAction.Create && recordId is 0 or 0L) throw new InvalidOperationException($"Audit a new {recordType} after saving it, so the entry names its id.");
        if (detail?.Length > AuditEntry.DetailMaxLength) detail = detail[..AuditEntry.DetailMaxLength];
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.UtcNow(),
            UserConstituentId = user.ConstituentId,
            UserName = user.UserName,
            Action = action,
            RecordType = recordType,
            RecordId = Convert.ToString(recordId, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            SubjectConstituentId = subjectId,
            Detail = detail,
            RemoteAddress = user.RemoteAddress,
        });
    }

    /// <summary>
    /// A request for a record the user may not see or that does not exist (both answer "not found"): who asked for which
    /// id, when, from where (OWASP ASVS 7.2.2). Saved at once in its own context: the caller has nothing else to save.
    /// The subject is left empty: whose record it is must not leak into a log the user might later read.
    /// </summary>
    public async Task DeniedAsync(CormDbContext db, UserScope user, string recordType, object recordId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        Record(db, user, AuditAction.Denied, recordType, recordId, subjectId: null, "not found, or not theirs to see");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An export (CSV, spreadsheet, PDF): data leaving the building, with how many rows left.</summary>
    public void Export(CormDbContext db, UserScope user, string recordType, object recordId, int rows, int? subjectId = null, string? detail = null) =>
        Record(db, user, AuditAction.Export, recordType, recordId, subjectId, $"{rows} row(s){(detail is null ? "" : $": {detail}")}");
}
