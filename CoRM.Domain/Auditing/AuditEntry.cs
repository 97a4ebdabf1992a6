namespace CoRM.Domain.Auditing;

public enum AuditAction
{
    Read = 0,
    Create = 1,
    Update = 2,
    Delete = 3,
    SignIn = 4,
    /// <summary>Data left the building: a CSV, spreadsheet or PDF download, with its row count.</summary>
    Export = 5,
    /// <summary>A user asked for a record that does not exist or is not theirs to see (they were told "not found").</summary>
    Denied = 6,
}

/// <summary>Who read or changed which sensitive record, when, and from where.</summary>
public class AuditEntry
{
    public const int DetailMaxLength = 500;

    public long Id { get; set; }
    public DateTime At { get; set; }
    public int? UserConstituentId { get; set; }
    public string UserName { get; set; } = "";
    public AuditAction Action { get; set; }
    public string RecordType { get; set; } = "";
    /// <summary>The record's own id (the gift's, not the donor's), known once it is saved.</summary>
    public string RecordId { get; set; } = "";
    /// <summary>The person the data is about (the donor, the student), so every entry about someone can be found.</summary>
    public int? SubjectConstituentId { get; set; }
    public string? Detail { get; set; }
    public string? RemoteAddress { get; set; }
}
