namespace CoRM.Domain.Advancement;

/// <summary>
/// A fundraising event (a gala dinner, a concert). A ticket's price less the fair-market value of what the guest
/// receives (the dinner) is the deductible part of buying it.
/// </summary>
public class GivingEvent
{
    public const int NameMaxLength = 200;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public decimal TicketPrice { get; set; }
    public decimal FairMarketValue { get; set; }
    public int? Capacity { get; set; }
    public int FundId { get; set; }

    /// <summary>The recurring programme this event is a session of, if any.</summary>
    public int? SeriesId { get; set; }
    public Engagement.EventSeries? Series { get; set; }

    public static GivingEvent Plan(string name, DateTime startsAt, decimal ticketPrice, decimal fairMarketValue, int? capacity, int fundId)
    {
        name = name.Trim();
        if (name.Length is 0 or > NameMaxLength) throw new DomainException($"An event needs a name of up to {NameMaxLength} characters.");
        if (ticketPrice < 0 || fairMarketValue < 0) throw new DomainException("Prices and values cannot be negative.");
        if (capacity is < 1) throw new DomainException("Capacity is at least one guest.");
        return new GivingEvent { Name = name, StartsAt = startsAt, TicketPrice = ticketPrice, FairMarketValue = fairMarketValue, Capacity = capacity, FundId = fundId };
    }

    /// <summary>The deductible part of one ticket.</summary>
    public decimal DeductiblePerTicket => Gift.Deductible(TicketPrice, FairMarketValue);

    public EventRegistration Register(int constituentId, int tickets, int alreadySold, DateTime now)
    {
        if (tickets < 1) throw new DomainException("Register at least one ticket.");
        if (Capacity is { } capacity && alreadySold + tickets > capacity)
            throw new DomainException($"Only {Math.Max(0, capacity - alreadySold)} of {capacity} places are left.");
        if (now > StartsAt) throw new DomainException("The event has already started.");
        return new EventRegistration { EventId = Id, ConstituentId = constituentId, Tickets = tickets, RegisteredAt = now };
    }

    /// <summary>A place on the waiting list of a full free event (paid events sell out instead: a ticket is a payment).</summary>
    public EventRegistration Waitlist(int constituentId, DateTime now)
    {
        if (TicketPrice > 0) throw new DomainException("Paid events have no waiting list.");
        if (now > StartsAt) throw new DomainException("The event has already started.");
        return new EventRegistration { EventId = Id, ConstituentId = constituentId, Tickets = 1, RegisteredAt = now, Waitlisted = true };
    }
}

public class EventRegistration
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public int ConstituentId { get; set; }
    public int Tickets { get; set; }
    public DateTime RegisteredAt { get; set; }

    /// <summary>On the waiting list of a full free event: holds no seat until a place frees up and it is promoted.</summary>
    public bool Waitlisted { get; set; }

    /// <summary>The gift that paid for the tickets (its deductible amount excludes the fair-market value).</summary>
    public int? GiftId { get; set; }
    public bool? Attended { get; set; }

    /// <summary>A cancelled registration stays on record but holds no seat; the guest may register again.</summary>
    public DateTime? CancelledAt { get; set; }
    public int? CancelledById { get; set; }

    /// <summary>What was paid back when the ticket was refunded (the ticket gift is then removed: the money was returned).</summary>
    public decimal? RefundedAmount { get; set; }

    public bool Cancelled => CancelledAt is not null;

    /// <summary>
    /// Records whether the guest came, from two hours before the start (the door opens early). True when this marks a
    /// new arrival, which goes on the guest's timeline once; tapping "here" twice changes nothing.
    /// </summary>
    public bool MarkAttendance(GivingEvent planned, bool attended, DateTime now)
    {
        if (Cancelled) throw new DomainException("That registration was cancelled.");
        if (Waitlisted) throw new DomainException("That guest is on the waiting list: they have no place.");
        if (now < planned.StartsAt.AddHours(-2)) throw new DomainException("Attendance is taken on the day of the event.");
        var arrived = attended && Attended != true;
        Attended = attended;
        return arrived;
    }

    /// <summary>Gives up the seat before the event starts.</summary>
    public void Cancel(GivingEvent planned, DateTime now, int? byId)
    {
        if (Cancelled) throw new DomainException("That registration is already cancelled.");
        if (now >= planned.StartsAt) throw new DomainException("The event has started: record whether the guest came instead.");
        CancelledAt = now;
        CancelledById = byId;
    }
}
