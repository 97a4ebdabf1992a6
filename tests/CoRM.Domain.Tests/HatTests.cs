using CoRM.Domain.Constituents;

namespace CoRM.Domain.Tests;

public class HatTests
{
    private static readonly DateOnly Start = new(2023, 9, 1);

    [Fact]
    public void IsActiveOnItsFirstAndLastDay()
    {
        var hat = Hat.Wear(HatKind.Student, Start, new DateOnly(2026, 7, 31));
        Assert.True(hat.IsActiveOn(Start));
        Assert.True(hat.IsActiveOn(new DateOnly(2026, 7, 31)));
    }

    [Fact]
    public void IsNotActiveBeforeItStartsOrAfterItEnds()
    {
        var hat = Hat.Wear(HatKind.Student, Start, new DateOnly(2026, 7, 31));
        Assert.False(hat.IsActiveOn(Start.AddDays(-1)));
        Assert.False(hat.IsActiveOn(new DateOnly(2026, 8, 1)));
    }

    [Fact]
    public void AnOpenEndedHatStaysActive()
    {
        Assert.True(Hat.Wear(HatKind.Donor, Start).IsActiveOn(new DateOnly(2040, 1, 1)));
    }

    [Fact]
    public void CannotEndBeforeItStarts()
    {
        var error = Assert.Throws<DomainException>(() => Hat.Wear(HatKind.Alumnus, Start, Start.AddDays(-1)));
        Assert.Contains("cannot end", error.Message);
    }

    [Fact]
    public void APersonWearsSeveralHatsAtOnce()
    {
        var person = A.Student();
        person.Hats.Add(Hat.Wear(HatKind.Student, Start));
        person.Hats.Add(Hat.Wear(HatKind.Volunteer, Start.AddMonths(2)));
        person.Hats.Add(Hat.Wear(HatKind.Prospect, Start.AddYears(-1), Start.AddDays(-1)));

        var worn = person.HatsActiveOn(A.Today).Select(h => h.Kind).ToList();

        Assert.Equal([HatKind.Student, HatKind.Volunteer], worn);
        Assert.False(person.WearsHatOn(HatKind.Prospect, A.Today));
    }
}
