using CoRM.Domain.Constituents;

namespace CoRM.Domain.Tests;

public class ConstituentTests
{
    [Fact]
    public void DisplayAndSortNameFollowTheName()
    {
        var c = Constituent.Person(" Ana ", "Costa", A.Now);
        Assert.Equal("Ana Costa", c.DisplayName);
        Assert.Equal("COSTA ANA", c.SortName);
        Assert.Equal("ANA COSTA", c.SearchName);
    }

    [Fact]
    public void APersonNeedsAFamilyName()
    {
        Assert.Throws<DomainException>(() => Constituent.Person("Ana", "  ", A.Now));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("ana@")]
    [InlineData("ana@localhost")]
    public void RejectsInvalidEmail(string email)
    {
        var error = Assert.Throws<DomainException>(() => Constituent.Person("Ana", "Costa", A.Now, email));
        Assert.Contains("not a valid e-mail", error.Message);
    }

    [Fact]
    public void EmailIsNormalised()
    {
        Assert.Equal("ana.costa@example.edu", Constituent.Person("Ana", "Costa", A.Now, " Ana.Costa@Example.EDU ").Email);
    }

    [Fact]
    public void AgeCountsWholeYearsUpToTheBirthday()
    {
        var c = Constituent.Person("Ana", "Costa", A.Now, birthDate: new DateOnly(2008, 11, 23));
        Assert.Equal(17, c.AgeOn(new DateOnly(2026, 11, 22)));
        Assert.True(c.IsMinorOn(new DateOnly(2026, 11, 22)));
        Assert.Equal(18, c.AgeOn(new DateOnly(2026, 11, 23)));
        Assert.False(c.IsMinorOn(new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void OptOutsBlockTheirChannel()
    {
        var c = A.Student();
        c.EmailOptOut = true;
        Assert.False(c.MayBeContactedBy(InteractionChannelKind.Email));
        Assert.True(c.MayBeContactedBy(InteractionChannelKind.Letter));
        c.DoNotContact = true;
        Assert.False(c.MayBeContactedBy(InteractionChannelKind.Letter));
    }

    [Fact]
    public void NoAppealsByPostBlocksLettersOnly()
    {
        var c = A.Student();
        c.PostOptOut = true;
        Assert.False(c.MayBeContactedBy(InteractionChannelKind.Letter));
        Assert.True(c.MayBeContactedBy(InteractionChannelKind.Email));
        c.PostOptOut = false;
        Assert.True(c.MayBeContactedBy(InteractionChannelKind.Letter));
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    public void The_bulk_email_rule_agrees_with_the_per_record_rule(bool optOut, bool doNotContact, bool expected)
    {
        var c = A.Student();
        c.EmailOptOut = optOut;
        c.DoNotContact = doNotContact;
        var mayBeEmailed = Constituent.MayBeEmailed.Compile();
        Assert.Equal(expected, mayBeEmailed(c));
        Assert.Equal(c.Email is not null && c.MayBeContactedBy(InteractionChannelKind.Email), mayBeEmailed(c));
    }
}

public class SearchTextTests
{
    [Theory]
    [InlineData("José  da Silva,", "JOSE DA SILVA")]
    [InlineData("  costa, ana ", "COSTA ANA")]
    [InlineData("Ødegård", "ØDEGARD")]
    public void FoldsCaseAccentsAndSpacing(string input, string folded) => Assert.Equal(folded, SearchText.Fold(input));

    [Fact]
    public void UpperBoundIsJustPastEveryMatch()
    {
        var bound = SearchText.PrefixUpperBound("COSTA");
        Assert.Equal("COSTB", bound);
        Assert.True(string.CompareOrdinal("COSTA ZZZ", bound) < 0);
        Assert.True(string.CompareOrdinal("COSTB", bound) >= 0);
    }
}
