namespace CoRM.Domain.Privacy;

/// <summary>
/// One subject-access export, built in the background: a zip with a readable HTML copy and a machine-readable JSON of
/// everything held about the person. It can be downloaded once; the download deletes the file (it is a complete copy
/// of someone's data and must not linger) and is audited.
/// </summary>
public class SubjectAccessExport
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public int SubjectId { get; set; }
    public int RequestedById { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? ReadyAt { get; set; }

    /// <summary>The zip while it waits for its one download; null before it is built and after it is fetched.</summary>
    public byte[]? Content { get; set; }

    public int Rows { get; set; }
    public DateTime? DownloadedAt { get; set; }
    public int? DownloadedById { get; set; }
    public string? Error { get; set; }
}
