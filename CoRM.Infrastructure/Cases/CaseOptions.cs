namespace CoRM.Infrastructure.Cases;

/// <summary>Case-management settings (section <c>Cases</c>).</summary>
public sealed class CaseOptions
{
    public const string Section = "Cases";

    /// <summary>How long break-glass access to a case lasts.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 168)]
    public int BreakGlassHours { get; set; } = 24;
}
