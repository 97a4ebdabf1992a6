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

public sealed record EventRow(int Id, string Name, DateTime StartsAt, decimal TicketPrice, decimal FairMarketValue, decimal DeductiblePerTicket, int? Capacity,
    int TicketsSold, int Registrations, int Attended, decimal Raised);

public sealed record RegistrationRow(int Id, int ConstituentId, string Name, int Tickets, DateTime RegisteredAt, decimal? Paid, decimal? Deductible, bool? Attended,
    DateTime? CancelledAt = null, decimal? RefundedAmount = null, bool KeptAsGift = false);

public sealed record EventDetail(EventRow Event, string Fund, IReadOnlyList<RegistrationRow> Registrations);

public sealed record PlanEventRequest(string Name, DateTime StartsAt, decimal TicketPrice, decimal FairMarketValue, int? Capacity, int FundId);

/// <summary>
/// Fundraising events: planning with a ticket price and the fair-market value of what a guest receives, registrations
/// (each paid registration is an event-ticket gift whose deductible part excludes that value) and attendance, which
/// feeds the donor record and the "events attended" segment rule. Advancement staff and administrators only.
/// </summary>
public sealed class GivingEvents(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, IOptions<AdvancementOptions> options, TimeProvider time)
{
    public async Task<IReadOnlyList<EventRow>> ListAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.WorksGiving) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, db.GivingEvents.OrderByDescending(e => e.StartsAt).Take(200)).ToListAsync(ct);
    }

    public async Task<EventDetail?> EventAsync(UserScope user, int id, CancellationToken ct = default)
    {
        if (!user.WorksGiving) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await Rows(db, db.GivingEvents.Where(e => e.Id == id)).SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var fund = await db.GivingEvents.Where(e => e.Id == id).Join(db.Funds, e => e.FundId, f => f.Id, (e, f) => f.Name).SingleAsync(ct);
        // Live registrations first (by name), then the cancelled ones, most recent first.
        var registrations = await db.EventRegistrations.Where(r => r.EventId == id)
            .Join(db.Constituents, r => r.ConstituentId, c => c.Id, (r, c) => new { r, c.DisplayName, c.SortName })
            .OrderBy(x => x.r.CancelledAt != null).ThenByDescending(x => x.r.CancelledAt).ThenBy(x => x.SortName).ThenBy(x => x.r.Id)
            .Select(x => new RegistrationRow(x.r.Id, x.r.ConstituentId, x.DisplayName, x.r.Tickets, x.r.RegisteredAt,
                db.Gifts.Where(g => g.Id == x.r.GiftId).Select(g => (decimal?)g.Amount).FirstOrDefault(),
                db.Gifts.Where(g => g.Id == x.r.GiftId).Select(g => (decimal?)g.DeductibleAmount).FirstOrDefault(),
                x.r.Attended, x.r.CancelledAt, x.r.RefundedAmount, x.r.CancelledAt != null && x.r.GiftId != null))
            .ToListAsync(ct);
        return new EventDetail(row, fund, registrations);
    }

    public async Task<CommandResult> PlanAsync(UserScope user, PlanEventRequest request, CancellationToken ct = default)
    {
        if (!user.WorksGiving) return CommandResult.NotFound;
        return await runner.RunAsync(CommandOptions.About("event", transaction: true), async db =>
        {
            if (!await db.Funds.AnyAsync(f => f.Id == request.FundId, ct)) return CommandResult.Invalid("Choose the fund its tickets go to.");
            if (request.StartsAt < time.UtcNow()) return CommandResult.Invalid("Plan the event for a future date.");
            if (request.FairMarketValue > request.TicketPrice) return CommandResult.Invalid("What a guest receives cannot be worth more than the ticket.");
            var planned = GivingEvent.Plan(request.Name, DateTime.SpecifyKind(request.StartsAt, DateTimeKind.Utc), request.TicketPrice, request.FairMarketValue, request.Capacity, request.FundId);
            db.GivingEvents.Add(planned);
            await db.SaveChangesAsync(ct);
            audit.Record(db, user, AuditAction.Create, nameof(GivingEvent), planned.Id, null, planned.Name);
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(planned.Id);
        }, ct);
    }

    /// <summary>
    /// Registers a guest. A priced ticket is paid now: the registration and its event-ticket gift (deductible part =
    /// price less fair-market value, per ticket) commit together, with a timeline entry.
    /// </summary>
    public async Task<CommandResult> RegisterAsync(UserScope user, int eventId, int constituentId, int tickets, PaymentMethod method, CancellationToken ct = default)
    {
        if (!user.WorksGiving) return CommandResult.NotFound;
        var now = time.UtcNow();
        var today = time.Today();
        // The capacity check and the insert share a serializable transaction: two clerks selling the last seat at
        // once cannot both succeed (SQLite serialises writers; SQL Server makes one of them a deadlock victim).
        var register = new CommandOptions
        {
            Record = "event",
            Transaction = true,
            Isolation = System.Data.IsolationLevel.Serializable,
            UniqueIndexMessages = new Dictionary<string, string> { ["IX_EventRegistrations_EventId_ConstituentId"] = "That guest is already registered." },
            RaceMessage = "Someone else was registering a guest for this event at the same moment; try again.",
        };
        return await runner.RunAsync(register, async db =>
        {
            var planned = await db.GivingEvents.SingleOrDefaultAsync(e => e.Id == eventId, ct);
            var guest = await db.Constituents.Include(c => c.Hats).SingleOrDefaultAsync(c => c.Id == constituentId, ct);
            if (planned is null || guest is null) return CommandResult.NotFound;
            if (await db.EventRegistrations.AnyAsync(r => r.EventId == eventId && r.ConstituentId == constituentId && r.CancelledAt == null, ct))
                return CommandResult.Invalid($"{guest.DisplayName} is already registered.");
            var sold = await db.EventRegistrations.Where(r => r.EventId == eventId && r.CancelledAt == null && !r.Waitlisted).SumAsync(r => (int?)r.Tickets, ct) ?? 0;
            var registration = planned.Register(constituentId, tickets, sold, now);
            if (planned.TicketPrice > 0)
            {
                var gift = Gift.Receive(constituentId, planned.TicketPrice * tickets, options.Value.Currency, today, planned.FundId, method, today, now, user.ConstituentId,
                    GiftKind.EventTicket, planned.FairMarketValue * tickets, description: null);
                db.Gifts.Add(gift);
                await db.SaveChangesAsync(ct);
                registration.GiftId = gift.Id;
                if (!guest.WearsHatOn(HatKind.Donor, today)) guest.Hats.Add(Hat.Wear(HatKind.Donor, today));
            }
            db.EventRegistrations.Add(registration);
            db.Interactions.Add(Interaction.Log(constituentId, Channel.Event, Topic.Giving, Clip($"Registered for {planned.Name} ({tickets} ticket{(tickets == 1 ? "" : "s")})"),
                null, now, user.ConstituentId, now, inbound: true));
            await db.SaveChangesAsync(ct);
            audit.Record(db, user, AuditAction.Create, nameof(EventRegistration), registration.Id, constituentId, $"{planned.Name}: {tickets} ticket(s)");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(registration.Id);
        }, ct);
    }

    /// <summary>Records whether the guest came; only once the event has started. Attending is an interaction on their timeline.</summary>
    public Task<CommandResult> MarkAttendanceAsync(UserScope user, int registrationId, bool attended, CancellationToken ct = default) =>
        !user.WorksGiving ? Task.FromResult(CommandResult.NotFound) : Engagement.EventCheckIn.MarkAsync(runner, time, user, registrationId, attended, ct);

    /// <summary>
    /// Cancels a registration before the event and frees its seats. A paid ticket is either refunded — the ticket gift
    /// is removed, since the money went back (refused while the gift is on a current receipt) — or kept as a donation:
    /// the guest receives nothing, so the whole payment becomes deductible. Logged on the guest's timeline and audited.
    /// </summary>
    public async Task<CommandResult> CancelAsync(UserScope user, int registrationId, bool refund, CancellationToken ct = default)
    {
        if (!user.WorksGiving) return CommandResult.NotFound;
        return await runner.RunAsync(CommandOptions.About("registration", transaction: true), async db =>
        {
            var registration = await db.EventRegistrations.SingleOrDefaultAsync(r => r.Id == registrationId, ct);
            if (registration is null) return CommandResult.NotFound;
            var planned = await db.GivingEvents.SingleAsync(e => e.Id == registration.EventId, ct);
            var gift = registration.GiftId is { } giftId ? await db.Gifts.SingleAsync(g => g.Id == giftId, ct) : null;
            var now = time.UtcNow();
            registration.Cancel(planned, now, user.ConstituentId);
            string outcome;
            if (gift is null) outcome = "";
            else if (refund)
            {
                if (await db.ReceiptLines.Where(l => l.GiftId == gift.Id && !l.Voided).Join(db.Receipts, l => l.ReceiptId, r => r.Id, (l, r) => r.Number).FirstOrDefaultAsync(ct) is { } number)
                    return CommandResult.Invalid($"The ticket is on receipt {number}. Void that receipt first (the donor's Receipts tab), or cancel without a refund.");
                registration.RefundedAmount = gift.Amount;
                registration.GiftId = null;
                db.Gifts.Remove(gift);
                outcome = $"; {gift.Amount:N2} {gift.Currency} refunded";
            }
            else
            {
                gift.KeepAsDonation();
                outcome = $"; {gift.Amount:N2} {gift.Currency} kept as a gift";
            }
            db.Interactions.Add(Interaction.Log(registration.ConstituentId, Channel.Event, Topic.Giving, Clip($"Cancelled registration for {planned.Name}{outcome}"),
                null, now, user.ConstituentId, now, inbound: true));
            audit.Record(db, user, AuditAction.Update, nameof(EventRegistration), registration.Id, registration.ConstituentId, $"{planned.Name}: registration cancelled{outcome}");
            await db.SaveChangesAsync(ct);
            // The seat goes to the first on a free event's waiting list, in the same transaction as the cancellation.
            if (!registration.Waitlisted && await Engagement.EventWaitlist.PromoteAsync(db, planned, now, time.LocalTimeZone, ct) > 0) await db.SaveChangesAsync(ct);
            return CommandResult.Ok(registration.Id);
        }, ct);
    }

    public async Task<IReadOnlyList<Choice>> FundsAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.WorksGiving) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Funds.OrderBy(f => f.Name).Select(f => new Choice(f.Id, f.Name)).ToListAsync(ct);
    }

    internal static IQueryable<EventRow> Rows(CormDbContext db, IQueryable<GivingEvent> events) =>
        events.Select(e => new EventRow(e.Id, e.Name, e.StartsAt, e.TicketPrice, e.FairMarketValue, e.TicketPrice > e.FairMarketValue ? e.TicketPrice - e.FairMarketValue : 0, e.Capacity,
            db.EventRegistrations.Where(r => r.EventId == e.Id && r.CancelledAt == null && !r.Waitlisted).Sum(r => (int?)r.Tickets) ?? 0,
            db.EventRegistrations.Count(r => r.EventId == e.Id && r.CancelledAt == null && !r.Waitlisted),
            db.EventRegistrations.Count(r => r.EventId == e.Id && r.Attended == true),
            db.Gifts.Where(g => db.EventRegistrations.Any(r => r.EventId == e.Id && r.GiftId == g.Id)).Sum(g => (decimal?)g.Amount) ?? 0));

    private static string Clip(string subject) => subject.Length > Interaction.SubjectMaxLength ? subject[..Interaction.SubjectMaxLength] : subject;
}
