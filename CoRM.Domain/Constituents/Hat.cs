namespace CoRM.Domain.Constituents;

/// <summary>A dated role: "Student from 2023-09-01", "Donor since 2019", "Alumnus from 2024-07-01".</summary>
public class Hat
{
    public int Id { get; set; }
    public int ConstituentId { get; set; }
    public HatKind Kind { get; set; }
    public DateOnly StartDate { get; set; }

    /// <summary>Last day the hat is worn; null while it is still worn.</summary>
    public DateOnly? EndDate { get; set; }

    public static Hat Wear(HatKind kind, DateOnly from, DateOnly? until = null)
    {
        if (until is { } end && end < from)
            throw new DomainException($"A {kind} hat cannot end ({end:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        return new Hat { Kind = kind, StartDate = from, EndDate = until };
    }

    /// <summary>Worn on a date when the date falls within start and end, both inclusive.</summary>
    public bool IsActiveOn(DateOnly date) => StartDate <= date && (EndDate is null || date <= EndDate);

    /// <summary><see cref="IsActiveOn"/> as a query the database can run (a test checks they agree).</summary>
    public static System.Linq.Expressions.Expression<Func<Hat, bool>> ActiveOn(DateOnly date) =>
        h => h.StartDate <= date && (h.EndDate == null || h.EndDate >= date);

    public void TakeOff(DateOnly lastDay)
    {
        if (lastDay < StartDate)
            throw new DomainException("A hat cannot be taken off before it was put on.");
        EndDate = lastDay;
    }
}
