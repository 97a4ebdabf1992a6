namespace CoRM.Domain.Privacy;

/// <summary>Why a person cannot be erased yet, and when that ends (null: when something happens, such as a case closing).</summary>
public sealed record LegalHold(string Reason, DateOnly? Until);

/// <summary>What erasure needs to know about a person to decide whether the law lets the institution erase them now.</summary>
public sealed record ErasureFacts(
    IReadOnlyList<string> OpenCaseReferences,
    decimal UnpaidTuition,
    string Currency,
    DateOnly? LastTermEndedOn,
    bool StudiesNow);

/// <summary>
/// Legal holds: an open case (the institution must be able to account for its work with a client), unpaid tuition (a
/// claim still to settle), and academic records within their retention period after the last term. Gifts are not a
/// hold: they are kept, reduced to a pseudonym, for the tax retention period.
/// </summary>
public static class ErasureHolds
{
    public static IReadOnlyList<LegalHold> For(ErasureFacts facts, DateOnly today, int academicRecordYears)
    {
        var holds = new List<LegalHold>();
        foreach (var reference in facts.OpenCaseReferences)
            holds.Add(new LegalHold($"Client of open case {reference}: erasure can follow once the case is closed.", null));
        if (facts.UnpaidTuition > 0)
            holds.Add(new LegalHold($"Unpaid tuition of {facts.UnpaidTuition:N2} {facts.Currency}: erasure can follow once it is settled.", null));
        if (facts.StudiesNow)
            holds.Add(new LegalHold("Currently enrolled: academic records are kept while the person studies.", null));
        else if (facts.LastTermEndedOn is { } ended && ended.AddYears(academicRecordYears) > today)
            holds.Add(new LegalHold($"Academic records are kept {academicRecordYears} years after the last term (ended {ended:yyyy-MM-dd}).", ended.AddYears(academicRecordYears)));
        return holds;
    }
}
