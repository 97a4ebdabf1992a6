namespace CoRM.Infrastructure.Privacy;

/// <summary>Data-protection settings (section <c>Privacy</c>).</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Academic records are kept this many years after the student's last term: a legal hold on erasure.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 100)]
    public int AcademicRecordYears { get; set; } = 5;

    /// <summary>Gifts and receipts are kept, under a pseudonym, this many years for the tax authorities.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100)]
    public int TaxRecordYears { get; set; } = 10;

    /// <summary>The handler is reminded when a request's deadline is this many days away.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 30)]
    public int ReminderDaysBefore { get; set; } = 7;

    /// <summary>More denied record requests than this by one user within the window alerts the administrators.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int DeniedAlertThreshold { get; set; } = 50;

    [System.ComponentModel.DataAnnotations.Range(1, 1440)]
    public int DeniedAlertWindowMinutes { get; set; } = 5;
}
