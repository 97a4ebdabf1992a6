using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Constituents;
using CoRM.Domain.Privacy;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Privacy;

public sealed record PrivacyRequestRow(int Id, PrivacyRequestKind Kind, int SubjectId, string SubjectName, DateOnly ReceivedOn, DateOnly DueOn,
    PrivacyRequestStatus Status, string? HandlerName, bool Erased);

public sealed record ExportRow(int Id, DateTime RequestedAt, DateTime? ReadyAt, DateTime? DownloadedAt, string? DownloadedBy, int Rows, string? Error);

public sealed record PrivacyRequestDetail(
    int Id, PrivacyRequestKind Kind, int SubjectId, string SubjectName, string? SubjectEmail, bool SubjectErased,
    DateOnly ReceivedOn, DateOnly DueOn, string Details, PrivacyRequestStatus Status, string CreatedBy, string? HandlerName, int? HandlerId,
    int? ErasureRequestedById, string? ErasureRequestedBy, DateTime? ErasureRequestedAt, string? ApprovedBy, DateTime? ApprovedAt,
    DateTime? ClosedAt, string? Outcome, IReadOnlyList<LegalHold> Holds, IReadOnlyList<ExportRow> Exports, Guid Version);

/// <summary>A person as the privacy office finds them: enough to tell two people apart, nothing more.</summary>
public sealed record PrivacySubject(int Id, string Name, string? Email, DateOnly? BirthDate, bool Erased);

public sealed record NewPrivacyRequest(PrivacyRequestKind? Kind, int? SubjectId, DateOnly? ReceivedOn, string? Details);

public sealed record ExportFile(byte[] Content, string FileName);

/// <summary>
/// The data-subject request queue for the data-protection officer and administrators: log a request with its legal
/// deadline, take it over, answer it. Access builds an export in the background; erasure checks legal holds and needs a
/// second officer's approval, which erases at once; an objection to marketing stops every appeal. Nobody else sees any
/// of it: every method answers not-found outside the privacy office.
/// </summary>
public sealed class PrivacyRequests(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, IOptions<PrivacyOptions> options, TimeProvider time)
{
    private static readonly CommandOptions Command = CommandOptions.About("request", transaction: true);

