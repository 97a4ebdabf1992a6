namespace CoRM.Domain.Messaging;

/// <summary>
/// Which messages go first. Transactional mail answers something a person did or must know now (an invitation code, a
/// receipt asked for, a shift cancelled, a decision letter, an alert); bulk mail is sent to many at once (appeals,
/// digests, year-end summaries). The dispatcher sends every ready transactional message before the next bulk one.
/// </summary>
public enum OutboxPriority
{
    Transactional = 0,
    Bulk = 1,
}

/// <summary>
/// An e-mail waiting to be sent. The dedup key makes producing it idempotent (a unique index);
/// SentAt makes sending it idempotent. Jobs find work here, never in Hangfire's arguments.
/// </summary>
public class OutboxMessage
{
    public const int DedupKeyMaxLength = 200;
    public const int SubjectMaxLength = 300;
    public const int AttachmentRefMaxLength = 100;
    public const int OriginMaxLength = 100;
    public const int LastErrorMaxLength = 1000;

    /// <summary>An error or a relay's answer cut to what <see cref="LastError"/> holds.</summary>
    public static string ClipError(string error) => error.Length > LastErrorMaxLength ? error[..LastErrorMaxLength] : error;

    public long Id { get; set; }
    public string DedupKey { get; set; } = "";
    public int? RecipientConstituentId { get; set; }
    public string ToAddress { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string? HtmlBody { get; set; }

    public OutboxPriority Priority { get; set; } = OutboxPriority.Transactional;

    /// <summary>
    /// The run that produced a bulk message ("appeal:12", "year-end:2026"): its progress is counted by it, and the
    /// index on it keeps that count cheap while the run sends.
    /// </summary>
    public string? Origin { get; set; }

    /// <summary>
    /// What to attach, by reference ("receipt:123"): the document is rendered when the message is sent, so the outbox
    /// holds no file bytes and a reprint-identical receipt goes out even after a retry.
    /// </summary>
    public string? AttachmentRef { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>A sender claims a message until this time; another instance skips it meanwhile.</summary>
    public DateTime? ClaimedUntil { get; set; }
    /// <summary>The sender run holding the claim: one update claims a handful of rows, and this finds which.</summary>
    public Guid? ClaimToken { get; set; }
    public int Attempts { get; set; }

    /// <summary>The relay's last answer when sending failed (for a permanent failure, why the address was put on hold).</summary>
    public string? LastError { get; set; }

    /// <summary>Set when the relay refused the message for good (a 5xx answer): it is never tried again.</summary>
    public DateTime? FailedAt { get; set; }
}
