namespace CoRM.Domain.Volunteering;

/// <summary>
/// The rules of one shift's roster: capacity, the waitlist in sign-up order, no double-booking, and promotion of the
/// first waitlisted volunteer when a confirmed one cancels. Works on the shift's sign-ups and the volunteer's other
/// booked shifts, which the caller loads.
/// </summary>
public static class ShiftRoster
{
    /// <summary>A booked slot of the volunteer elsewhere, to check for double-booking.</summary>
    public sealed record BookedSlot(int ShiftId, DateTime StartsAt, DateTime EndsAt);

    /// <summary>
    /// Adds a volunteer: confirmed while there is room, otherwise on the waitlist when <paramref name="waitlistIfFull"/>;
    /// refused with a clear message for a cancelled or past shift, a second sign-up, a clash, or a full shift.
    /// </summary>
    public static SignUp Add(Shift shift, IReadOnlyCollection<SignUp> roster, int volunteerId, IEnumerable<BookedSlot> volunteersOtherShifts,
        DateTime now, bool waitlistIfFull)
    {
        if (shift.CancelledAt is not null) throw new DomainException("This shift has been cancelled.");
        if (shift.StartsAt <= now) throw new DomainException("This shift has already started.");
        if (roster.Any(s => s.VolunteerId == volunteerId && s.Status != SignUpStatus.Cancelled))
            throw new DomainException("This volunteer is already on this shift.");
        var clash = volunteersOtherShifts.FirstOrDefault(o => o.ShiftId != shift.Id && shift.Overlaps(o.StartsAt, o.EndsAt));
        if (clash is not null)
            throw new DomainException($"This volunteer is already booked from {clash.StartsAt:HH:mm} to {clash.EndsAt:HH:mm} on {clash.StartsAt:d MMM}.");

        var confirmed = roster.Count(s => s.HoldsPlace);
        SignUpStatus status;
        if (confirmed < shift.Capacity) status = SignUpStatus.Confirmed;
        else if (waitlistIfFull) status = SignUpStatus.Waitlisted;
        else throw new DomainException($"The shift is full ({confirmed} of {shift.Capacity}). Add them to the waitlist instead.");
        return SignUp.Book(shift.Id, volunteerId, status == SignUpStatus.Waitlisted, now);
    }

    /// <summary>Cancels a sign-up; if it held a place, the first waitlisted volunteer (by sign-up time) is confirmed and returned.</summary>
    public static SignUp? Cancel(SignUp signUp, IReadOnlyCollection<SignUp> roster, DateTime now)
    {
        if (signUp.Status == SignUpStatus.Cancelled) throw new DomainException("This sign-up is already cancelled.");
        if (signUp.Status is SignUpStatus.Attended or SignUpStatus.NoShow) throw new DomainException("Attendance is already recorded for this sign-up.");
        var heldPlace = signUp.Status == SignUpStatus.Confirmed;
        signUp.Release(now);
        if (!heldPlace) return null;
        var next = roster.Where(s => s.Status == SignUpStatus.Waitlisted).OrderBy(s => s.SignedUpAt).ThenBy(s => s.Id).FirstOrDefault();
        if (next is not null) next.Status = SignUpStatus.Confirmed;
        return next;
    }

    /// <summary>1-based place on the waitlist, or null when not waitlisted.</summary>
    public static int? WaitlistPosition(SignUp signUp, IReadOnlyCollection<SignUp> roster) =>
        signUp.Status != SignUpStatus.Waitlisted ? null
        : roster.Where(s => s.Status == SignUpStatus.Waitlisted).OrderBy(s => s.SignedUpAt).ThenBy(s => s.Id).ToList()
            .FindIndex(s => ReferenceEquals(s, signUp) || (s.Id != 0 && s.Id == signUp.Id)) + 1;
}
