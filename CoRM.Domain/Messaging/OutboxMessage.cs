namespace CoRM.Domain.Messaging;

/// <summary>
/// An e-mail waiting to be sent. The dedup key makes producing it idempotent (a unique index);
/// SentAt makes sending it idempotent. Jobs find work here, never in Hangfire's arguments.
/// </summary>
public class OutboxMessage
{
    public const int DedupKeyMaxLength = 200;
    public const int SubjectMaxLength = 300;
    public const int AttachmentRefMaxLength = 100;

    public long Id { get; set; }
    public string DedupKey { get; set; } = "";
    public int? RecipientConstituentId { get; set; }
    public string ToAddress { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string? HtmlBody { get; set; }

    /// <summary>
    /// What to attach, by reference ("receipt:123"): the document is rendered when the message is sent, so the outbox
    /// holds no file bytes and a reprint-identical receipt goes out even after a retry.
    /// </summary>
    public string? AttachmentRef { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>A sender claims a message until this time; another instance skips it meanwhile.</summary>
    public DateTime? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
