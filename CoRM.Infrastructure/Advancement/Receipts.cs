using System.Globalization;
using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Advancement;
using CoRM.Domain.Auditing;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Domain.Messaging;
using CoRM.Infrastructure.Documents;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Advancement;

public sealed record ReceiptRow(int Id, string Number, ReceiptKind Kind, int TaxYear, decimal Amount, decimal Deductible, string Currency, DateTime IssuedAt,
    bool Current, string? Replaces, string? ReplacedBy, string? VoidReason, int Gifts);

public sealed record ReceiptPdf(string FileName, byte[] Content);

public sealed record ReceiptListRow(int Id, string Number, ReceiptKind Kind, int TaxYear, int DonorId, string DonorName, decimal Deductible, string Currency, DateTime IssuedAt, bool Current);

/// <summary>
/// Official tax receipts: one per gift, or one annual summary per donor and year covering every deductible gift not
/// yet receipted. Never two current receipts for the same gift. Reissuing voids the current receipt and issues a
/// replacement with the next number, which names the number it replaces. Advancement staff and administrators only.
/// </summary>
public sealed class Receipts(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, IOptions<AdvancementOptions> options, PdfDocuments documents, TimeProvider time)
    : IOutboxAttachmentSource
{
    public const string AttachmentKind = "receipt";

    private const int NumberAttempts = 5;

    public async Task<CommandResult> IssueForGiftAsync(UserScope staff, int giftId, CancellationToken ct = default)
    {
        if (!staff.WorksGiving) return CommandResult.NotFound;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var gift = await db.Gifts.AsNoTracking().SingleOrDefaultAsync(g => g.Id == giftId, ct);
        if (gift is null) return CommandResult.NotFound;
        if (await CurrentReceiptFor(db, giftId).FirstOrDefaultAsync(ct) is { } existing)
            return CommandResult.Invalid($"That gift is already on receipt {existing}. Reissue that receipt to correct it.");
        return (await IssueAsync(staff, ReceiptKind.Gift, gift.DonorId, [gift], replaces: null, email: false, ct)).Result;
    }

    /// <summary>One receipt for a donor's deductible gifts of a year that have no current receipt yet.</summary>
    public async Task<CommandResult> IssueAnnualSummaryAsync(UserScope staff, int donorId, int year, CancellationToken ct = default) =>
        (await IssueAnnualSummaryAsync(staff, donorId, year, email: false, ct)).Result;

    /// <param name="email">Queue its e-mail in the same transaction as the receipt (where the donor may be e-mailed): both or neither.</param>
    private async Task<(CommandResult Result, bool Emailed)> IssueAnnualSummaryAsync(UserScope staff, int donorId, int year, bool email, CancellationToken ct)
    {
        if (!staff.WorksGiving) return (CommandResult.NotFound, false);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Constituents.AnyAsync(c => c.Id == donorId, ct)) return (CommandResult.NotFound, false);
        if (year < 1900 || year > time.Today().Year) return (CommandResult.Invalid("Choose this year or an earlier one."), false);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var gifts = await Unreceipted(db, donorId).AsNoTracking().Where(g => g.ReceivedOn >= from && g.ReceivedOn <= to).OrderBy(g => g.ReceivedOn).ToListAsync(ct);
        var currencies = gifts.Select(g => g.Currency).Distinct().ToList();
        if (currencies.Count > 1)
            gifts = gifts.Where(g => g.Currency == options.Value.Currency).ToList(); // the rest need a receipt each, in their own currency
        return await IssueAsync(staff, ReceiptKind.AnnualSummary, donorId, gifts, replaces: null, email, ct);
    }

    /// <summary>Voids the receipt and issues its replacement over the same gifts as they stand now (a corrected amount, a new address).</summary>
    public async Task<CommandResult> ReissueAsync(UserScope staff, int receiptId, string? reason, CancellationToken ct = default)
    {
        if (!staff.WorksGiving) return CommandResult.NotFound;
        return await runner.RunAsync(CommandOptions.About("receipt"), async db =>
        {
            var receipt = await db.Receipts.Include(r => r.Lines).AsNoTracking().SingleOrDefaultAsync(r => r.Id == receiptId, ct);
            if (receipt is null) return CommandResult.NotFound;
            var giftIds = receipt.Lines.Select(l => l.GiftId).OfType<int>().ToList();
            var gifts = await db.Gifts.AsNoTracking().Where(g => giftIds.Contains(g.Id)).ToListAsync(ct);
            receipt.Void(reason, time.UtcNow()); // checks the reason and that it is current before anything is written
            return (await IssueAsync(staff, receipt.Kind, receipt.DonorId, gifts, (receipt.Id, receipt.VoidReason!), email: false, ct)).Result;
        }, ct);
    }

    /// <summary>
    /// Voids a receipt issued in error, with no replacement: its gifts are no longer receipted (a refund can then
    /// remove one; the rest can be receipted again). The number is never reused and the voided receipt still reprints.
    /// </summary>
    public async Task<CommandResult> VoidAsync(UserScope staff, int receiptId, string? reason, CancellationToken ct = default)
    {
        if (!staff.WorksGiving) return CommandResult.NotFound;
        return await runner.RunAsync(CommandOptions.About("receipt", transaction: true), async db =>
        {
            var receipt = await db.Receipts.Include(r => r.Lines).AsNoTracking().SingleOrDefaultAsync(r => r.Id == receiptId, ct);
            if (receipt is null) return CommandResult.NotFound;
            var now = time.UtcNow();
            receipt.Void(reason, now); // checks the reason and that it is current before anything is written
                                       // Receipt.Void's rule as one conditional update, so a concurrent reissue or void wins once and the other is told.
            var voided = await db.Receipts.Where(r => r.Id == receiptId && r.VoidedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.VoidedAt, now).SetProperty(r => r.VoidReason, receipt.VoidReason), ct);
            if (voided == 0) return CommandResult.Invalid("That receipt was voided or replaced a moment ago.");
            await db.ReceiptLines.Where(l => l.ReceiptId == receiptId).ExecuteUpdateAsync(s => s.SetProperty(l => l.Voided, true), ct);
            audit.Record(db, staff, AuditAction.Update, nameof(Receipt), receipt.Id, receipt.DonorId, $"Receipt {receipt.Number} voided: {receipt.VoidReason}");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(receipt.Id);
        }, ct);
    }

    public async Task<IReadOnlyList<ReceiptRow>> ForDonorAsync(UserScope staff, int donorId, CancellationToken ct = default)
    {
        if (!staff.WorksGiving) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Receipts.Where(r => r.DonorId == donorId)
            .OrderByDescending(r => r.IssuedAt).ThenByDescending(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.Number,
                r.Kind,
                r.TaxYear,
                r.Amount,
                r.Deductible,
                r.Currency,
                r.IssuedAt,
                r.VoidedAt,
                r.VoidReason,
                Replaces = db.Receipts.Where(o => o.Id == r.ReplacesId).Select(o => o.Number).FirstOrDefault(),
                ReplacedBy = db.Receipts.Where(n => n.ReplacesId == r.Id).Select(n => n.Number).FirstOrDefault(),
                Gifts = r.Lines.Count,
            })
            .Take(200).ToListAsync(ct);
        return rows.Select(r => new ReceiptRow(r.Id, r.Number, r.Kind, r.TaxYear, r.Amount, r.Deductible, r.Currency, r.IssuedAt, r.VoidedAt is null,
            r.Replaces, r.ReplacedBy, r.VoidReason, r.Gifts)).ToList();
    }

    /// <summary>Years in which the donor has deductible gifts without a current receipt: where an annual summary would add something.</summary>
    public async Task<IReadOnlyList<int>> YearsToReceiptAsync(UserScope staff, int donorId, CancellationToken ct = default)
    {
        if (!staff.WorksGiving) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Unreceipted(db, donorId).Select(g => g.ReceivedOn.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
    }

    /// <summary>The receipt as a PDF, rebuilt from what was copied at issue; a voided receipt is marked as such. Audited.</summary>
    public async Task<ReceiptPdf?> PdfAsync(UserScope staff, int receiptId, CancellationToken ct = default)
    {
        if (!staff.WorksGiving) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var receipt = await db.Receipts.Include(r => r.Lines).AsNoTracking().SingleOrDefaultAsync(r => r.Id == receiptId, ct);
        if (receipt is null)
        {
            await audit.DeniedAsync(db, staff, nameof(Receipt), receiptId, ct);
            return null;
        }
        audit.Export(db, staff, nameof(Receipt), receipt.Id, 1, receipt.DonorId, $"Receipt {receipt.Number} as PDF");
        await db.SaveChangesAsync(ct);
        return await RenderAsync(db, receipt, ct);
    }

    string IOutboxAttachmentSource.Kind => AttachmentKind;

    /// <summary>The PDF for an e-mailed receipt, rendered when the outbox sends it (the e-mail itself was audited when queued).</summary>
    async Task<OutboxAttachment?> IOutboxAttachmentSource.LoadAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var receipt = await db.Receipts.Include(r => r.Lines).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (receipt is null) return null;
        var pdf = await RenderAsync(db, receipt, ct);
        return new OutboxAttachment(pdf.FileName, "application/pdf", pdf.Content);
    }

    /// <summary>
    /// Queues the receipt to the donor by e-mail, the PDF attached at send time. Only a current receipt, and only to a
    /// donor with an address who has not asked to stop e-mail or all contact (print it for them instead). Each send is
    /// its own outbox message, so a lost receipt can be sent again; it is on the donor's timeline and in the audit log.
    /// </summary>
    public async Task<CommandResult> EmailAsync(UserScope staff, int receiptId, CancellationToken ct = default)
    {
        if (!staff.WorksGiving) return CommandResult.NotFound;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var receipt = await db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.Id == receiptId, ct);
        if (receipt is null) return CommandResult.NotFound;
        if (!receipt.IsCurrent) return CommandResult.Invalid($"Receipt {receipt.Number} is void; send the current one.");
        var donor = await db.Constituents.Where(c => c.Id == receipt.DonorId).Where(Constituent.MayBeEmailed).Select(c => new { c.DisplayName, c.Email }).SingleOrDefaultAsync(ct);
        if (donor is null) return CommandResult.Invalid("This donor has no e-mail address or does not want e-mail; download the receipt and post it instead.");
        // Numbered per send through the unique dedup-key index (a seek each; a receipt is sent a handful of times at most).
        var send = 1;
        while (await db.OutboxMessages.AnyAsync(m => m.DedupKey == $"receipt:{receipt.Id}:{send}", ct)) send++;
        QueueEmail(db, staff, receipt, donor.DisplayName, donor.Email!, send, time.UtcNow(), yearEnd: false);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Only a collision on the key means "someone just sent it"; any other failure is a real error.
            await using var check = await dbFactory.CreateDbContextAsync(ct);
            if (await check.OutboxMessages.AnyAsync(m => m.DedupKey == $"receipt:{receipt.Id}:{send}", ct))
                return CommandResult.Invalid($"Receipt {receipt.Number} is already being sent.");
            throw;
        }
        return CommandResult.Ok(receipt.Id);
    }

    /// <summary>The outbox origin of a year-end run's e-mails: its progress is counted by it.</summary>
    public static string YearEndOrigin(int taxYear) => $"year-end:{taxYear}";

    /// <summary>
    /// The receipt's e-mail (its PDF attached when sent), the timeline entry and the audit line, added to the caller's
    /// unit of work. A receipt someone asked for goes before bulk mail; a year-end run's summaries are bulk.
    /// </summary>
    private void QueueEmail(CormDbContext db, UserScope staff, Receipt receipt, string donorName, string email, int send, DateTime now, bool yearEnd)
    {
        var o = options.Value;
        db.OutboxMessages.Add(new OutboxMessage
        {
            Priority = yearEnd ? OutboxPriority.Bulk : OutboxPriority.Transactional,
            Origin = yearEnd ? YearEndOrigin(receipt.TaxYear) : null,
            // A double click collides on the unique key instead of sending twice.
            DedupKey = $"receipt:{receipt.Id}:{send}",
            RecipientConstituentId = receipt.DonorId,
            ToAddress = email,
            ToName = donorName,
            Subject = $"Your receipt {receipt.Number} from {o.Institution}",
            TextBody = $"Dear {donorName},\n\nThank you for your support. Your official receipt for income tax purposes is attached: " +
                       $"receipt {receipt.Number}, {(receipt.Kind == ReceiptKind.Gift ? "for your gift" : $"for your gifts in {receipt.TaxYear}")}, " +
                       $"eligible amount {Money(receipt.Deductible, receipt.Currency)}.\n\nPlease keep it with your tax records.\n\n{o.ReceiptSignatory}\n{o.Institution}\n",
            AttachmentRef = $"{AttachmentKind}:{receipt.Id}",
            CreatedAt = now,
        });
        db.Interactions.Add(Interaction.Log(receipt.DonorId, Channel.Email, Topic.Giving, $"Receipt {receipt.Number} e-mailed", null, now, staff.ConstituentId, now, inbound: false));
        audit.Record(db, staff, AuditAction.Update, nameof(Receipt), receipt.Id, receipt.DonorId, $"Receipt {receipt.Number} e-mailed to {email}");
    }

    private async Task<ReceiptPdf> RenderAsync(CormDbContext db, Receipt receipt, CancellationToken ct)
    {
        var replaces = receipt.ReplacesId is { } id ? await db.Receipts.Where(r => r.Id == id).Select(r => new { r.Number, r.VoidReason }).SingleAsync(ct) : null;
        var replacedBy = await db.Receipts.Where(r => r.ReplacesId == receipt.Id).Select(r => r.Number).FirstOrDefaultAsync(ct);
        var giftIds = receipt.Lines.Select(l => l.GiftId).OfType<int>().ToList();
        var funds = await db.Gifts.Where(g => giftIds.Contains(g.Id)).Join(db.Funds, g => g.FundId, f => f.Id, (g, f) => new { g.Id, f.Name }).ToDictionaryAsync(x => x.Id, x => x.Name, ct);

        var o = options.Value;
        var c = CultureInfo.InvariantCulture;
        using var pdf = documents.Create($"Receipt {receipt.Number}", o.Institution);
        pdf.Title(o.Institution);
        pdf.Text(o.InstitutionAddress, muted: true);
        pdf.Text($"Charity registration {o.CharityNumber}", muted: true);
        pdf.Space(18);
        pdf.Text(receipt.Kind == ReceiptKind.Gift ? "Official receipt for income tax purposes" : $"Official annual receipt for income tax purposes — {receipt.TaxYear}", strong: true);
        pdf.Space(6);
        pdf.Pair("Receipt number", receipt.Number, strong: true);
        pdf.Pair("Issued on", InstitutionFormat.Date(WallClock.DayOf(receipt.IssuedAt, time.LocalTimeZone)));
        if (replaces is not null) pdf.Pair("Cancels and replaces receipt", replaces.Number);
        if (!receipt.IsCurrent)
            pdf.Pair("VOID", replacedBy is null ? $"voided on {InstitutionFormat.Date(WallClock.DayOf(receipt.VoidedAt!.Value, time.LocalTimeZone))}: {receipt.VoidReason}" : $"replaced by {replacedBy} on {InstitutionFormat.Date(WallClock.DayOf(receipt.VoidedAt!.Value, time.LocalTimeZone))}", strong: true);
        pdf.Space(12);
        pdf.Text("Donor", strong: true);
        pdf.Text(receipt.DonorName);
        if (receipt.DonorAddress.Length > 0) pdf.Paragraph(receipt.DonorAddress);
        pdf.Space(12);
        var widths = new[] { 0.37, 0.21, 0.21, 0.21 };
        pdf.Row(["Gift received", "Amount", "Advantage", "Eligible amount"], widths, header: true);
        foreach (var line in receipt.Lines.OrderBy(l => l.ReceivedOn).ThenBy(l => l.GiftId))
        {
            var what = $"{InstitutionFormat.Date(line.ReceivedOn)} · {(line.GiftId is { } giftId ? funds.GetValueOrDefault(giftId, "") : "since refunded")}";
            pdf.Row([what, Money(line.Amount, receipt.Currency), Money(line.BenefitValue, receipt.Currency), Money(line.Deductible, receipt.Currency)], widths);
            if (line.Description is { } description) pdf.Text($"In kind: {description}", muted: true);
        }
        pdf.Rule();
        pdf.Row(["Total", Money(receipt.Amount, receipt.Currency), Money(receipt.Lines.Sum(l => l.BenefitValue), receipt.Currency), Money(receipt.Deductible, receipt.Currency)], widths, header: false);
        pdf.Space(10);
        pdf.Pair(receipt.Lines.Count == 1 ? "Eligible amount of the gift for tax purposes" : "Eligible amount of the gifts for tax purposes", Money(receipt.Deductible, receipt.Currency), strong: true);
        pdf.Space(30);
        pdf.Text("____________________________");
        pdf.Text(o.ReceiptSignatory, muted: true);
        pdf.Space(16);
        pdf.Paragraph("The eligible amount is what was given less the fair-market value of any advantage received in return. " +
                      "Keep this receipt with your tax records. A replacement receipt cancels the one it names.");
        return new ReceiptPdf($"receipt-{receipt.Number}.pdf", pdf.ToBytes());
    }

    private static string Money(decimal amount, string currency) => $"{amount.ToString("N2", CultureInfo.InvariantCulture)} {currency}";

    /// <summary>Every receipt, newest first: by number ("2026-0001…") or the donor's name as printed, and by tax year.</summary>
    public async Task<Page<ReceiptListRow>> SearchAsync(UserScope staff, string? term, int? taxYear, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        (pageIndex, pageSize) = Page<ReceiptListRow>.Clamp(pageIndex, pageSize);
        if (!staff.WorksGiving) return new Page<ReceiptListRow>([], 0, pageIndex, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Receipts.AsQueryable();
        term = term?.Trim();
        if (!string.IsNullOrEmpty(term))
            query = char.IsDigit(term[0]) ? query.Where(r => r.Number.StartsWith(term)) : query.Where(r => r.DonorName.Contains(term));
        if (taxYear is { } year) query = query.Where(r => r.TaxYear == year);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.IssuedAt).ThenByDescending(r => r.Id).Skip(pageIndex * pageSize).Take(pageSize)
            .Select(r => new ReceiptListRow(r.Id, r.Number, r.Kind, r.TaxYear, r.DonorId, r.DonorName, r.Deductible, r.Currency, r.IssuedAt, r.VoidedAt == null))
            .ToListAsync(ct);
        return new Page<ReceiptListRow>(rows, total, pageIndex, pageSize);
    }

    /// <summary>How many donors have deductible gifts in the year without a receipt: what the year-end run would receipt.</summary>
    public async Task<int> DonorsToReceiptAsync(UserScope staff, int year, CancellationToken ct = default)
    {
        if (!staff.WorksGiving) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await UnreceiptedDonors(db, year, options.Value.Currency).CountAsync(ct);
    }

    public sealed record YearEndRun(int Issued, int Refused, int Emailed);

    /// <summary>
    /// The year-end run: an annual summary for every donor with unreceipted deductible gifts in the year (in the
    /// institution's currency), optionally e-mailed to each donor who may be e-mailed (the others are for the post).
    /// Each donor's receipt is its own transaction, with its e-mail's outbox row in it: a run stopped anywhere (even
    /// killed) leaves every donor with both or neither, and running it again resumes where it was.
    /// </summary>
    public async Task<YearEndRun> IssueAnnualSummariesAsync(UserScope staff, int year, bool email = false, CancellationToken ct = default)
    {
        if (!staff.WorksGiving) return new YearEndRun(0, 0, 0);
        List<int> donors;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            donors = await UnreceiptedDonors(db, year, options.Value.Currency).OrderBy(id => id).ToListAsync(ct);
        int issued = 0, refused = 0, emailed = 0;
        foreach (var donor in donors)
        {
            var (result, sent) = await IssueAnnualSummaryAsync(staff, donor, year, email, ct);
            if (!result.Succeeded)
            {
                refused++;
                continue;
            }
            issued++;
            if (sent) emailed++;
        }
        return new YearEndRun(issued, refused, emailed);
    }

    internal static IQueryable<int> UnreceiptedDonors(CormDbContext db, int year, string currency)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return db.Gifts.Where(g => g.ReceivedOn >= from && g.ReceivedOn <= to && g.DeductibleAmount > 0 && g.Currency == currency && !db.ReceiptLines.Any(l => l.GiftId == g.Id && !l.Voided))
            .Select(g => g.DonorId).Distinct();
    }

    /// <summary>A donor's gifts with a deductible part and no current receipt.</summary>
    internal static IQueryable<Gift> Unreceipted(CormDbContext db, int donorId) =>
        db.Gifts.Where(g => g.DonorId == donorId && g.DeductibleAmount > 0 && !db.ReceiptLines.Any(l => l.GiftId == g.Id && !l.Voided));

    private static IQueryable<string> CurrentReceiptFor(CormDbContext db, int giftId) =>
        db.ReceiptLines.Where(l => l.GiftId == giftId && !l.Voided).Join(db.Receipts, l => l.ReceiptId, r => r.Id, (l, r) => r.Number);

    /// <summary>
    /// Writes the receipt (and voids the one it replaces) in one transaction with the next number of this year's
    /// series. A concurrent issuer taking the same number loses on the unique index and tries the next one.
    /// </summary>
    private async Task<(CommandResult Result, bool Emailed)> IssueAsync(UserScope staff, ReceiptKind kind, int donorId, IReadOnlyList<Gift> gifts, (int Id, string Reason)? replaces,
        bool email, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var now = time.UtcNow();
            var donor = await db.Constituents.Where(c => c.Id == donorId).Select(c => new
            {
                c.DisplayName,
                Address = db.Addresses.Where(a => a.ConstituentId == c.Id).OrderByDescending(a => a.IsPrimary).ThenBy(a => a.Id).FirstOrDefault(),
                EmailTo = db.Constituents.Where(Constituent.MayBeEmailed).Where(p => p.Id == c.Id).Select(p => p.Email).FirstOrDefault(),
            }).SingleAsync(ct);
            if (Receipt.WhyNotIssuable(kind, donorId, gifts) is { } refusal) return (CommandResult.Invalid(refusal), false);
            var receipt = Receipt.Issue(kind, donorId, donor.DisplayName, donor.Address?.ToString() ?? "", gifts, now, staff.ConstituentId);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (replaces is { } old)
            {
                var voided = await db.Receipts.Where(r => r.Id == old.Id && r.VoidedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.VoidedAt, now).SetProperty(r => r.VoidReason, old.Reason), ct);
                if (voided == 0) return (CommandResult.Invalid("That receipt was replaced a moment ago; reissue the current one."), false);
                await db.ReceiptLines.Where(l => l.ReceiptId == old.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Voided, true), ct);
                receipt.ReplacesId = old.Id;
            }
            else
            {
                var giftIds = gifts.Select(g => g.Id).ToList();
                var taken = await db.ReceiptLines.Where(l => l.GiftId != null && giftIds.Contains(l.GiftId.Value) && !l.Voided)
                    .Join(db.Receipts, l => l.ReceiptId, r => r.Id, (l, r) => r.Number).FirstOrDefaultAsync(ct);
                if (taken is not null) return (CommandResult.Invalid($"A gift here is already on receipt {taken}. Reissue that receipt to correct it."), false);
            }
            var year = now.Year;
            var next = (await db.Receipts.Where(r => r.SeriesYear == year).MaxAsync(r => (int?)r.Sequence, ct) ?? 0) + 1;
            receipt.AssignNumber(year, next);
            db.Receipts.Add(receipt);
            try
            {
                await db.SaveChangesAsync(ct);
                audit.Record(db, staff, AuditAction.Create, nameof(Receipt), receipt.Id, donorId,
                    replaces is null ? $"Receipt {receipt.Number}" : $"Receipt {receipt.Number} replaces #{replaces.Value.Id}: {replaces.Value.Reason}");
                var emailed = email && donor.EmailTo is not null;
                if (emailed) QueueEmail(db, staff, receipt, donor.DisplayName, donor.EmailTo!, send: 1, now, yearEnd: true);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return (CommandResult.Ok(receipt.Id), emailed);
            }
            catch (DbUpdateException) when (attempt < NumberAttempts)
            {
                // Someone took that number (or receipted one of these gifts): the void rolls back too, and the next
                // attempt either takes the following number or reports the gift as receipted.
                await tx.RollbackAsync(ct);
            }
        }
    }
}
