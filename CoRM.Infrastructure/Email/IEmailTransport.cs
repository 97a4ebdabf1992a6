using MimeKit;

namespace CoRM.Infrastructure.Email;

/// <summary>Where outbox messages are delivered: opens a session that sends several messages over one connection.</summary>
public interface IEmailTransport
{
    /// <summary>Connects (and signs in to the relay); throws when the relay cannot be reached.</summary>
    Task<IEmailSession> OpenAsync(CancellationToken ct);
}

/// <summary>One connection to the relay. Disposing it ends the session (SMTP QUIT).</summary>
public interface IEmailSession : IAsyncDisposable
{
    /// <summary>Returns once the relay has accepted the message; throws when it did not.</summary>
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>
/// The relay refused a message for good (an SMTP 5xx answer): trying again would get the same answer. When the
/// recipient was refused, the address is put on hold so later mail skips it.
/// </summary>
public sealed class PermanentDeliveryException(string answer, bool recipientRefused, Exception? inner = null) : Exception(answer, inner)
{
    public bool RecipientRefused { get; } = recipientRefused;
}
