using CoRM.Domain.Volunteering;

namespace CoRM.Domain.Tests;

public sealed class VolunteeringTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Start = new(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);

    private static Shift NewShift(int capacity = 2, int minimum = 1)
    {
        var shift = Shift.Create(1, Start, Start.AddHours(3), capacity, minimum, "Food bank");
        shift.Id = 10;
        return shift;
    }

    private static SignUp Add(Shift shift, List<SignUp> roster, int volunteer, DateTime at, bool waitlist = true, IEnumerable<ShiftRoster.BookedSlot>? other = null)
    {
        var signUp = ShiftRoster.Add(shift, roster, volunteer, other ?? [], at, waitlist);
        signUp.Id = roster.Count + 1;
        roster.Add(signUp);
        return signUp;
    }

    [Fact]
    public void Cancelling_a_shift_releases_everyone_holding_or_awaiting_a_place_once_and_only_before_it_starts()
    {
        var shift = NewShift(capacity: 1);
        var roster = new List<SignUp>();
        var confirmed = Add(shift, roster, 1, Now);
        var waiting = Add(shift, roster, 2, Now.AddMinutes(1));
        var gone = Add(shift, roster, 3, Now.AddMinutes(2));
        ShiftRoster.Cancel(gone, roster, Now.AddMinutes(3));

        Assert.Throws<DomainException>(() => shift.Cancel(roster, Start)); // it has started
        var released = shift.Cancel(roster, Now.AddHours(1));

        Assert.Equal([confirmed, waiting], released);
        Assert.All(roster, u => Assert.Equal(SignUpStatus.Cancelled, u.Status));
        Assert.Equal(Now.AddHours(1), confirmed.CancelledAt);
        Assert.Equal(Now.AddMinutes(3), gone.CancelledAt); // already gone: left as it was
        Assert.Equal(FillStatus.Cancelled, shift.StatusWith(0, 0));
        Assert.Throws<DomainException>(() => shift.Cancel(roster, Now.AddHours(2))); // once
    }

    [Fact]
    public void Volunteers_are_confirmed_up_to_capacity_then_waitlisted_in_order()
    {
        var shift = NewShift(capacity: 2);
        var roster = new List<SignUp>();
        Assert.Equal(SignUpStatus.Confirmed, Add(shift, roster, 1, Now).Status);
        Assert.Equal(SignUpStatus.Confirmed, Add(shift, roster, 2, Now.AddMinutes(1)).Status);
        var third = Add(shift, roster, 3, Now.AddMinutes(2));
        var fourth = Add(shift, roster, 4, Now.AddMinutes(3));
        Assert.Equal(SignUpStatus.Waitlisted, third.Status);
        Assert.Equal(1, ShiftRoster.WaitlistPosition(third, roster));
        Assert.Equal(2, ShiftRoster.WaitlistPosition(fourth, roster));
        Assert.Equal(FillStatus.Waitlisted, shift.StatusWith(2, 2));
    }

    [Fact]
    public void Over_capacity_is_refused_with_a_clear_message_when_not_waitlisting()
    {
        var shift = NewShift(capacity: 1);
        var roster = new List<SignUp>();
        Add(shift, roster, 1, Now);
        var e = Assert.Throws<DomainException>(() => ShiftRoster.Add(shift, roster, 2, [], Now, waitlistIfFull: false));
        Assert.Equal("The shift is full (1 of 1). Add them to the waitlist instead.", e.Message);
    }

    [Fact]
    public void A_cancellation_promotes_the_first_waitlisted_volunteer_and_a_waitlisted_cancellation_promotes_nobody()
    {
        var shift = NewShift(capacity: 1);
        var roster = new List<SignUp>();
        var first = Add(shift, roster, 1, Now);
        var second = Add(shift, roster, 2, Now.AddMinutes(5));
        var third = Add(shift, roster, 3, Now.AddMinutes(1).AddMinutes(5));

        Assert.Null(ShiftRoster.Cancel(third, roster, Now.AddHours(1)));
        var promoted = ShiftRoster.Cancel(first, roster, Now.AddHours(2));
        Assert.Same(second, promoted);
        Assert.Equal(SignUpStatus.Confirmed, second.Status);
        Assert.Equal(SignUpStatus.Cancelled, first.Status);
        Assert.Throws<DomainException>(() => ShiftRoster.Cancel(first, roster, Now.AddHours(3)));
    }

    [Fact]
    public void Double_booking_is_refused_but_back_to_back_shifts_are_fine()
    {
        var shift = NewShift();
        var overlapping = new ShiftRoster.BookedSlot(99, Start.AddHours(2), Start.AddHours(5));
        var backToBack = new ShiftRoster.BookedSlot(98, Start.AddHours(3), Start.AddHours(5));
        var e = Assert.Throws<DomainException>(() => ShiftRoster.Add(shift, [], 7, [overlapping], Now, true));
        Assert.Contains("already booked from 11:00 to 14:00", e.Message, StringComparison.Ordinal);
        Assert.Equal(SignUpStatus.Confirmed, ShiftRoster.Add(shift, [], 7, [backToBack], Now, true).Status);
    }

    [Fact]
    public void The_same_volunteer_twice_a_started_shift_and_a_cancelled_shift_are_refused()
    {
        var shift = NewShift();
        var roster = new List<SignUp>();
        Add(shift, roster, 1, Now);
        Assert.Throws<DomainException>(() => ShiftRoster.Add(shift, roster, 1, [], Now, true));
        Assert.Throws<DomainException>(() => ShiftRoster.Add(shift, roster, 2, [], Start.AddMinutes(1), true));
        shift.Cancel([], Start.AddDays(-1));
        Assert.Throws<DomainException>(() => ShiftRoster.Add(shift, roster, 2, [], Now, true));
        Assert.Equal(FillStatus.Cancelled, shift.StatusWith(1, 0));
    }

    [Theory]
    [InlineData(0, 0, FillStatus.Understaffed)]
    [InlineData(1, 0, FillStatus.Open)]
    [InlineData(2, 0, FillStatus.Full)]
    [InlineData(2, 1, FillStatus.Waitlisted)]
    public void Fill_status_reads_at_a_glance(int confirmed, int waitlisted, FillStatus status) =>
        Assert.Equal(status, NewShift(capacity: 2, minimum: 1).StatusWith(confirmed, waitlisted));

    [Fact]
    public void Shifts_validate_their_times_and_staffing()
    {
        Assert.Throws<DomainException>(() => Shift.Create(1, Start, Start, 1, 0));
        Assert.Throws<DomainException>(() => Shift.Create(1, Start, Start.AddHours(30), 1, 0));
        Assert.Throws<DomainException>(() => Shift.Create(1, Start, Start.AddHours(2), 0, 0));
        Assert.Throws<DomainException>(() => Shift.Create(1, Start, Start.AddHours(2), 2, 3));
    }

    [Fact]
    public void Weekly_recurrence_skips_exceptions_stops_at_the_last_date_and_can_cross_midnight()
    {
        var series = new WeeklyRecurrence(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), new TimeOnly(18, 0), new TimeOnly(21, 0),
            new HashSet<DayOfWeek> { DayOfWeek.Tuesday, DayOfWeek.Thursday }, new HashSet<DateOnly> { new(2026, 12, 24), new(2026, 12, 31) });
        var occurrences = series.Occurrences();
        Assert.Equal(8, occurrences.Count); // December 2026 has 5 Tuesdays and 5 Thursdays, less Christmas Eve and New Year's Eve
        Assert.Equal(new DateTime(2026, 12, 1, 18, 0, 0, DateTimeKind.Utc), occurrences[0].StartsAt);
        Assert.DoesNotContain(occurrences, o => o.StartsAt.Day is 24 or 31);

        var night = new WeeklyRecurrence(new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 5), new TimeOnly(22, 0), new TimeOnly(2, 0),
            new HashSet<DayOfWeek> { DayOfWeek.Saturday }, new HashSet<DateOnly>());
        Assert.Equal(new DateTime(2026, 12, 6, 2, 0, 0, DateTimeKind.Utc), Assert.Single(night.Occurrences()).EndsAt);
        Assert.Throws<DomainException>(() => (night with { Days = new HashSet<DayOfWeek>() }).Occurrences());
    }

    [Fact]
    public void Attendance_records_hours_and_the_volunteer_record_sums_them_by_year_with_a_no_show_rate()
    {
        var shift = NewShift();
        var attended = SignUp.Book(1, 1, waitlisted: false, Now);
        attended.MarkAttended(shift);
        Assert.Equal(3m, attended.Hours);
        var late = SignUp.Book(1, 1, waitlisted: false, Now);
        Assert.Throws<DomainException>(() => late.MarkAttended(shift, 9m));
        late.MarkAttended(shift, 2.5m);
        var missed = SignUp.Book(1, 1, waitlisted: false, Now);
        missed.MarkNoShow();
        Assert.Throws<DomainException>(() => SignUp.Book(1, 2, waitlisted: true, Now).MarkAttended(shift));

        var record = VolunteerRecord.From([(attended, shift), (late, shift), (missed, shift)]);
        Assert.Equal(5.5m, record.HoursByYear[2026]);
        Assert.Equal(2, record.ShiftsAttended);
        Assert.Equal(1.0 / 3, record.NoShowRate, 3);
    }
}
