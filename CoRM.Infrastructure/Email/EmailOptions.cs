using System.ComponentModel.DataAnnotations;

namespace CoRM.Infrastructure.Email;

public enum EmailTransportKind
{
    /// <summary>Embedded default: each message is written as an .eml file to a folder.</summary>
    PickupFolder,

    /// <summary>Production: SMTP through MailKit.</summary>
    Smtp,
}

/// <summary>Bound from the "Email" section.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailTransportKind Transport { get; set; } = EmailTransportKind.PickupFolder;

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "corm@localhost.localdomain";

    public string FromName { get; set; } = "CoRM";

    /// <summary>Relative paths are resolved against the content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail-pickup";

    /// <summary>Used to build links in messages, e.g. https://corm.example.edu.</summary>
    [Required]
    public string PortalBaseUrl { get; set; } = "http://localhost:5080";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>
    /// How long a message claimed by a sender stays its own. A sender that dies mid-send leaves its claim; another takes
    /// the message after this. Longer than the SMTP timeout, so a slow send is never taken over while it still runs.
    /// </summary>
    [Range(10, 3600)]
    public int ClaimLeaseSeconds { get; set; } = 60;

    /// <summary>One dispatch run sends for at most this long, then leaves the rest to the next run (every minute).</summary>
    [Range(5, 3600)]
    public int DispatchBudgetSeconds { get; set; } = 50;

    /// <summary>
    /// How many SMTP connections one dispatch run keeps open and sends over at once (per instance). Each takes its own
    /// claims, so connections and instances never send the same message.
    /// </summary>
    [Range(1, 16)]
    public int Connections { get; set; } = 2;

    /// <summary>
    /// How many messages one claim takes (one update claims them, one query reads them). A transactional message
    /// queued while bulk mail is sending waits for at most this many per connection.
    /// </summary>
    [Range(1, 500)]
    public int ClaimBatchSize { get; set; } = 20;

    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>/health reports the outbox as degraded when its oldest ready message has waited longer than this.</summary>
    public int BacklogDegradedAfterMinutes { get; set; } = 30;
}

/// <summary>
/// What the relay allows. Zero means no limit. Per second is kept by each instance; per hour and per day count every
/// instance's sends in the database, so several instances share one allowance. Bulk mail stops short of the hourly and
/// daily limits by TransactionalReservePercent, so an invitation code or a receipt can still go out when an appeal has
/// used the day's allowance; the rest of the appeal goes the next day.
/// </summary>
public sealed class RateLimitOptions
{
    [Range(0, 100_000)]
    public double PerSecond { get; set; }

    [Range(0, int.MaxValue)]
    public int PerHour { get; set; }

    [Range(0, int.MaxValue)]
    public int PerDay { get; set; }

    [Range(0, 90)]
    public int TransactionalReservePercent { get; set; } = 10;

    public bool Any => PerSecond > 0 || PerHour > 0 || PerDay > 0;
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>How long any one SMTP command may take before the send counts as failed.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;
}
