namespace CoRM.Domain.Auditing;

public enum AuditAction
{
    Read = 0,
    Create = 1,
    Update = 2,
    Delete = 3,
    SignIn = 4,
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
    public string RecordId { get; set; } = "";
    public string? Detail { get; set; }
    public string? RemoteAddress { get; set; }
}
