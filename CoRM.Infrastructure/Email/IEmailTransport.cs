using MimeKit;

namespace CoRM.Infrastructure.Email;

/// <summary>Delivers one message; throws when delivery fails so the outbox keeps it for a retry.</summary>
public interface IEmailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
