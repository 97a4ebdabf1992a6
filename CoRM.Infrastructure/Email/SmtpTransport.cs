using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoRM.Infrastructure.Email;

/// <summary>Sends through an SMTP relay with MailKit: one connection per session, many messages on it.</summary>
internal sealed class SmtpTransport(IOptions<EmailOptions> options, ILogger<SmtpTransport> logger) : IEmailTransport
{
    public async Task<IEmailSession> OpenAsync(CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            return new Session(client, logger);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Session(SmtpClient client, ILogger logger) : IEmailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            try
            {
                await client.SendAsync(message, ct);
            }
            catch (SmtpCommandException e) when ((int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
            {
                // 5xx is final (RFC 5321 §4.2.1); a refused sender is the relay's configuration, not this message's fault.
                throw new PermanentDeliveryException($"{(int)e.StatusCode} {e.Message}".Trim(), e.ErrorCode == SmtpErrorCode.RecipientNotAccepted, e);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected) await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
            {
                // Every message of the session was accepted (and marked sent) before this: a failed goodbye loses nothing.
                logger.LogInformation(e, "The SMTP relay did not take the session's QUIT cleanly");
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
