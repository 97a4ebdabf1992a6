using System.ComponentModel.DataAnnotations;

namespace CoRM.Infrastructure.Admissions;

/// <summary>Bound from the "Admissions" section.</summary>
public sealed class AdmissionsOptions
{
    public const string Section = "Admissions";

    /// <summary>Days after it was started that an incomplete application gets a reminder and a follow-up.</summary>
    [Range(1, 365)]
    public int IncompleteAfterDays { get; set; } = 7;

    /// <summary>Days after the offer that an unpaid deposit gets a reminder and a follow-up.</summary>
    [Range(1, 365)]
    public int DepositReminderAfterDays { get; set; } = 10;

    /// <summary>Days an admitted applicant has to pay the deposit.</summary>
    [Range(1, 365)]
    public int DepositDueDays { get; set; } = 14;

    [Range(0.01, 1_000_000)]
    public decimal DefaultDeposit { get; set; } = 250m;
}
