using CoRM.Domain.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Auditing;

public sealed record AuditRow(long Id, DateTime At, string UserName, AuditAction Action, string RecordType, string RecordId, string? Detail, string? RemoteAddress);

/// <summary>The audit log for administrators, newest first.</summary>
public sealed class AuditLog(IDbContextFactory<CormDbContext> dbFactory)
{
    public async Task<Page<AuditRow>> ListAsync(Domain.Access.UserScope user, string? recordType, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        if (!user.IsIn(Domain.Access.Roles.Admin)) return new Page<AuditRow>([], 0, 0, pageSize);
        (pageIndex, pageSize) = Page<AuditRow>.Clamp(pageIndex, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Query(db, recordType);
        var total = await query.CountAsync(ct);
        var rows = await query.Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<AuditRow>(rows, total, pageIndex, pageSize);
    }

    internal static IQueryable<AuditRow> Query(CormDbContext db, string? recordType) =>
        db.AuditEntries
            .Where(a => recordType == null || a.RecordType == recordType)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new AuditRow(a.Id, a.At, a.UserName, a.Action, a.RecordType, a.RecordId, a.Detail, a.RemoteAddress));
}
