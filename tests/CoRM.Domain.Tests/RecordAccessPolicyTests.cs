using CoRM.Domain.Access;
using CoRM.Domain.Constituents;

namespace CoRM.Domain.Tests;

public class RecordAccessPolicyTests
{
    [Fact]
    public void AMinorsParentSeesEnrolmentAndBalanceByDefault()
    {
        var child = A.Student(ageYears: 15);
        var link = A.ParentLink(child, A.Parent());

        Assert.Equal(AccessGrant.EnrolmentStatus | AccessGrant.Balance, RecordAccessPolicy.EffectiveGrants(link, child, A.Today));
        Assert.False(RecordAccessPolicy.Allows(link, child, AccessGrant.Grades, A.Today));
    }

    [Fact]
    public void AnAdultStudentsParentSeesNothingWithoutConsent()
    {
        var child = A.Student(ageYears: 20);
        var link = A.ParentLink(child, A.Parent());

        Assert.Equal(AccessGrant.None, RecordAccessPolicy.EffectiveGrants(link, child, A.Today));
    }

    [Fact]
    public void AnAdultStudentsParentSeesExactlyWhatWasGranted()
    {
        var child = A.Student(ageYears: 20);
        var link = A.GrantedLink(child, A.Parent(), AccessGrant.EnrolmentStatus);

        Assert.True(RecordAccessPolicy.Allows(link, child, AccessGrant.EnrolmentStatus, A.Today));
        Assert.False(RecordAccessPolicy.Allows(link, child, AccessGrant.Balance, A.Today));
    }

    [Fact]
    public void RevocationTakesEffectAtOnce()
    {
        var child = A.Student(ageYears: 20);
        var link = A.GrantedLink(child, A.Parent(), AccessGrant.All);
        link.Revoke(A.Now);

        Assert.Equal(AccessGrant.None, RecordAccessPolicy.EffectiveGrants(link, child, A.Today));
    }

    [Fact]
    public void ExpiredConsentGrantsNothing()
    {
        var child = A.Student(ageYears: 20);
        var link = A.GrantedLink(child, A.Parent(), AccessGrant.All, expires: A.Today.AddDays(-1));

        Assert.False(RecordAccessPolicy.ConsentIsValid(link, A.Today));
        Assert.Equal(AccessGrant.None, RecordAccessPolicy.EffectiveGrants(link, child, A.Today));
    }

    [Fact]
    public void AnEndedRelationshipGrantsNothing()
    {
        var child = A.Student(ageYears: 15);
        var link = A.ParentLink(child, A.Parent());
        link.EndDate = A.Today.AddDays(-1);

        Assert.Equal(AccessGrant.None, RecordAccessPolicy.EffectiveGrants(link, child, A.Today));
    }

    [Fact]
    public void ANonFamilyRelationshipNeverGrantsRecordAccess()
    {
        var student = A.Student(ageYears: 15);
        var link = Relationship.Between(student, A.Parent(), RelationshipKind.Advisor, A.Today.AddYears(-1));
        link.GrantAccess(AccessGrant.All, ConsentBasis.WrittenConsent, student.Id, A.Now);

        Assert.Equal(AccessGrant.None, RecordAccessPolicy.EffectiveGrants(link, student, A.Today));
    }

    [Fact]
    public void ATaxDependantAttestationNeedsItsTaxYearEnd()
    {
        var link = A.ParentLink(A.Student(), A.Parent());
        var error = Assert.Throws<DomainException>(() => link.GrantAccess(AccessGrant.All, ConsentBasis.TaxDependant, null, A.Now));
        Assert.Contains("one tax year", error.Message);
    }

    [Fact]
    public void GrantingNeedsABasisAndSomethingToSee()
    {
        var link = A.ParentLink(A.Student(), A.Parent());
        Assert.Throws<DomainException>(() => link.GrantAccess(AccessGrant.All, ConsentBasis.None, null, A.Now));
        Assert.Throws<DomainException>(() => link.GrantAccess(AccessGrant.None, ConsentBasis.WrittenConsent, null, A.Now));
    }

    [Fact]
    public void AConstituentCannotBeRelatedToItself()
    {
        var s = A.Student();
        Assert.Throws<DomainException>(() => Relationship.Between(s, s, RelationshipKind.Sibling, A.Today));
    }
}
