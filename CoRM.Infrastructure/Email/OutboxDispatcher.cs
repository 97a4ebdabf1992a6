using CoRM.Domain.Messaging;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoRM.Infrastructure.Email;

/// <summary>
/// Drains unsent outbox rows. Each row is claimed with a conditional update before sending, so two
/// portal instances never send the same row; it is marked sent right after delivery. A failed
/// delivery keeps the row for the next run and records why.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<CormDbContext> dbFactory, IEmailTransport transport, IOptions<EmailOptions> options,
    TimeProvider time, ILogger<OutboxDispatcher> logger, IEnumerable<IOutboxAttachmentSource>? attachmentSources = null)
{
    private readonly Dictionary<string, IOutboxAttachmentSource> attachments = (attachmentSources ?? []).ToDictionary(s => s.Kind, StringComparer.Ordinal);

    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);
    public const int MaxAttempts = 5;
    public const int BatchSize = 200;

    /// <summary>Sends what is due; returns how many messages went out.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken ct = default)
    {
        var sent = 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.UtcNow();
        var candidates = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.Attempts < MaxAttempts && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);

        foreach (var id in candidates)
        {
            var claimUntil = time.UtcNow() + ClaimDuration;
            var claimedAt = time.UtcNow();
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < claimedAt))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, claimUntil).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            if (claimed == 0) continue; // another sender has it

            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct);
            try
            {
                await transport.SendAsync(await ToMimeAsync(message, ct), ct);
                await db.OutboxMessages.Where(m => m.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, time.UtcNow()).SetProperty(m => m.LastError, (string?)null), ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Outbox message {MessageId} could not be sent (attempt {Attempt})", id, message.Attempts);
                var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                await db.OutboxMessages.Where(m => m.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, (DateTime?)null).SetProperty(m => m.LastError, error), ct);
            }
        }
        return sent;
    }

    private async Task<MimeMessage> ToMimeAsync(OutboxMessage message, CancellationToken ct)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Subject = message.Subject;
        // A stable id lets a receiving system drop a duplicate if a crash fell between send and mark.
        mime.MessageId = $"outbox-{message.Id}@corm";
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        if (message.AttachmentRef is { } reference)
        {
            // A missing document fails the attempt (recorded on the row) rather than sending the message without it.
            var attachment = await LoadAttachmentAsync(reference, ct) ?? throw new InvalidOperationException($"The attachment {reference} no longer exists.");
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }
        mime.Body = body.ToMessageBody();
        return mime;
    }

    private async Task<OutboxAttachment?> LoadAttachmentAsync(string reference, CancellationToken ct)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !attachments.TryGetValue(reference[..colon], out var source)
            || !int.TryParse(reference.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            throw new InvalidOperationException($"Nothing can attach {reference}.");
        return await source.LoadAsync(id, ct);
    }
}
