namespace CoRM.Domain.Access;

/// <summary>The legal basis under which a related party may see a student's records (FERPA 34 CFR 99.31).</summary>
public enum ConsentBasis
{
    /// <summary>No basis recorded: nothing may be seen unless the subject is a minor in the related party's care.</summary>
    None = 0,

    /// <summary>The student gave written consent (or staff captured it).</summary>
    WrittenConsent = 1,

    /// <summary>The parent attests the student is their tax dependant; valid for one tax year.</summary>
    TaxDependant = 2,

    /// <summary>A health or safety emergency; short-lived by nature.</summary>
    HealthOrSafetyEmergency = 3,
}
