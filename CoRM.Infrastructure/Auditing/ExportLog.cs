using CoRM.Domain.Access;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Auditing;

/// <summary>
/// Records a download (CSV, spreadsheet) as an Export audit entry with its row count: data leaving the building is
/// audited by whoever serves the file, once the file is built and before it is sent.
/// </summary>
public sealed class ExportLog(IDbContextFactory<CormDbContext> dbFactory, AuditTrail audit)
{
    public async Task RecordAsync(UserScope user, string recordType, object recordId, int rows, string? detail = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        audit.Export(db, user, recordType, recordId, rows, subjectId: null, detail);
        await db.SaveChangesAsync(ct);
    }
}
