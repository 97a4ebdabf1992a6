using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Advancement;
using CoRM.Domain.Auditing;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Advancement;

public sealed record SoftCreditRequest(int ConstituentId, decimal Amount, SoftCreditReason Reason);

public sealed record RecordGiftRequest(
    int DonorId, decimal Amount, string? Currency, DateOnly ReceivedOn, int FundId, PaymentMethod Method, GiftKind Kind = GiftKind.Outright,
    decimal BenefitValue = 0, string? Description = null, int? AppealId = null, int? PledgeId = null, int? RecurringGiftId = null,
    IReadOnlyList<SoftCreditRequest>? SoftCredits = null);

public sealed record PledgeRequest(int DonorId, decimal Amount, int FundId, int Instalments, Frequency Frequency, DateOnly FirstDue, int? AppealId = null);

public sealed record RecurringRequest(int DonorId, decimal Amount, int FundId, Frequency Frequency, DateOnly StartsOn, PaymentMethod Method);

public sealed record GiftRow(int Id, int DonorId, string DonorName, DateOnly ReceivedOn, decimal Amount, string Currency, decimal Deductible, string Fund,
    string? Appeal, GiftKind Kind, PaymentMethod Method, string? Description, int SoftCredits, string? Receipt);

public sealed record YearTotal(int Year, decimal Hard, decimal Soft);

/// <summary>A gift as it stands, for the correction dialog; the version guards against two people correcting it at once.</summary>
public sealed record GiftEdit(int Id, int DonorId, decimal Amount, DateOnly ReceivedOn, int FundId, int? AppealId, PaymentMethod Method, GiftKind Kind,
    decimal BenefitValue, string? Description, string? Receipt, Guid Version);

public sealed record CorrectGiftRequest(int GiftId, decimal Amount, DateOnly ReceivedOn, int FundId, int? AppealId, PaymentMethod Method, decimal BenefitValue,
    string? Description, Guid Version);

public sealed record SoftCreditRow(int GiftId, DateOnly ReceivedOn, int OtherId, string OtherName, decimal Amount, SoftCreditReason Reason);

public sealed record PledgeRow(int Id, DateOnly PledgedOn, decimal Amount, string Fund, decimal Paid, decimal Balance, DateOnly? NextDueOn, decimal? NextDueAmount, decimal Overdue, bool Cancelled);

public sealed record RecurringRow(int Id, decimal Amount, Frequency Frequency, DateOnly StartsOn, DateOnly? EndsOn, string Fund, int Missed, DateOnly? LastPaidOn);

public sealed record DonorView(
    int Id, string Name, decimal Lifetime, decimal SoftCreditsReceived, DateOnly? FirstGiftOn, DateOnly? LastGiftOn, decimal? LastGiftAmount, decimal LargestGift,
    int Gifts, DonorScore? Score, decimal HouseholdLifetime, IReadOnlyList<string> HouseholdMembers, IReadOnlyList<YearTotal> ByYear,
    IReadOnlyList<GiftRow> RecentGifts, IReadOnlyList<SoftCreditRow> SoftCreditsGiven, IReadOnlyList<SoftCreditRow> SoftCreditsReceivedRows,
    IReadOnlyList<PledgeRow> Pledges, IReadOnlyList<RecurringRow> Recurring, int EventsAttended);

public sealed record Choice(int Id, string Name);

/// <summary>
/// Recording gifts, pledges and recurring gifts, and the donor's giving record. Advancement staff and administrators
/// only: every other role gets "not found", so faculty and parents never see a gift.
/// </summary>
public sealed class GivingRecords(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, IOptions<AdvancementOptions> options, TimeProvider time)
{
    /// <summary>Years shown on the donor's giving-by-year chart; lifetime totals cover the rest.</summary>
    public const int MaxChartYears = 15;

    public const int RecentGiftsShown = 10;

