namespace CoRM.Domain.Volunteering;

public enum SignUpStatus
{
    Confirmed = 0,
    Waitlisted = 1,
    Cancelled = 2,
    Attended = 3,
    NoShow = 4,
}

/// <summary>A volunteer's place on a shift, from sign-up to attendance and hours.</summary>
public class SignUp : IVersioned
{
    public const decimal MaxHoursOverShift = 2m;

    public int Id { get; set; }
    public int ShiftId { get; set; }
    public int VolunteerId { get; set; }
    public SignUpStatus Status { get; internal set; }
    public DateTime SignedUpAt { get; set; }
    public DateTime? CancelledAt { get; private set; }
    public decimal? Hours { get; private set; }
    public Guid Version { get; set; }

    /// <summary>Holds (or held) a place: counts against capacity and for double-booking.</summary>
    public bool HoldsPlace => Status is SignUpStatus.Confirmed or SignUpStatus.Attended or SignUpStatus.NoShow;

    /// <summary>A place on a shift, confirmed or waitlisted; whether there is room is <see cref="ShiftRoster"/>'s rule.</summary>
    public static SignUp Book(int shiftId, int volunteerId, bool waitlisted, DateTime at) =>
        new() { ShiftId = shiftId, VolunteerId = volunteerId, Status = waitlisted ? SignUpStatus.Waitlisted : SignUpStatus.Confirmed, SignedUpAt = at };

    /// <summary>Gives up the place (the volunteer cancelled, or the shift was).</summary>
    internal void Release(DateTime at)
    {
        Status = SignUpStatus.Cancelled;
        CancelledAt = at;
    }

    public void MarkAttended(Shift shift, decimal? hours = null)
    {
        if (Status is SignUpStatus.Cancelled or SignUpStatus.Waitlisted) throw new DomainException("Only a confirmed volunteer can be marked as attended.");
        var worked = hours ?? (decimal)shift.Duration.TotalHours;
        if (worked <= 0 || worked > (decimal)shift.Duration.TotalHours + MaxHoursOverShift)
            throw new DomainException($"Hours must be more than 0 and at most {(decimal)shift.Duration.TotalHours + MaxHoursOverShift:0.#} for this shift.");
        Status = SignUpStatus.Attended;
        Hours = Math.Round(worked, 2);
    }

    public void MarkNoShow()
    {
        if (Status is SignUpStatus.Cancelled or SignUpStatus.Waitlisted) throw new DomainException("Only a confirmed volunteer can be marked as a no-show.");
        Status = SignUpStatus.NoShow;
        Hours = null;
    }
}
