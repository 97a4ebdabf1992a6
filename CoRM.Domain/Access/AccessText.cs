namespace CoRM.Domain.Access;

/// <summary>How grants and consent bases read in sentences, the same on every screen and in the timeline.</summary>
public static class AccessText
{
    /// <summary>"enrolment, balance and payments"; "nothing" for none.</summary>
    public static string Describe(AccessGrant grants)
    {
        var parts = new[] { (AccessGrant.EnrolmentStatus, "enrolment"), (AccessGrant.Grades, "grades"), (AccessGrant.Balance, "balance and payments") }
            .Where(g => grants.HasFlag(g.Item1)).Select(g => g.Item2).ToList();
        return parts.Count == 0 ? "nothing" : string.Join(", ", parts);
    }

    public static IReadOnlyList<string> Parts(AccessGrant grants) => grants == AccessGrant.None ? [] : Describe(grants).Split(", ");

    public static string Describe(ConsentBasis basis) => basis switch
    {
        ConsentBasis.WrittenConsent => "written consent",
        ConsentBasis.TaxDependant => "tax-dependant attestation",
        ConsentBasis.HealthOrSafetyEmergency => "health or safety emergency",
        _ => "no consent recorded",
    };
}
