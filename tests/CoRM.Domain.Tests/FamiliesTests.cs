using CoRM.Domain.Access;
using CoRM.Domain.Constituents;
using CoRM.Domain.Families;

namespace CoRM.Domain.Tests;

public class FamiliesTests
{
    [Fact]
    public void A_legal_guardian_of_a_minor_sees_by_default_too()
    {
        var child = A.Student(ageYears: 12);
        var link = A.ParentLink(child, A.Parent(), RelationshipKind.Guardian);

        Assert.True(RecordAccessPolicy.Allows(link, child, AccessGrant.EnrolmentStatus | AccessGrant.Balance, A.Today));
    }

    [Fact]
    public void The_default_ends_on_the_eighteenth_birthday()
    {
        var child = Constituent.Person("Ana", "Costa", A.Now, null, A.Today.AddYears(-18).AddDays(1));
        child.Id = 1;
        var link = A.ParentLink(child, A.Parent());

        Assert.True(RecordAccessPolicy.Allows(link, child, AccessGrant.EnrolmentStatus, A.Today), "the day before the birthday");
        Assert.False(RecordAccessPolicy.Allows(link, child, AccessGrant.EnrolmentStatus, A.Today.AddDays(1)), "on the birthday");
    }

    [Fact]
    public void A_minor_whose_grades_were_granted_shows_them_on_top_of_the_default()
    {
        var child = A.Student(ageYears: 16);
        var link = A.GrantedLink(child, A.Parent(), AccessGrant.Grades);

        Assert.Equal(AccessGrant.All, RecordAccessPolicy.EffectiveGrants(link, child, A.Today));
    }

    [Fact]
    public void A_tax_dependant_attestation_lapses_after_its_tax_year()
    {
        var child = A.Student(ageYears: 21);
        var link = A.ParentLink(child, A.Parent());
        link.GrantAccess(AccessGrant.All, ConsentBasis.TaxDependant, null, A.Now, new DateOnly(2026, 12, 31));

        Assert.True(RecordAccessPolicy.Allows(link, child, AccessGrant.Grades, new DateOnly(2026, 12, 31)));
        Assert.False(RecordAccessPolicy.Allows(link, child, AccessGrant.Grades, new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void An_unknown_birth_date_is_treated_as_an_adult()
    {
        var child = Constituent.Person("Ana", "Costa", A.Now);
        child.Id = 1;
        Assert.Equal(AccessGrant.None, RecordAccessPolicy.EffectiveGrants(A.ParentLink(child, A.Parent()), child, A.Today));
    }

    [Fact]
    public void Granting_again_after_a_revocation_restores_access()
    {
        var child = A.Student(ageYears: 20);
        var link = A.GrantedLink(child, A.Parent(), AccessGrant.EnrolmentStatus);
        link.Revoke(A.Now);
        Assert.Equal(AccessGrant.None, RecordAccessPolicy.EffectiveGrants(link, child, A.Today));

        link.GrantAccess(AccessGrant.EnrolmentStatus, ConsentBasis.WrittenConsent, child.Id, A.Now.AddMinutes(1));
        Assert.Equal(AccessGrant.EnrolmentStatus, RecordAccessPolicy.EffectiveGrants(link, child, A.Today));
    }

    [Fact]
    public void An_invitation_is_used_once()
    {
        var invitation = ParentInvitation.Issue(2, "rui@example.org", "hash", 9, A.Now);
        invitation.Redeem(portalUserId: 5, A.Now.AddHours(1));

        Assert.Equal(InvitationState.Redeemed, invitation.StateAt(A.Now.AddHours(2)));
        var again = Assert.Throws<DomainException>(() => invitation.Redeem(6, A.Now.AddHours(2)));
        Assert.Contains("already been used", again.Message, StringComparison.Ordinal);
        Assert.Equal(5, invitation.RedeemedByPortalUserId);
    }

    [Fact]
    public void An_invitation_expires()
    {
        var invitation = ParentInvitation.Issue(2, "rui@example.org", "hash", 9, A.Now, TimeSpan.FromDays(7));

        Assert.Equal(InvitationState.Open, invitation.StateAt(A.Now.AddDays(7).AddSeconds(-1)));
        Assert.Equal(InvitationState.Expired, invitation.StateAt(A.Now.AddDays(7)));
        Assert.Throws<DomainException>(() => invitation.Redeem(5, A.Now.AddDays(8)));
    }

    [Fact]
    public void A_withdrawn_invitation_cannot_be_redeemed()
    {
        var invitation = ParentInvitation.Issue(2, "rui@example.org", "hash", 9, A.Now);
        invitation.Withdraw(A.Now.AddMinutes(1));

        var error = Assert.Throws<DomainException>(() => invitation.Redeem(5, A.Now.AddMinutes(2)));
        Assert.Contains("newer one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_family_request_is_answered_once()
    {
        var request = FamilyRequest.Send(1, 2, FamilyRequestKind.Certificate, "Enrolment certificate", "Could you send one?", A.Now);
        request.AnswerWith("Attached to your e-mail.", 9, A.Now.AddHours(3));

        Assert.False(request.IsOpen);
        Assert.Throws<DomainException>(() => request.AnswerWith("Again", 9, A.Now.AddHours(4)));
    }

    [Theory]
    [InlineData("", "message", "Say in a few words")]
    [InlineData("Subject", "  ", "Write your request")]
    public void A_family_request_needs_a_subject_and_a_message(string subject, string message, string expected)
    {
        var error = Assert.Throws<DomainException>(() => FamilyRequest.Send(1, 2, FamilyRequestKind.Question, subject, message, A.Now));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
