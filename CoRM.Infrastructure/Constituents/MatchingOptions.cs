using System.ComponentModel.DataAnnotations;
using CoRM.Domain.Constituents;

namespace CoRM.Infrastructure.Constituents;

/// <summary>Bound from "Matching": when two records are one person, and how national phone numbers are read.</summary>
public sealed class MatchingOptions
{
    public const string Section = "Matching";

    /// <summary>The institution's country calling code, without "+" ("351" for Portugal, "44" for the UK, "1" for the US).</summary>
    [Required, RegularExpression("^[1-9][0-9]{0,2}$")]
    public string CallingCode { get; set; } = "351";

    /// <summary>From this score two records are the same person (0–100).</summary>
    [Range(1, 100)]
    public int SamePerson { get; set; } = MatchThresholds.Default.SamePerson;

    /// <summary>From this score a pair goes to the review queue as a possible duplicate (0–100, below <see cref="SamePerson"/>).</summary>
    [Range(1, 100)]
    public int PossibleDuplicate { get; set; } = MatchThresholds.Default.PossibleDuplicate;

    public MatchThresholds Thresholds => new(SamePerson, PossibleDuplicate);
}
