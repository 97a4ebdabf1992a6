using CoRM.Domain.Messaging;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoRM.Infrastructure.Email;

/// <summary>
/// Drains the outbox while it holds ready messages (for up to Email:DispatchBudgetSeconds a run), over one SMTP
/// connection. Each message is claimed with a conditional update before it is sent — so any number of senders, in any
/// number of portal instances, never send the same row at once — and marked sent as soon as the relay accepts it, before
/// the session's QUIT. A sender that dies leaves its claim, which lapses after Email:ClaimLeaseSeconds.
/// The one window left: a process killed after the relay accepted a message and before the mark is written sends that
/// message again; it carries the same Message-ID both times, so the receiving server can drop the copy.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<CormDbContext> dbFactory, IEmailTransport transport, IOptions<EmailOptions> options,
    TimeProvider time, ILogger<OutboxDispatcher> logger, IEnumerable<IOutboxAttachmentSource>? attachmentSources = null)
{
    private readonly Dictionary<string, IOutboxAttachmentSource> attachments = (attachmentSources ?? []).ToDictionary(s => s.Kind, StringComparer.Ordinal);

    public const int MaxAttempts = 5;
    public const int BatchSize = 200;

    /// <summary>After this many failures in a row the relay is taken to be down: the run stops and the next one tries again.</summary>
    public const int ConsecutiveFailuresBeforePause = 3;

    /// <summary>The Message-ID of an outbox row: the same on every attempt.</summary>
    public static string MessageIdOf(long outboxId) => $"outbox-{outboxId}@corm";

    /// <summary>Sends what is due; returns how many messages went out.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken ct = default)
    {
        var sent = 0;
        var failuresInARow = 0;
        var lease = TimeSpan.FromSeconds(options.Value.ClaimLeaseSeconds);
        var stopAt = time.UtcNow() + TimeSpan.FromSeconds(options.Value.DispatchBudgetSeconds);
        IEmailSession? session = null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            while (time.UtcNow() < stopAt && failuresInARow < ConsecutiveFailuresBeforePause)
            {
                var now = time.UtcNow();
                // ClaimedUntil is also "not before": a claim in force, or a failed message waiting out its back-off.
                var candidates = await db.OutboxMessages
                    .Where(m => m.SentAt == null && m.Attempts < MaxAttempts && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                    .OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
                if (candidates.Count == 0) break;

                foreach (var id in candidates)
                {
                    if (time.UtcNow() >= stopAt || failuresInARow >= ConsecutiveFailuresBeforePause) break;
                    var claimedAt = time.UtcNow();
                    var claimUntil = claimedAt + lease;
                    var claimed = await db.OutboxMessages
                        .Where(m => m.Id == id && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < claimedAt))
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, claimUntil).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
                    if (claimed == 0) continue; // another sender has it

                    var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct);
                    try
                    {
                        var mime = await ToMimeAsync(message, ct);
                        session ??= await transport.OpenAsync(ct);
                        await session.SendAsync(mime, ct);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        failuresInARow++;
                        logger.LogWarning(e, "Outbox message {MessageId} could not be sent (attempt {Attempt})", id, message.Attempts);
                        var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                        // Back off before the next attempt (1, 2, 3, 4 × five minutes); a broken connection is reopened.
                        var notBefore = time.UtcNow() + TimeSpan.FromMinutes(5 * message.Attempts);
                        await db.OutboxMessages.Where(m => m.Id == id)
                            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, notBefore).SetProperty(m => m.LastError, error), ct);
                        if (session is not null) await session.DisposeAsync();
                        session = null;
                        continue;
                    }
                    // Accepted by the relay: marked at once, before anything else can go wrong.
                    await db.OutboxMessages.Where(m => m.Id == id)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, time.UtcNow()).SetProperty(m => m.LastError, (string?)null), ct);
                    sent++;
                    failuresInARow = 0;
                }
            }
        }
        finally
        {
            if (session is not null) await session.DisposeAsync();
        }
        if (failuresInARow >= ConsecutiveFailuresBeforePause)
            logger.LogWarning("Outbox dispatch paused after {Failures} failures in a row; {Sent} sent in this run", failuresInARow, sent);
        return sent;
    }

    private async Task<MimeMessage> ToMimeAsync(OutboxMessage message, CancellationToken ct)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Subject = message.Subject;
        // A stable id lets a receiving system drop a duplicate if a crash fell between send and mark.
        mime.MessageId = MessageIdOf(message.Id);
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
