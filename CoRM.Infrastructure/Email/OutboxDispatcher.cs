using CoRM.Domain.Messaging;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoRM.Infrastructure.Email;

/// <summary>
/// Drains the outbox while it holds ready messages (for up to Email:DispatchBudgetSeconds a run) over
/// Email:Connections SMTP connections at once. Each connection claims a handful of messages with one conditional
/// update (transactional before bulk, then oldest first) — so any number of connections, in any number of portal
/// instances, never send the same row at once — and marks each sent as soon as the relay accepts it, before the
/// session's QUIT. A sender that dies leaves its claims, which lapse after Email:ClaimLeaseSeconds.
/// The one window left: a process killed after the relay accepted a message and before the mark is written sends that
/// message again; it carries the same Message-ID both times, so the receiving server can drop the copy.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<CormDbContext> dbFactory, IEmailTransport transport, IOptions<EmailOptions> options,
    TimeProvider time, ILogger<OutboxDispatcher> logger, IEnumerable<IOutboxAttachmentSource>? attachmentSources = null)
{
    private readonly Dictionary<string, IOutboxAttachmentSource> attachments = (attachmentSources ?? []).ToDictionary(s => s.Kind, StringComparer.Ordinal);

    public const int MaxAttempts = 5;

    /// <summary>After this many failures in a row the relay is taken to be down: the run stops and the next one tries again.</summary>
    public const int ConsecutiveFailuresBeforePause = 3;

    /// <summary>The Message-ID of an outbox row: the same on every attempt.</summary>
    public static string MessageIdOf(long outboxId) => $"outbox-{outboxId}@corm";

    /// <summary>Ready to send: not sent, not given up, not claimed by another sender nor waiting out a back-off.</summary>
    public static System.Linq.Expressions.Expression<Func<OutboxMessage, bool>> Ready(DateTime now) =>
        m => m.SentAt == null && m.FailedAt == null && m.Attempts < MaxAttempts && (m.ClaimedUntil == null || m.ClaimedUntil < now);

    /// <summary>Sends what is due; returns how many messages went out.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        var (total, bulk) = await AllowanceAsync(ct);
        var run = new Run(time.UtcNow() + TimeSpan.FromSeconds(o.DispatchBudgetSeconds), new SendPacer(o.RateLimit.PerSecond, time), total, bulk);
        var sent = await Task.WhenAll(Enumerable.Range(0, o.Connections).Select(_ => DrainAsync(run, ct)));
        if (run.Paused)
            logger.LogWarning("Outbox dispatch paused after {Failures} failures in a row; {Sent} sent in this run", ConsecutiveFailuresBeforePause, sent.Sum());
        if (run.LimitReached)
            logger.LogInformation("Outbox dispatch stopped at the relay's rate limit; {Sent} sent in this run, the rest waits for the next", sent.Sum());
        return sent.Sum();
    }

    /// <summary>
    /// What the connections of one run share: its deadline, its pace, what the relay's limits leave (counted once at
    /// the start: within a run the windows only free more), and whether the relay looks down.
    /// </summary>
    private sealed class Run(DateTime stopAt, SendPacer pacer, int total, int bulk)
    {
        private readonly Lock gate = new();
        private int failuresInARow;
        public DateTime StopAt { get; } = stopAt;
        public SendPacer Pacer { get; } = pacer;
        public bool LimitReached { get; private set; }
        public bool Paused => Volatile.Read(ref failuresInARow) >= ConsecutiveFailuresBeforePause;
        public void Failed() => Interlocked.Increment(ref failuresInARow);
        public void Succeeded() => Volatile.Write(ref failuresInARow, 0);

        public int Left
        {
            get { lock (gate) return total; }
        }

        public bool BulkLeft
        {
            get { lock (gate) return bulk > 0; }
        }

        /// <summary>Takes one send from the allowance; false when the limits leave none for this kind of message.</summary>
        public bool TryTake(OutboxPriority priority)
        {
            lock (gate)
            {
                if (total <= 0 || (priority == OutboxPriority.Bulk && bulk <= 0))
                {
                    LimitReached = true;
                    return false;
                }
                total--;
                bulk--;
                return true;
            }
        }
    }

    /// <summary>One connection's share of the run: claim a handful, send them, mark each, claim again.</summary>
    private async Task<int> DrainAsync(Run run, CancellationToken ct)
    {
        var o = options.Value;
        var lease = TimeSpan.FromSeconds(o.ClaimLeaseSeconds);
        var smtpTimeout = TimeSpan.FromSeconds(o.Smtp.TimeoutSeconds);
        var sent = 0;
        IEmailSession? session = null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            while (time.UtcNow() < run.StopAt && !run.Paused && run.Left > 0)
            {
                var (token, claimUntil, claimed) = await ClaimAsync(db, Math.Min(o.ClaimBatchSize, run.Left), bulkAllowed: run.BulkLeft, lease, ct);
                if (claimed.Count == 0) break;
                var index = 0;
                for (; index < claimed.Count; index++)
                {
                    var message = claimed[index];
                    // Stop while the claim still covers a whole send: a message is never sent after its claim could lapse.
                    if (time.UtcNow() >= run.StopAt || run.Paused || time.UtcNow() + smtpTimeout >= claimUntil) break;
                    if (!run.TryTake(message.Priority)) break;
                    await run.Pacer.WaitAsync(ct);
                    try
                    {
                        var mime = await ToMimeAsync(message, ct);
                        session ??= await transport.OpenAsync(ct);
                        await session.SendAsync(mime, ct);
                    }
                    catch (PermanentDeliveryException e)
                    {
                        // The relay answered, and its answer is final: not a sign that it is down.
                        logger.LogWarning("Outbox message {MessageId} refused for good: {Answer}", message.Id, e.Message);
                        await GiveUpAsync(db, message, e.Message, e.RecipientRefused, ct);
                        continue;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        run.Failed();
                        logger.LogWarning(e, "Outbox message {MessageId} could not be sent (attempt {Attempt})", message.Id, message.Attempts);
                        await BackOffAsync(db, message, e.Message, ct);
                        if (session is not null) await session.DisposeAsync();
                        session = null;
                        continue;
                    }
                    // Accepted by the relay: marked at once, before anything else can go wrong.
                    await db.OutboxMessages.Where(m => m.Id == message.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, time.UtcNow()).SetProperty(m => m.LastError, (string?)null).SetProperty(m => m.ClaimToken, (Guid?)null), ct);
                    sent++;
                    run.Succeeded();
                }
                // What was not sent goes back; when bulk reached its limit the next claim takes transactional mail only.
                if (index < claimed.Count) await ReleaseAsync(db, token, ct);
            }
        }
        finally
        {
            if (session is not null) await session.DisposeAsync();
        }
        return sent;
    }

    /// <summary>
    /// Takes up to <paramref name="take"/> ready messages, transactional first: the ids are read, then claimed by one
    /// update that checks again that nobody else has them, then read back by the claim's token.
    /// </summary>
    private async Task<(Guid Token, DateTime Until, List<OutboxMessage> Messages)> ClaimAsync(CormDbContext db, int take, bool bulkAllowed, TimeSpan lease, CancellationToken ct)
    {
        while (true)
        {
            var now = time.UtcNow();
            var ready = db.OutboxMessages.Where(Ready(now));
            if (!bulkAllowed) ready = ready.Where(m => m.Priority == OutboxPriority.Transactional);
            var ids = await ready.OrderBy(m => m.Priority).ThenBy(m => m.Id).Select(m => m.Id).Take(take).ToListAsync(ct);
            if (ids.Count == 0) return (Guid.Empty, now, []);
            var token = Guid.NewGuid();
            var until = now + lease;
            var claimed = await db.OutboxMessages.Where(m => ids.Contains(m.Id)).Where(Ready(now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until).SetProperty(m => m.ClaimToken, token).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            // Another connection took all of them between the read and the update: read again.
            if (claimed == 0) continue;
            var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.ClaimToken == token && m.SentAt == null)
                .OrderBy(m => m.Priority).ThenBy(m => m.Id).ToListAsync(ct);
            return (token, until, messages);
        }
    }

    /// <summary>Hands back what a claim did not get to send (the run ended or a limit was reached); the attempt does not count.</summary>
    private async Task ReleaseAsync(CormDbContext db, Guid token, CancellationToken ct) =>
        // Sent, failed and backed-off rows have dropped the token already: what still holds it was never tried.
        await db.OutboxMessages.Where(m => m.ClaimToken == token && m.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, (DateTime?)null).SetProperty(m => m.ClaimToken, (Guid?)null).SetProperty(m => m.Attempts, m => m.Attempts - 1), ct);

    /// <summary>A transient failure: try again after 5, 10, 15, 20 minutes; after the last attempt, give up.</summary>
    private async Task BackOffAsync(CormDbContext db, OutboxMessage message, string error, CancellationToken ct)
    {
        error = OutboxMessage.ClipError(error);
        var now = time.UtcNow();
        var notBefore = now + TimeSpan.FromMinutes(5 * message.Attempts);
        DateTime? failedAt = message.Attempts >= MaxAttempts ? now : null;
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ClaimedUntil, notBefore).SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.LastError, error).SetProperty(m => m.FailedAt, failedAt), ct);
    }

    /// <summary>
    /// A permanent failure: the message is not tried again, and when the recipient was refused the person's address is
    /// put on hold — with the relay's answer — and their other waiting messages to it are given up too.
    /// </summary>
    private async Task GiveUpAsync(CormDbContext db, OutboxMessage message, string answer, bool recipientRefused, CancellationToken ct)
    {
        answer = OutboxMessage.ClipError(answer);
        var now = time.UtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.FailedAt, now).SetProperty(m => m.Attempts, MaxAttempts).SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.LastError, answer), ct);
        if (recipientRefused)
        {
            var address = message.ToAddress;
            var reason = Domain.Constituents.Constituent.HoldReasonOf(answer);
            if (message.RecipientConstituentId is { } person)
                await db.Constituents.Where(c => c.Id == person && c.Email == address && c.EmailOnHoldSince == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.EmailOnHoldSince, now).SetProperty(c => c.EmailHoldReason, reason), ct);
            var onHold = OutboxMessage.ClipError($"Not sent: {address} was refused for good on {now:yyyy-MM-dd HH:mm} UTC ({answer})");
            await db.OutboxMessages.Where(m => m.ToAddress == address && m.Id != message.Id).Where(Ready(now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAt, now).SetProperty(m => m.Attempts, MaxAttempts).SetProperty(m => m.LastError, onHold), ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>What the relay's hourly and daily limits leave, counted over every instance's sends; bulk keeps a reserve free.</summary>
    private async Task<(int Total, int Bulk)> AllowanceAsync(CancellationToken ct)
    {
        var limits = options.Value.RateLimit;
        if (limits.PerHour <= 0 && limits.PerDay <= 0) return (int.MaxValue, int.MaxValue);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.UtcNow();
        var total = int.MaxValue;
        var bulk = int.MaxValue;
        foreach (var (limit, window) in new[] { (limits.PerHour, TimeSpan.FromHours(1)), (limits.PerDay, TimeSpan.FromDays(1)) })
        {
            if (limit <= 0) continue;
            var since = now - window;
            var used = await db.OutboxMessages.CountAsync(m => m.SentAt >= since, ct);
            total = Math.Min(total, limit - used);
            bulk = Math.Min(bulk, limit - limit * limits.TransactionalReservePercent / 100 - used);
        }
        return (total, bulk);
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

/// <summary>Spaces sends to Email:RateLimit:PerSecond across this run's connections (zero: no spacing).</summary>
internal sealed class SendPacer(double perSecond, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly TimeSpan interval = perSecond > 0 ? TimeSpan.FromSeconds(1 / perSecond) : TimeSpan.Zero;
    private DateTimeOffset next = DateTimeOffset.MinValue;

    public Task WaitAsync(CancellationToken ct)
    {
        if (interval == TimeSpan.Zero) return Task.CompletedTask;
        TimeSpan wait;
        lock (gate)
        {
            var now = time.GetUtcNow();
            var slot = next > now ? next : now;
            next = slot + interval;
            wait = slot - now;
        }
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, ct) : Task.CompletedTask;
    }
}
