using CoRM.Domain.Admissions;

namespace CoRM.Domain.Tests;

public class AdmissionsTests
{
    private static readonly Dictionary<RubricCriterion, int> Good = new()
    {
        [RubricCriterion.AcademicRecord] = 5,
        [RubricCriterion.PersonalStatement] = 4,
        [RubricCriterion.Recommendation] = 4,
        [RubricCriterion.Interview] = 3,
    };

    private static AdmissionApplication Submitted()
    {
        var application = AdmissionApplication.Start(1, 10, 20, AdmissionSource.Website, startedById: 1, counsellorId: 50, A.Now);
        application.RecordDocuments(true, true, true);
        application.Submit(A.Now.AddDays(1));
        return application;
    }

    [Fact]
    public void An_incomplete_application_cannot_be_submitted_and_says_what_is_missing()
    {
        var application = AdmissionApplication.Start(1, 10, 20, AdmissionSource.Website, 1, 50, A.Now);
        application.RecordDocuments(transcript: true, statement: false, recommendation: false);

        var error = Assert.Throws<DomainException>(() => application.Submit(A.Now));
        Assert.Equal("The application is incomplete: missing personal statement, recommendation letter.", error.Message);
        Assert.Equal(AdmissionStage.Started, application.Stage);
    }

    [Fact]
    public void The_weighted_score_follows_the_rubric()
    {
        var application = Submitted();
        var review = application.Review(readerId: 60, Good, AdmissionDecision.Admit, null, A.Now);

        // 5×0.4 + 4×0.2 + 4×0.2 + 3×0.2 = 4.2
        Assert.Equal(4.2m, review.WeightedScore);
        Assert.Equal(AdmissionStage.InReview, application.Stage);
    }

    [Fact]
    public void A_decision_needs_two_independent_readers()
    {
        var application = Submitted();
        application.Review(60, Good, AdmissionDecision.Admit, null, A.Now);

        var tooSoon = Assert.Throws<DomainException>(() => application.Decide(AdmissionDecision.Admit, 70, A.Now));
        Assert.Contains("after 2 readings; it has 1", tooSoon.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => application.Review(60, Good, AdmissionDecision.Admit, null, A.Now));

        application.Review(61, new Dictionary<RubricCriterion, int>(Good) { [RubricCriterion.AcademicRecord] = 3 }, AdmissionDecision.Waitlist, "Borderline maths", A.Now);
        application.Decide(AdmissionDecision.Admit, 70, A.Now);

        Assert.Equal(AdmissionStage.Admitted, application.Stage);
        Assert.Equal(3.8m, application.AverageScore); // (4.2 + 3.4) / 2
    }

    [Fact]
    public void Nobody_reads_their_own_or_their_familys_application()
    {
        var application = Submitted();
        application.GuardianId = 2;
        Assert.Throws<DomainException>(() => application.Review(readerId: 1, Good, AdmissionDecision.Admit, null, A.Now));
        Assert.Throws<DomainException>(() => application.Review(readerId: 2, Good, AdmissionDecision.Admit, null, A.Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Scores_stay_on_the_scale(int score)
    {
        var application = Submitted();
        var scores = new Dictionary<RubricCriterion, int>(Good) { [RubricCriterion.Interview] = score };
        Assert.Throws<DomainException>(() => application.Review(60, scores, AdmissionDecision.Admit, null, A.Now));
        Assert.Empty(application.Reviews);
    }

    [Fact]
    public void Only_a_paid_deposit_leads_to_enrolment()
    {
        var application = Submitted();
        application.Review(60, Good, AdmissionDecision.Admit, null, A.Now);
        application.Review(61, Good, AdmissionDecision.Admit, null, A.Now);
        application.Decide(AdmissionDecision.Admit, 70, A.Now);
        application.OweDeposit(invoiceId: 9, 250m, A.Today.AddDays(14));

        Assert.Throws<DomainException>(() => application.Enrol(A.Now));
        application.DepositPaid(A.Now.AddDays(3));
        application.Enrol(A.Now.AddDays(4));

        Assert.Equal(AdmissionStage.Enrolled, application.Stage);
        Assert.Throws<DomainException>(() => application.Withdraw(A.Now.AddDays(5)));
    }

    [Fact]
    public void A_waitlisted_applicant_can_later_be_admitted_but_a_denied_one_cannot()
    {
        var application = Submitted();
        application.Review(60, Good, AdmissionDecision.Waitlist, null, A.Now);
        application.Review(61, Good, AdmissionDecision.Waitlist, null, A.Now);
        application.Decide(AdmissionDecision.Waitlist, 70, A.Now);
        application.Decide(AdmissionDecision.Admit, 70, A.Now.AddDays(10));
        Assert.Equal(AdmissionStage.Admitted, application.Stage);

        var denied = Submitted();
        denied.Review(60, Good, AdmissionDecision.Deny, null, A.Now);
        denied.Review(61, Good, AdmissionDecision.Deny, null, A.Now);
        denied.Decide(AdmissionDecision.Deny, 70, A.Now);
        Assert.Throws<DomainException>(() => denied.Decide(AdmissionDecision.Admit, 70, A.Now));
    }

    [Fact]
    public void Stalled_and_late_are_measured_in_days()
    {
        var application = AdmissionApplication.Start(1, 10, 20, AdmissionSource.Parent, 2, 50, A.Now);
        Assert.False(application.IsStalledOn(A.Now.AddDays(6.9), 7));
        Assert.True(application.IsStalledOn(A.Now.AddDays(7), 7));

        var admitted = Submitted();
        admitted.Review(60, Good, AdmissionDecision.Admit, null, A.Now);
        admitted.Review(61, Good, AdmissionDecision.Admit, null, A.Now);
        admitted.Decide(AdmissionDecision.Admit, 70, A.Now);
        Assert.True(admitted.DepositIsLateOn(A.Now.AddDays(14), 14));
        admitted.DepositPaid(A.Now.AddDays(15));
        Assert.False(admitted.DepositIsLateOn(A.Now.AddDays(20), 14));
    }

    [Fact]
    public void A_named_guardian_needs_a_valid_address()
    {
        var application = AdmissionApplication.Start(1, 10, 20, AdmissionSource.Website, 1, 50, A.Now);
        Assert.Throws<DomainException>(() => application.NameGuardian("Rui Costa", "not-an-address"));
        application.NameGuardian(" Rui Costa ", " RUI@example.org ");
        Assert.Equal(("Rui Costa", "rui@example.org"), (application.GuardianName, application.GuardianEmail));
    }
}
