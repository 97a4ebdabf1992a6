using System.ComponentModel.DataAnnotations;

namespace CoRM.Infrastructure.Advancement;

/// <summary>Bound from the "Advancement" section.</summary>
public sealed class AdvancementOptions
{
    public const string Section = "Advancement";

    /// <summary>A gift of at least this much gets a thank-you follow-up due within 48 hours.</summary>
    [Range(0.01, 100_000_000)]
    public decimal ThankYouThreshold { get; set; } = 1000m;

    /// <summary>Days before a pledge instalment falls due that its gift officer is reminded.</summary>
    [Range(1, 90)]
    public int PledgeReminderDays { get; set; } = 7;

    /// <summary>A donor who gave at least this much last year and nothing yet this year is a lapsed-donor follow-up for their officer.</summary>
    [Range(0.01, 100_000_000)]
    public decimal LapsedReminderMinimum { get; set; } = 250m;

    /// <summary>
    /// At most this many lapsed-donor follow-ups reach one officer a day, largest givers first: a paced queue through the
    /// autumn rather than thousands on the first of September.
    /// </summary>
    [Range(1, 10_000)]
    public int LapsedRemindersPerOfficerPerDay { get; set; } = 10;

    /// <summary>From this month on, lapsed donors are reminded (early enough to ask before the year ends).</summary>
    [Range(1, 12)]
    public int LapsedReminderFromMonth { get; set; } = 9;

    /// <summary>Printed on receipts and letters.</summary>
    [Required, StringLength(200)]
    public string Institution { get; set; } = "Northfield University";

    [Required, StringLength(300)]
    public string InstitutionAddress { get; set; } = "1 College Green, Northfield";

    /// <summary>The charity registration number that makes a receipt official.</summary>
    [Required, StringLength(60)]
    public string CharityNumber { get; set; } = "RCN 000000";

    [Required, StringLength(200)]
    public string ReceiptSignatory { get; set; } = "Director of Advancement";

    [Required, StringLength(3, MinimumLength = 3)]
    public string Currency { get; set; } = "EUR";
}
