namespace CoRM.Domain.Privacy;

public enum RetentionKind
{
    /// <summary>The bodies and addresses of e-mails sent (the row stays, so "sent at most once" still holds).</summary>
    SentEmailBodies = 0,
    /// <summary>Audit entries.</summary>
    AuditEntries = 1,
    /// <summary>Requests for information from people who never applied.</summary>
    UnconvertedInquiries = 2,
    /// <summary>Case notes after their case closed (a case type may keep them longer or shorter).</summary>
    CaseNotes = 3,
    /// <summary>Subject-access exports never downloaded.</summary>
    UndownloadedExports = 4,
}

/// <summary>How long one kind of data is kept, set by an administrator or the data-protection officer.</summary>
public class RetentionRule : IVersioned
{
    public RetentionKind Kind { get; set; }
    public int Days { get; set; }
    public DateTime? ChangedAt { get; set; }
    public int? ChangedById { get; set; }
    public Guid Version { get; set; }

    public const int MinDays = 1;
    public const int MaxDays = 36_500;

    /// <summary>The defaults an institution starts from (the README lists them).</summary>
    public static IReadOnlyDictionary<RetentionKind, int> Defaults { get; } = new Dictionary<RetentionKind, int>
    {
        [RetentionKind.SentEmailBodies] = 90,
        [RetentionKind.AuditEntries] = 7 * 365,
        [RetentionKind.UnconvertedInquiries] = 2 * 365,
        [RetentionKind.CaseNotes] = 6 * 365,
        [RetentionKind.UndownloadedExports] = 30,
    };

    public static string Describe(RetentionKind kind) => kind switch
    {
        RetentionKind.SentEmailBodies => "Sent e-mails: subject, text and address (the row that says it was sent stays)",
        RetentionKind.AuditEntries => "Audit entries",
        RetentionKind.UnconvertedInquiries => "Requests for information from people who never applied",
        RetentionKind.CaseNotes => "Case notes, counted from the day the case closed (a case type can set its own)",
        RetentionKind.UndownloadedExports => "Subject-access exports nobody downloaded",
        _ => kind.ToString(),
    };
}

/// <summary>What one nightly retention run removed, per kind: the report administrators read.</summary>
public class RetentionRun
{
    public int Id { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    public string Report { get; set; } = "";
    public int Removed { get; set; }
}
