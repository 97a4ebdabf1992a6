using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Auditing;

public sealed record AuditRow(long Id, DateTime At, string UserName, AuditAction Action, string RecordType, string RecordId, int? SubjectId, string? Detail, string? RemoteAddress);

/// <summary>What to show of the audit log: any combination of record type, action, the person it is about, and the user.</summary>
public sealed record AuditFilter(string? RecordType = null, AuditAction? Action = null, int? SubjectId = null, string? User = null, DateTime? Since = null);

/// <summary>A user asking for records they may not see: how many in the window, how many different ids, from where.</summary>
public sealed record DenialRate(int? UserConstituentId, string UserName, int Denied, int DistinctRecords, DateTime First, DateTime Last, string? RemoteAddress);

/// <summary>The audit log for administrators and the data-protection officer, newest first.</summary>
public sealed class AuditLog(IDbContextFactory<CormDbContext> dbFactory, AuditTrail audit)
{
    public const int MaxExportRows = 100_000;

    public async Task<Page<AuditRow>> ListAsync(UserScope user, AuditFilter filter, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        if (!user.HandlesPrivacy) return new Page<AuditRow>([], 0, 0, pageSize);
        (pageIndex, pageSize) = Page<AuditRow>.Clamp(pageIndex, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Query(db, filter);
        var total = await query.CountAsync(ct);
        var rows = await query.Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<AuditRow>(rows, total, pageIndex, pageSize);
    }

    /// <summary>The filtered log as CSV (at most <see cref="MaxExportRows"/> rows), itself audited as an export.</summary>
    public async Task<(string Csv, int Rows)?> ExportAsync(UserScope user, AuditFilter filter, CancellationToken ct = default)
    {
        if (!user.HandlesPrivacy) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Query(db, filter).Take(MaxExportRows).ToListAsync(ct);
        var csv = TabularExport.ToCsv(["At (UTC)", "User", "Action", "RecordType", "RecordId", "SubjectId", "Detail", "From"],
            rows.Select(r => (IReadOnlyList<object?>)[r.At, r.UserName, r.Action.ToString(), r.RecordType, r.RecordId, r.SubjectId, r.Detail, r.RemoteAddress]));
        audit.Export(db, user, nameof(AuditEntry), "log", rows.Count, filter.SubjectId, Describe(filter));
        await db.SaveChangesAsync(ct);
        return (csv, rows.Count);
    }

    /// <summary>Users with denied record requests in the window, most first: the rate view behind the alert.</summary>
    public async Task<IReadOnlyList<DenialRate>> DenialRatesAsync(UserScope user, TimeSpan window, DateTime now, CancellationToken ct = default)
    {
        if (!user.HandlesPrivacy) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await DenialRates(db, now - window).Take(50).ToListAsync(ct);
    }

    internal static IQueryable<DenialRate> DenialRates(CormDbContext db, DateTime since) =>
        db.AuditEntries.Where(a => a.Action == AuditAction.Denied && a.At >= since)
            .GroupBy(a => new { a.UserConstituentId, a.UserName })
            .OrderByDescending(g => g.Count())
            .Select(g => new DenialRate(g.Key.UserConstituentId, g.Key.UserName, g.Count(), g.Select(a => a.RecordId).Distinct().Count(),
                g.Min(a => a.At), g.Max(a => a.At), g.Max(a => a.RemoteAddress)));

    internal static IQueryable<AuditRow> Query(CormDbContext db, AuditFilter filter)
    {
        var entries = db.AuditEntries.AsQueryable();
        if (!string.IsNullOrWhiteSpace(filter.RecordType)) entries = entries.Where(a => a.RecordType == filter.RecordType);
        if (filter.Action is { } action) entries = entries.Where(a => a.Action == action);
        if (filter.SubjectId is { } subject) entries = entries.Where(a => a.SubjectConstituentId == subject);
        if (filter.Since is { } since) entries = entries.Where(a => a.At >= since);
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var who = filter.User.Trim();
            entries = entries.Where(a => a.UserName.StartsWith(who)); // the sign-in address, as audited
        }
        return entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new AuditRow(a.Id, a.At, a.UserName, a.Action, a.RecordType, a.RecordId, a.SubjectConstituentId, a.Detail, a.RemoteAddress));
    }

    private static string Describe(AuditFilter f) => string.Join(", ", new[]
    {
        f.RecordType is null ? null : $"type {f.RecordType}", f.Action is null ? null : $"action {f.Action}",
        f.SubjectId is null ? null : $"about C-{f.SubjectId}", f.User is null ? null : $"user {f.User}",
    }.Where(s => s is not null)) is { Length: > 0 } d ? d : "whole log";
}