    public async Task<Page<PrivacyRequestRow>> ListAsync(UserScope user, bool openOnly, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        if (!user.HandlesPrivacy) return new Page<PrivacyRequestRow>([], 0, 0, pageSize);
        (pageIndex, pageSize) = Page<PrivacyRequestRow>.Clamp(pageIndex, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = openOnly ? db.PrivacyRequests.Where(PrivacyRequest.Open) : db.PrivacyRequests;
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(r => r.DueOn).ThenBy(r => r.Id).Skip(pageIndex * pageSize).Take(pageSize)
            .Join(db.Constituents, r => r.SubjectId, c => c.Id, (r, subject) => new PrivacyRequestRow(r.Id, r.Kind, r.SubjectId, subject.DisplayName,
                r.ReceivedOn, r.DueOn, r.Status, db.Constituents.Where(c => c.Id == r.HandlerId).Select(c => c.DisplayName).FirstOrDefault(), subject.ErasedAt != null))
            .ToListAsync(ct);
        return new Page<PrivacyRequestRow>(rows, total, pageIndex, pageSize);
    }

    /// <summary>People by name, e-mail or C-id, for logging a request: name, e-mail and birth date to tell namesakes apart.</summary>
    public async Task<IReadOnlyList<PrivacySubject>> FindPeopleAsync(UserScope user, string? text, CancellationToken ct = default)
    {
        if (!user.HandlesPrivacy || string.IsNullOrWhiteSpace(text) || text.Trim().Length < 2) return [];
        if (Constituents.ConstituentSearch.Parse(text) is not { } criteria) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = db.Constituents.Where(Constituent.Current).Where(c => c.Kind == ConstituentKind.Person);
        if (criteria.Id is { } id) people = people.Where(c => c.Id == id);
        else if (criteria.Email is { } email) people = people.Where(c => c.Email == email || db.ContactPoints.Any(p => p.ConstituentId == c.Id && p.Value == email));
        else if (criteria.NamePrefix is { } folded) people = people.Where(c => c.SortName.StartsWith(folded) || c.SearchName.StartsWith(folded));
        return await people.OrderBy(c => c.SortName).Take(20).Select(c => new PrivacySubject(c.Id, c.DisplayName, c.Email, c.BirthDate, c.ErasedAt != null)).ToListAsync(ct);
    }

    public async Task<PrivacyRequestDetail?> GetAsync(UserScope user, int id, CancellationToken ct = default)
    {
        if (!user.HandlesPrivacy) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await db.PrivacyRequests.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        var names = await db.Constituents.Where(c => c.Id == r.SubjectId || c.Id == r.CreatedById || c.Id == r.HandlerId || c.Id == r.ErasureRequestedById || c.Id == r.ApprovedById)
            .Select(c => new { c.Id, c.DisplayName, c.Email, c.ErasedAt }).ToDictionaryAsync(c => c.Id, ct);
        string? Name(int? who) => who is { } w && names.TryGetValue(w, out var n) ? n.DisplayName : null;
        var holds = r.Kind == PrivacyRequestKind.Erasure && r.IsOpen ? await HoldsAsync(db, r.SubjectId, ct) : [];
        var exports = await db.SubjectAccessExports.AsNoTracking().Where(e => e.RequestId == id).OrderByDescending(e => e.RequestedAt)
            .Select(e => new ExportRow(e.Id, e.RequestedAt, e.ReadyAt, e.DownloadedAt, db.Constituents.Where(c => c.Id == e.DownloadedById).Select(c => c.DisplayName).FirstOrDefault(), e.Rows, e.Error))
            .ToListAsync(ct);
        var subject = names[r.SubjectId];
        return new PrivacyRequestDetail(r.Id, r.Kind, r.SubjectId, subject.DisplayName, subject.Email, subject.ErasedAt is not null, r.ReceivedOn, r.DueOn, r.Details, r.Status,
            Name(r.CreatedById) ?? "", Name(r.HandlerId), r.HandlerId, r.ErasureRequestedById, Name(r.ErasureRequestedById), r.ErasureRequestedAt, Name(r.ApprovedById), r.ApprovedAt,
            r.ClosedAt, r.Outcome, holds, exports, r.Version);
    }

    private async Task<IReadOnlyList<LegalHold>> HoldsAsync(CormDbContext db, int subjectId, CancellationToken ct) =>
        ErasureHolds.For(await PersonErasure.FactsAsync(db, subjectId, time.Today(), ct), time.Today(), options.Value.AcademicRecordYears);

    public Task<CommandResult> CreateAsync(UserScope user, NewPrivacyRequest request, CancellationToken ct = default) => runner.RunAsync(Command, async db =>
    {
        if (!user.HandlesPrivacy) return CommandResult.NotFound;
        if (request.Kind is not { } kind) return CommandResult.Invalid("Choose what the person asked for.");
        if (request.SubjectId is not { } subjectId) return CommandResult.Invalid("Find the person the request is about.");
        if (request.ReceivedOn is not { } received) return CommandResult.Invalid("Enter the date the request arrived: the deadline runs from it.");
        var subject = await db.Constituents.SingleOrDefaultAsync(c => c.Id == subjectId && c.MergedIntoId == null, ct);
        if (subject is null) return CommandResult.Invalid("That person is not on record (or their record was merged: use the record it was merged into).");
        if (subject.ErasedAt is not null) return CommandResult.Invalid("That person has already been erased.");
        var r = PrivacyRequest.Receive(kind, subjectId, received, request.Details, user.ConstituentId, time.UtcNow(), time.Today());
        db.PrivacyRequests.Add(r);
        await db.SaveChangesAsync(ct);
        audit.Record(db, user, AuditAction.Create, nameof(PrivacyRequest), r.Id, subjectId, $"{kind} request received {received:yyyy-MM-dd}, due {r.DueOn:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(r.Id);
    }, ct);

    public Task<CommandResult> TakeOverAsync(UserScope user, int id, Guid version, CancellationToken ct = default) =>
        ChangeAsync(user, id, version, (r, _) => { r.TakeOver(user.ConstituentId); return Task.FromResult<string?>("taken over"); }, ct);

    public Task<CommandResult> CompleteAsync(UserScope user, int id, Guid version, string outcome, CancellationToken ct = default) =>
        ChangeAsync(user, id, version, (r, _) =>
        {
            r.Complete(outcome, time.UtcNow());
            return Task.FromResult<string?>("completed");
        }, ct);

    public Task<CommandResult> RefuseAsync(UserScope user, int id, Guid version, string reason, CancellationToken ct = default) =>
        ChangeAsync(user, id, version, (r, _) => { r.Refuse(reason, time.UtcNow()); return Task.FromResult<string?>("refused"); }, ct);

    /// <summary>The person objects to marketing: every appeal stops (e-mail and post), recorded in their consent history, and the request completes.</summary>
    public Task<CommandResult> StopMarketingAsync(UserScope user, int id, Guid version, CancellationToken ct = default) =>
        ChangeAsync(user, id, version, async (r, db) =>
        {
            if (r.Kind != PrivacyRequestKind.MarketingObjection) throw new Domain.DomainException("Only an objection to marketing stops appeals.");
            var person = await db.Constituents.SingleAsync(c => c.Id == r.SubjectId, ct);
            var now = time.UtcNow();
            ConsentHistory.Record(db, person, email: false, post: false, doNotContact: person.DoNotContact, $"objection to marketing (request {r.Id})", user.ConstituentId, now);
            r.TakeOver(user.ConstituentId);
            r.Complete("Appeals stopped by e-mail and by post; the person's consent history records the objection.", now);
            return "marketing stopped";
        }, ct);

    /// <summary>The first officer's half: holds are checked now and again at approval.</summary>
    public Task<CommandResult> RequestErasureAsync(UserScope user, int id, Guid version, CancellationToken ct = default) =>
        ChangeAsync(user, id, version, async (r, db) =>
        {
            if (await HoldsAsync(db, r.SubjectId, ct) is { Count: > 0 } holds) throw new Domain.DomainException(HoldMessage(holds));
            r.TakeOver(user.ConstituentId);
            r.RequestErasure(user.ConstituentId, time.UtcNow());
            return "erasure requested; waiting for a second officer";
        }, ct);

    public Task<CommandResult> WithdrawErasureAsync(UserScope user, int id, Guid version, CancellationToken ct = default) =>
        ChangeAsync(user, id, version, (r, _) => { r.WithdrawErasure(); return Task.FromResult<string?>("erasure withdrawn before approval"); }, ct);

    /// <summary>The second officer approves and the person is erased in the same transaction: irreversible from here.</summary>
    public Task<CommandResult> ApproveErasureAsync(UserScope user, int id, Guid version, CancellationToken ct = default) =>
        ChangeAsync(user, id, version, async (r, db) =>
        {
            if (await HoldsAsync(db, r.SubjectId, ct) is { Count: > 0 } holds) throw new Domain.DomainException(HoldMessage(holds));
            var now = time.UtcNow();
            r.Approve(user.ConstituentId, now);
            await db.SaveChangesAsync(ct);
            var report = await PersonErasure.EraseAsync(db, r.SubjectId, now, ct);
            var kept = new[] { "Gift.DonorId", "Receipt.DonorId", "Pledge.DonorId", "RecurringGift.DonorId", "SoftCredit.ConstituentId" }.Sum(k => report.PerColumn.GetValueOrDefault(k));
            r.Complete($"Erased: {report.Deleted} rows removed, {report.Scrubbed} kept rows and texts scrubbed. " + (kept > 0
                ? $"Gifts and receipts are kept for {options.Value.TaxRecordYears} years under the pseudonym \"{report.Pseudonym}\"."
                : $"No gift or receipt needed keeping; the record that remains is the pseudonym \"{report.Pseudonym}\"."), now);
            return $"erasure approved and carried out ({report.Deleted} rows removed, {report.Scrubbed} scrubbed)";
        }, ct);

    internal static string HoldMessage(IReadOnlyList<LegalHold> holds) =>
        "This person cannot be erased yet. " + string.Join(" ", holds.Select(h => h.Reason + (h.Until is { } until ? $" The hold ends on {until:yyyy-MM-dd}." : "")));

    /// <summary>Starts an export in the background; the caller enqueues <see cref="SubjectAccessExportJob"/> with the id.</summary>
    public Task<CommandResult> StartExportAsync(UserScope user, int id, CancellationToken ct = default) => runner.RunAsync(Command, async db =>
    {
        if (!user.HandlesPrivacy) return CommandResult.NotFound;
        var r = await db.PrivacyRequests.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return CommandResult.NotFound;
        if (r.Kind != PrivacyRequestKind.Access) return CommandResult.Invalid("Only an access request produces an export.");
        if (!r.IsOpen) return CommandResult.Invalid("This request is closed.");
        if (await db.SubjectAccessExports.AnyAsync(e => e.RequestId == id && e.ReadyAt == null && e.Error == null, ct))
            return CommandResult.Invalid("An export is already being built for this request.");
        r.TakeOver(user.ConstituentId);
        var export = new SubjectAccessExport { RequestId = id, SubjectId = r.SubjectId, RequestedById = user.ConstituentId, RequestedAt = time.UtcNow() };
        db.SubjectAccessExports.Add(export);
        await db.SaveChangesAsync(ct);
        audit.Record(db, user, AuditAction.Create, nameof(SubjectAccessExport), export.Id, r.SubjectId, $"export for request {id} started");
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(export.Id);
    }, ct);

    /// <summary>The export's one download: the file leaves the database as it is handed over, and the handover is audited.</summary>
    public async Task<ExportFile?> DownloadExportAsync(UserScope user, int exportId, CancellationToken ct = default)
    {
        if (!user.HandlesPrivacy) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var export = await db.SubjectAccessExports.SingleOrDefaultAsync(e => e.Id == exportId, ct);
        if (export?.Content is not { } content) return null;
        var now = time.UtcNow();
        // Claimed by a conditional update: two officers clicking at once get one file between them.
        var claimed = await db.SubjectAccessExports.Where(e => e.Id == exportId && e.DownloadedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.DownloadedAt, now).SetProperty(e => e.DownloadedById, user.ConstituentId).SetProperty(e => e.Content, (byte[]?)null), ct);
        if (claimed != 1) return null;
        audit.Export(db, user, nameof(SubjectAccessExport), export.Id, export.Rows, export.SubjectId, "subject-access export downloaded (once)");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ExportFile(content, SubjectAccess.FileName(export.SubjectId, export.ReadyAt ?? now));
    }

    private Task<CommandResult> ChangeAsync(UserScope user, int id, Guid version, Func<PrivacyRequest, CormDbContext, Task<string?>> change, CancellationToken ct) =>
        runner.RunAsync(Command, async db =>
        {
            if (!user.HandlesPrivacy) return CommandResult.NotFound;
            var r = await db.PrivacyRequests.SingleOrDefaultAsync(x => x.Id == id, ct);
            if (r is null) return CommandResult.NotFound;
            db.Entry(r).Property(x => x.Version).OriginalValue = version;
            var what = await change(r, db);
            audit.Record(db, user, AuditAction.Update, nameof(PrivacyRequest), r.Id, r.SubjectId, $"{r.Kind} request {what}");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(r.Id);
        }, ct);
}