    public async Task<CommandResult> RecordGiftAsync(UserScope staff, RecordGiftRequest request, CancellationToken ct = default)
    {
        if (!staff.WorksGiving) return CommandResult.NotFound;
        var now = time.UtcNow();
        var today = time.Today();
        return await runner.RunAsync(CommandOptions.About("gift", transaction: true), async db =>
        {
            var donor = await db.Constituents.Include(c => c.Hats).SingleOrDefaultAsync(c => c.Id == request.DonorId, ct);
            if (donor is null) return CommandResult.NotFound;
            if (!await db.Funds.AnyAsync(f => f.Id == request.FundId, ct)) return CommandResult.Invalid("Choose a fund from the list.");
            if (request.AppealId is { } appeal && !await db.Appeals.AnyAsync(a => a.Id == appeal, ct)) return CommandResult.Invalid("Choose an appeal from the list.");
            if (request.PledgeId is { } pledge && !await db.Pledges.AnyAsync(p => p.Id == pledge && p.DonorId == donor.Id && p.CancelledOn == null, ct))
                return CommandResult.Invalid("That pledge is not an open pledge of this donor.");
            if (request.RecurringGiftId is { } recurring && !await db.RecurringGifts.AnyAsync(r => r.Id == recurring && r.DonorId == donor.Id, ct))
                return CommandResult.Invalid("That recurring gift is not this donor's.");
            var kind = request.PledgeId is not null ? GiftKind.PledgePayment : request.RecurringGiftId is not null ? GiftKind.RecurringInstalment : request.Kind;
            var gift = Gift.Receive(donor.Id, request.Amount, request.Currency ?? options.Value.Currency, request.ReceivedOn, request.FundId, request.Method,
                today, now, staff.ConstituentId, kind, request.BenefitValue, request.Description, request.AppealId);
            gift.PledgeId = request.PledgeId;
            gift.RecurringGiftId = request.RecurringGiftId;
            var credited = (request.SoftCredits ?? []).Select(s => s.ConstituentId).Distinct().ToList();
            var known = await db.Constituents.Where(c => credited.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
            foreach (var credit in request.SoftCredits ?? [])
            {
                if (!known.Contains(credit.ConstituentId)) return CommandResult.Invalid("A soft credit names someone who is not on record.");
                gift.CreditTo(credit.ConstituentId, credit.Amount, credit.Reason);
            }
            db.Gifts.Add(gift);
            if (!donor.WearsHatOn(HatKind.Donor, today)) donor.Hats.Add(Hat.Wear(HatKind.Donor, request.ReceivedOn));
            var fund = await db.Funds.Where(f => f.Id == request.FundId).Select(f => f.Name).SingleAsync(ct);
            var receivedAt = request.ReceivedOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
            db.Interactions.Add(Interaction.Log(donor.Id, Gift.ChannelOf(gift.Method), Topic.Giving, $"Gift of {gift.Amount:N2} {gift.Currency} to {fund}",
                gift.Description, receivedAt > now ? now : receivedAt, staff.ConstituentId, now, inbound: true));
            // A generous gift is thanked within 48 hours: the officer who recorded it owns the thank-you.
            if (gift.Amount >= options.Value.ThankYouThreshold && request.ReceivedOn >= today.AddDays(-2))
                db.FollowUps.Add(FollowUp.Create(donor.Id, staff.ConstituentId, Topic.Giving, $"Thank {donor.DisplayName} for their gift of {gift.Amount:N2} {gift.Currency}",
                    $"Within 48 hours of the gift ({fund}).", request.ReceivedOn.AddDays(2) < today ? today : request.ReceivedOn.AddDays(2), today, staff.ConstituentId, now));
            await db.SaveChangesAsync(ct);
            audit.Record(db, staff, AuditAction.Create, nameof(Gift), gift.Id, donor.Id, $"Gift {gift.Amount:N2} {gift.Currency}");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(gift.Id);
        }, ct);
    }

    public async Task<GiftEdit?> GiftForEditAsync(UserScope staff, int giftId, CancellationToken ct = default)
    {
        if (!staff.WorksGiving) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Gifts.Where(g => g.Id == giftId).Select(g => new GiftEdit(g.Id, g.DonorId, g.Amount, g.ReceivedOn, g.FundId, g.AppealId, g.Method, g.Kind,
            g.BenefitValue, g.Description,
            db.ReceiptLines.Where(l => l.GiftId == g.Id && !l.Voided).Join(db.Receipts, l => l.ReceiptId, r => r.Id, (l, r) => r.Number).FirstOrDefault(), g.Version))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Corrects a gift recorded wrongly. Refused if someone changed it meanwhile (the version) or if the correction
    /// breaks a rule; audited with what it was. A current receipt keeps its printed figures until it is reissued.
    /// </summary>
    public async Task<CommandResult> CorrectGiftAsync(UserScope staff, CorrectGiftRequest request, CancellationToken ct = default)
    {
        if (!staff.WorksGiving) return CommandResult.NotFound;
        return await runner.RunAsync(CommandOptions.About("gift"), async db =>
        {
            var gift = await db.Gifts.Include(g => g.SoftCredits).SingleOrDefaultAsync(g => g.Id == request.GiftId, ct);
            if (gift is null) return CommandResult.NotFound;
            db.Entry(gift).Property(g => g.Version).OriginalValue = request.Version;
            if (!await db.Funds.AnyAsync(f => f.Id == request.FundId, ct)) return CommandResult.Invalid("Choose a fund from the list.");
            if (request.AppealId is { } appeal && !await db.Appeals.AnyAsync(a => a.Id == appeal, ct)) return CommandResult.Invalid("Choose an appeal from the list.");
            var was = $"{gift.Amount:N2} {gift.Currency} on {gift.ReceivedOn:yyyy-MM-dd}, fund {gift.FundId}, deductible {gift.DeductibleAmount:N2}";
            gift.Correct(request.Amount, request.ReceivedOn, request.FundId, request.AppealId, request.Method, request.BenefitValue, request.Description, time.Today());
            audit.Record(db, staff, AuditAction.Update, nameof(Gift), gift.Id, gift.DonorId,
                $"Gift #{gift.Id} corrected: was {was}; now {gift.Amount:N2} {gift.Currency} on {gift.ReceivedOn:yyyy-MM-dd}, fund {gift.FundId}, deductible {gift.DeductibleAmount:N2}");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(gift.Id);
        }, ct);
    }

    /// <summary>
    /// Refunds a gift — a bounced cheque, a charge-back, money given back — by removing it with its soft credits: it no
    /// longer counts anywhere (a pledge it paid is open again). A reason is required; it goes on the donor's timeline and
    /// in the audit log. Refused while the gift is on a current receipt (void that first) and for tickets (cancel the
    /// registration on the event instead).
    /// </summary>
    public async Task<CommandResult> RefundGiftAsync(UserScope staff, int giftId, string? reason, CancellationToken ct = default)
    {
        if (!staff.WorksGiving) return CommandResult.NotFound;
        return await runner.RunAsync(CommandOptions.About("gift"), async db =>
        {
            var gift = await db.Gifts.Include(g => g.SoftCredits).SingleOrDefaultAsync(g => g.Id == giftId, ct);
            if (gift is null) return CommandResult.NotFound;
            var why = gift.Refund(reason);
            if (await db.ReceiptLines.Where(l => l.GiftId == gift.Id && !l.Voided).Join(db.Receipts, l => l.ReceiptId, r => r.Id, (l, r) => r.Number).FirstOrDefaultAsync(ct) is { } number)
                return CommandResult.Invalid($"The gift is on receipt {number}. Void that receipt first (Receipts tab), then refund.");
            var now = time.UtcNow();
            db.Gifts.Remove(gift);
            db.Interactions.Add(Interaction.Log(gift.DonorId, Gift.ChannelOf(gift.Method), Topic.Giving, $"Gift of {gift.Amount:N2} {gift.Currency} ({gift.ReceivedOn:d MMM yyyy}) refunded",
                why, now, staff.ConstituentId, now, inbound: false));
            audit.Record(db, staff, AuditAction.Delete, nameof(Gift), gift.Id, gift.DonorId,
                $"Gift #{gift.Id} of {gift.Amount:N2} {gift.Currency} on {gift.ReceivedOn:yyyy-MM-dd} refunded: {why}");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(gift.Id);
        }, ct);
    }

    public async Task<CommandResult> MakePledgeAsync(UserScope staff, PledgeRequest request, CancellationToken ct = default)
    {
        if (!staff.WorksGiving) return CommandResult.NotFound;
        return await runner.RunAsync(CommandOptions.About("pledge", transaction: true), async db =>
        {
            if (!await db.Constituents.AnyAsync(c => c.Id == request.DonorId, ct)) return CommandResult.NotFound;
            if (!await db.Funds.AnyAsync(f => f.Id == request.FundId, ct)) return CommandResult.Invalid("Choose a fund from the list.");
            var now = time.UtcNow();
            var pledge = Pledge.Make(request.DonorId, request.Amount, options.Value.Currency, request.FundId, time.Today(), request.Instalments, request.Frequency, request.FirstDue, now, request.AppealId);
            db.Pledges.Add(pledge);
            db.Interactions.Add(Interaction.Log(request.DonorId, Channel.Meeting, Topic.Giving, $"Pledged {pledge.Amount:N2} {pledge.Currency} in {request.Instalments} instalments", null, now, staff.ConstituentId, now, inbound: true));
            await db.SaveChangesAsync(ct);
            audit.Record(db, staff, AuditAction.Create, nameof(Pledge), pledge.Id, request.DonorId, $"{pledge.Amount:N2} {pledge.Currency}");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(pledge.Id);
        }, ct);
    }

    public async Task<CommandResult> StartRecurringAsync(UserScope staff, RecurringRequest request, CancellationToken ct = default)
    {
        if (!staff.WorksGiving) return CommandResult.NotFound;
        return await runner.RunAsync(CommandOptions.About("recurring gift", transaction: true), async db =>
        {
            if (!await db.Constituents.AnyAsync(c => c.Id == request.DonorId, ct)) return CommandResult.NotFound;
            if (!await db.Funds.AnyAsync(f => f.Id == request.FundId, ct)) return CommandResult.Invalid("Choose a fund from the list.");
            var now = time.UtcNow();
            var recurring = RecurringGift.Start(request.DonorId, request.Amount, options.Value.Currency, request.FundId, request.Frequency, request.StartsOn, request.Method, now);
            db.RecurringGifts.Add(recurring);
            db.Interactions.Add(Interaction.Log(request.DonorId, Channel.WebForm, Topic.Giving, $"Recurring gift of {recurring.Amount:N2} {recurring.Currency} ({request.Frequency.ToString().ToLowerInvariant()})", null, now, staff.ConstituentId, now, inbound: true));
            await db.SaveChangesAsync(ct);
            audit.Record(db, staff, AuditAction.Create, nameof(RecurringGift), recurring.Id, request.DonorId, $"{recurring.Amount:N2} {recurring.Currency}");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(recurring.Id);
        }, ct);
    }

    /// <summary>The donor's giving record; null for anyone outside advancement, or for an unknown id.</summary>
    public async Task<DonorView?> DonorAsync(UserScope staff, int constituentId, CancellationToken ct = default)
    {
        if (!staff.WorksGiving) return null;
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = await db.Constituents.Where(c => c.Id == constituentId).Select(c => c.DisplayName).SingleOrDefaultAsync(ct);
        if (name is null) return null;

        var totals = await GivingTotals(db, [constituentId]).SingleOrDefaultAsync(ct);
        var softReceived = await db.SoftCredits.Where(s => s.ConstituentId == constituentId).SumAsync(s => (decimal?)s.Amount, ct) ?? 0;
        var byYear = await db.Gifts.Where(g => g.DonorId == constituentId).GroupBy(g => g.ReceivedOn.Year).Select(g => new { Year = g.Key, Total = g.Sum(x => x.Amount) }).ToListAsync(ct);
        var softByYear = await db.SoftCredits.Where(s => s.ConstituentId == constituentId).Join(db.Gifts, s => s.GiftId, g => g.Id, (s, g) => new { g.ReceivedOn.Year, s.Amount })
            .GroupBy(x => x.Year).Select(g => new { Year = g.Key, Total = g.Sum(x => x.Amount) }).ToListAsync(ct);
        // Every year from the first gift to this one, so a year without giving shows as a gap rather than vanishing
        // (a lapse is what an officer looks for); the chart keeps the last MaxChartYears.
        var givingYears = byYear.Select(y => y.Year).Union(softByYear.Select(y => y.Year)).ToList();
        var lastYear = Math.Max(time.Today().Year, givingYears.DefaultIfEmpty(0).Max());
        var firstYear = Math.Max(givingYears.DefaultIfEmpty(lastYear).Min(), lastYear - MaxChartYears + 1);
        var years = givingYears.Count == 0 ? [] : Enumerable.Range(firstYear, lastYear - firstYear + 1).ToList();
        var recent = await Rows(db, db.Gifts.Where(g => g.DonorId == constituentId).OrderByDescending(g => g.ReceivedOn).ThenByDescending(g => g.Id).Take(RecentGiftsShown)).ToListAsync(ct);
        var given = await db.SoftCredits.Join(db.Gifts.Where(g => g.DonorId == constituentId), s => s.GiftId, g => g.Id, (s, g) => new { s, g })
            .OrderByDescending(x => x.g.ReceivedOn).Take(20)
            .Select(x => new SoftCreditRow(x.g.Id, x.g.ReceivedOn, x.s.ConstituentId, db.Constituents.Where(c => c.Id == x.s.ConstituentId).Select(c => c.DisplayName).First(), x.s.Amount, x.s.Reason))
            .ToListAsync(ct);
        var received = await db.SoftCredits.Where(s => s.ConstituentId == constituentId).Join(db.Gifts, s => s.GiftId, g => g.Id, (s, g) => new { s, g })
            .OrderByDescending(x => x.g.ReceivedOn).Take(20)
            .Select(x => new SoftCreditRow(x.g.Id, x.g.ReceivedOn, x.g.DonorId, db.Constituents.Where(c => c.Id == x.g.DonorId).Select(c => c.DisplayName).First(), x.s.Amount, x.s.Reason))
            .ToListAsync(ct);

        var pledges = await db.Pledges.AsNoTracking().Include(p => p.Instalments).Where(p => p.DonorId == constituentId).OrderByDescending(p => p.PledgedOn).ToListAsync(ct);
        var pledgeIds = pledges.Select(p => p.Id).ToList();
        var paidOnPledges = await db.Gifts.Where(g => g.PledgeId != null && pledgeIds.Contains(g.PledgeId.Value)).GroupBy(g => g.PledgeId!.Value)
            .Select(g => new { g.Key, Paid = g.Sum(x => x.Amount) }).ToDictionaryAsync(g => g.Key, g => g.Paid, ct);
        var funds = await db.Funds.ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        var pledgeRows = pledges.Select(p =>
        {
            var paid = paidOnPledges.GetValueOrDefault(p.Id);
            var next = p.NextDue(paid);
            var owedOnNext = next is null ? (decimal?)null : p.Schedule(paid).Single(r => r.Instalment.Number == next.Number).Owed;
            return new PledgeRow(p.Id, p.PledgedOn, p.Amount, funds[p.FundId], paid, p.Balance(paid), next?.DueOn, owedOnNext, p.OverdueOn(today, paid), p.CancelledOn is not null);
        }).ToList();

        var recurring = await db.RecurringGifts.AsNoTracking().Where(r => r.DonorId == constituentId).ToListAsync(ct);
        var recurringIds = recurring.Select(r => r.Id).ToList();
        var paidDates = (await db.Gifts.Where(g => g.RecurringGiftId != null && recurringIds.Contains(g.RecurringGiftId.Value)).Select(g => new { Id = g.RecurringGiftId!.Value, g.ReceivedOn }).ToListAsync(ct))
            .ToLookup(x => x.Id, x => x.ReceivedOn);
        var recurringRows = recurring.Select(r => new RecurringRow(r.Id, r.Amount, r.Frequency, r.StartsOn, r.EndsOn, funds[r.FundId], r.Missed(paidDates[r.Id], today).Count,
            paidDates[r.Id].DefaultIfEmpty().Max() is var last && last == default ? null : last)).ToList();

        // The household: spouses and household members, with this donor.
        var household = await db.Relationships.Where(Relationship.ActiveOn(today))
            .Where(r => (r.Kind == RelationshipKind.Spouse || r.Kind == RelationshipKind.HouseholdMember) && (r.SubjectId == constituentId || r.RelatedId == constituentId))
            .Select(r => r.SubjectId == constituentId ? r.RelatedId : r.SubjectId).Distinct().ToListAsync(ct);
        var householdNames = await db.Constituents.Where(c => household.Contains(c.Id)).OrderBy(c => c.SortName).Select(c => c.DisplayName).ToListAsync(ct);
        var householdLifetime = (totals?.Lifetime ?? 0) + (household.Count == 0 ? 0 : await db.Gifts.Where(g => household.Contains(g.DonorId)).SumAsync(g => (decimal?)g.Amount, ct) ?? 0);
        var score = await db.DonorScores.AsNoTracking().SingleOrDefaultAsync(s => s.ConstituentId == constituentId, ct);
        var attended = await db.EventRegistrations.CountAsync(r => r.ConstituentId == constituentId && r.Attended == true, ct);
        var lastAmount = totals?.LastGiftOn is null ? (decimal?)null : recent.FirstOrDefault()?.Amount;

        audit.Record(db, staff, AuditAction.Read, "DonorRecord", constituentId, constituentId, "Donor record");
        await db.SaveChangesAsync(ct);
        return new DonorView(constituentId, name, totals?.Lifetime ?? 0, softReceived, totals?.FirstGiftOn, totals?.LastGiftOn, lastAmount, totals?.Largest ?? 0, totals?.Gifts ?? 0,
            score, householdLifetime, householdNames,
            years.Select(y => new YearTotal(y, byYear.FirstOrDefault(b => b.Year == y)?.Total ?? 0, softByYear.FirstOrDefault(b => b.Year == y)?.Total ?? 0)).ToList(),
            recent, given, received, pledgeRows, recurringRows, attended);
    }

    public async Task<Page<GiftRow>> RecentAsync(UserScope staff, int? fundId, int page, int pageSize, CancellationToken ct = default)
    {
        (page, pageSize) = Page<GiftRow>.Clamp(page, pageSize);
        if (!staff.WorksGiving) return new Page<GiftRow>([], 0, page, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var gifts = db.Gifts.AsQueryable();
        if (fundId is { } f) gifts = gifts.Where(g => g.FundId == f);
        var total = await gifts.CountAsync(ct);
        var rows = await Rows(db, gifts.OrderByDescending(g => g.ReceivedOn).ThenByDescending(g => g.Id).Skip(page * pageSize).Take(pageSize)).ToListAsync(ct);
        return new Page<GiftRow>(rows, total, page, pageSize);
    }

    public async Task<(IReadOnlyList<Choice> Funds, IReadOnlyList<Choice> Appeals)> ChoicesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Funds.OrderBy(f => f.Name).Select(f => new Choice(f.Id, f.Name)).ToListAsync(ct),
                await db.Appeals.OrderByDescending(a => a.StartsOn).Select(a => new Choice(a.Id, a.Name)).ToListAsync(ct));
    }

    internal sealed record Totals(int DonorId, decimal Lifetime, decimal Largest, int Gifts, DateOnly? FirstGiftOn, DateOnly? LastGiftOn);

    /// <summary>Hard-credit totals per donor: the figures on a donor record and the input of the RFM recompute.</summary>
    internal static IQueryable<Totals> GivingTotals(CormDbContext db, IReadOnlyCollection<int>? donors = null) =>
        (donors is null ? db.Gifts : db.Gifts.Where(g => donors.Contains(g.DonorId)))
            .GroupBy(g => g.DonorId)
            .Select(g => new Totals(g.Key, g.Sum(x => x.Amount), g.Max(x => x.Amount), g.Count(), g.Min(x => (DateOnly?)x.ReceivedOn), g.Max(x => (DateOnly?)x.ReceivedOn)));

    internal static IQueryable<GiftRow> Rows(CormDbContext db, IQueryable<Gift> gifts) =>
        gifts.Select(g => new GiftRow(g.Id, g.DonorId, db.Constituents.Where(c => c.Id == g.DonorId).Select(c => c.DisplayName).First(), g.ReceivedOn, g.Amount, g.Currency,
            g.DeductibleAmount, db.Funds.Where(f => f.Id == g.FundId).Select(f => f.Name).First(), db.Appeals.Where(a => a.Id == g.AppealId).Select(a => a.Name).FirstOrDefault(),
            g.Kind, g.Method, g.Description, g.SoftCredits.Count,
            db.ReceiptLines.Where(l => l.GiftId == g.Id && !l.Voided).Join(db.Receipts, l => l.ReceiptId, r => r.Id, (l, r) => r.Number).FirstOrDefault()));
}
