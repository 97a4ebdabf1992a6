namespace CoRM.Domain.Constituents;

/// <summary>
/// One merge: which record survived, which was merged into it, who did it and when, what moved (the summary a person
/// reads) and the full before-image (both records' fields and every row that moved or was collapsed, as JSON) from
/// which an administrator can undo it.
/// </summary>
public class MergeRecord
{
    public const int SummaryMaxLength = 1000;

    public int Id { get; set; }
    public int SurvivorId { get; set; }
    public int MergedId { get; set; }
    public DateTime MergedAt { get; set; }
    public int MergedById { get; set; }
    public string Summary { get; set; } = "";
    public string BeforeImage { get; set; } = "{}";

    /// <summary>Set when an administrator undid the merge: both records are back as they were.</summary>
    public DateTime? UndoneAt { get; set; }
    public int? UndoneById { get; set; }
}
