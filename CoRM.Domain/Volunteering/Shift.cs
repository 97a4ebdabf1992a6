namespace CoRM.Domain.Volunteering;

/// <summary>Something volunteers can do: what, where, which skills help, and which coordinator runs it.</summary>
public class Opportunity
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 2000;

    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? Location { get; set; }
    public string Skills { get; set; } = "";
    public int CoordinatorId { get; set; }
    public bool Active { get; set; } = true;

    public IReadOnlyList<string> SkillList => Skills.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>How full a shift is, at a glance on the calendar.</summary>
public enum FillStatus
{
    Understaffed = 0,
    Open = 1,
    Full = 2,
    Waitlisted = 3,
    Cancelled = 4,
}

/// <summary>One dated slot of an opportunity: when, where, how many people, how few it can run with, which skills.</summary>
public class Shift : IVersioned
{
    public int Id { get; set; }
    public int OpportunityId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string? Location { get; set; }
    public int Capacity { get; set; }
    public int MinimumStaffing { get; set; }
    public string RequiredSkills { get; set; } = "";
    public int? SeriesId { get; set; }
    public DateTime? CancelledAt { get; private set; }
    public Guid Version { get; set; }

    public TimeSpan Duration => EndsAt - StartsAt;

    public static Shift Create(int opportunityId, DateTime startsAt, DateTime endsAt, int capacity, int minimumStaffing, string? location = null, string? requiredSkills = null)
    {
        if (endsAt <= startsAt) throw new DomainException("A shift must end after it starts.");
        if (endsAt - startsAt > TimeSpan.FromHours(24)) throw new DomainException("A shift cannot last more than 24 hours; split it into several.");
        if (capacity < 1) throw new DomainException("A shift needs room for at least one volunteer.");
        if (minimumStaffing < 0 || minimumStaffing > capacity) throw new DomainException($"The minimum staffing must be between 0 and the capacity ({capacity}).");
        return new Shift
        {
            OpportunityId = opportunityId,
            StartsAt = startsAt,
            EndsAt = endsAt,
            Capacity = capacity,
            MinimumStaffing = minimumStaffing,
            Location = string.IsNullOrWhiteSpace(location) ? null : location.Trim(),
            RequiredSkills = requiredSkills?.Trim() ?? "",
        };
    }

    /// <summary>
    /// Cancels the whole shift before it starts: everyone confirmed or waitlisted is released (returned, to be told).
    /// A shift that has started keeps its roster for attendance.
    /// </summary>
    public IReadOnlyList<SignUp> Cancel(IEnumerable<SignUp> roster, DateTime at)
    {
        if (CancelledAt is not null) throw new DomainException("This shift is already cancelled.");
        if (StartsAt <= at) throw new DomainException("A shift that has started cannot be cancelled; record attendance instead.");
        CancelledAt = at;
        var released = roster.Where(u => u.ShiftId == Id && u.Status is SignUpStatus.Confirmed or SignUpStatus.Waitlisted).ToList();
        foreach (var signUp in released) signUp.Release(at);
        return released;
    }

    /// <summary>Overlaps another time slot; back-to-back shifts (one ends as the next starts) do not.</summary>
    public bool Overlaps(DateTime start, DateTime end) => StartsAt < end && start < EndsAt;

    public FillStatus StatusWith(int confirmed, int waitlisted) => FillStatusOf(Capacity, MinimumStaffing, CancelledAt is not null, confirmed, waitlisted);

    /// <summary>The fill status from a shift's numbers, for read models that carry them without the entity.</summary>
    public static FillStatus FillStatusOf(int capacity, int minimumStaffing, bool cancelled, int confirmed, int waitlisted) =>
        cancelled ? FillStatus.Cancelled
        : waitlisted > 0 ? FillStatus.Waitlisted
        : confirmed >= capacity ? FillStatus.Full
        : confirmed < minimumStaffing ? FillStatus.Understaffed
        : FillStatus.Open;
}

/// <summary>What a volunteer can do and when they are usually free, as the coordinator searches for them.</summary>
public class VolunteerProfile
{
    public const int SkillsMaxLength = 500;
    public const int AvailabilityMaxLength = 500;

    public int ConstituentId { get; set; }
    public string Skills { get; set; } = "";
    public string? Availability { get; set; }

    public IReadOnlyList<string> SkillList => Skills.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
