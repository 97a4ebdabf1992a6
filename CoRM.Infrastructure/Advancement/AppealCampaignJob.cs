using System.Globalization;
using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Domain.Messaging;
using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoRM.Infrastructure.Advancement;

/// <summary>
/// Every few minutes: for each campaign due, snapshot its segment into recipients (once), then render one message per
/// recipient into the outbox in batches, each batch in one transaction with the recipients' status and an interaction
/// each. Consent is checked again at render time. The outbox's unique key per campaign and recipient means a retried,
/// killed or doubled job never queues a message twice; the dispatcher then sends each queued message once.
/// </summary>
public sealed class AppealCampaignJob(IDbContextFactory<CormDbContext> dbFactory, OutboxDispatcher dispatcher, UnsubscribeLinks unsubscribe, TimeProvider time, ILogger<AppealCampaignJob> logger)
{
    /// <summary>The outbox origin of a campaign's messages: its progress is counted by it.</summary>
    public static string OriginOf(int campaignId) => $"appeal:{campaignId}";

    public const string RecurringJobId = "appeal-campaigns";
    public const int BatchSize = 1_000;

    public sealed record Summary(int Campaigns, int Rendered, int Skipped);

    /// <param name="dispatch">Send the outbox afterwards (the recurring job does; benchmarks measure rendering alone).</param>
    public async Task<Summary> RunAsync(CancellationToken ct = default) => await RunAsync(dispatch: true, ct);

    public async Task<Summary> RunAsync(bool dispatch, CancellationToken ct)
    {
        var now = time.UtcNow();
        List<int> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            due = await db.AppealCampaigns.Where(c => (c.Status == CampaignStatus.Scheduled && c.ScheduledFor <= now) || c.Status == CampaignStatus.Sending)
                .OrderBy(c => c.ScheduledFor).Select(c => c.Id).ToListAsync(ct);
        int rendered = 0, skipped = 0;
        foreach (var id in due)
        {
            await SnapshotAsync(id, ct);
            var (r, s) = await RenderAsync(id, ct);
            rendered += r;
            skipped += s;
        }
        if (dispatch && rendered > 0) await dispatcher.DispatchPendingAsync(ct);
        return new Summary(due.Count, rendered, skipped);
    }

    /// <summary>Moves the campaign to Sending and writes its recipients, once: the status change and the rows commit together.</summary>
    private async Task SnapshotAsync(int campaignId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.UtcNow();
        // AppealCampaign.BeginSending as one conditional update: exactly one job run claims the campaign.
        var claimed = await db.AppealCampaigns.Where(c => c.Id == campaignId && c.Status == CampaignStatus.Scheduled && c.SnapshotAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Sending).SetProperty(c => c.SnapshotAt, now).SetProperty(c => c.Version, Guid.NewGuid()), ct);
        if (claimed == 0) return; // already snapshotted (by an earlier run or another instance)
        var segmentJson = await db.AppealCampaigns.Where(c => c.Id == campaignId).Join(db.Segments, c => c.SegmentId, s => s.Id, (c, s) => s.RulesJson).SingleAsync(ct);
        var members = SegmentQuery.Apply(db, Segment.Parse(segmentJson), time.Today(), now).Select(c => c.Id);
        var ids = await members.ToListAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in ids.Chunk(5_000))
        {
            db.CampaignRecipients.AddRange(chunk.Select(id => new CampaignRecipient { CampaignId = campaignId, ConstituentId = id, Status = RecipientStatus.Queued }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await tx.CommitAsync(ct);
        logger.LogInformation("Campaign {CampaignId}: {Count} recipients snapshotted", campaignId, ids.Count);
    }

    private async Task<(int Rendered, int Skipped)> RenderAsync(int campaignId, CancellationToken ct)
    {
        int rendered = 0, skipped = 0;
        AppealCampaign campaign;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            campaign = await db.AppealCampaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId, ct);
        if (campaign.Status != CampaignStatus.Sending) return (0, 0);
        if (campaign.Channel == CampaignChannel.Letter) return await RenderLettersAsync(campaign, ct);
        var interactionSubject = $"Appeal: {campaign.Name}";
        if (interactionSubject.Length > Interaction.SubjectMaxLength) interactionSubject = interactionSubject[..Interaction.SubjectMaxLength];
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batch = await Batch(db, campaignId).ToListAsync(ct);
            if (batch.Count == 0) break;
            var now = time.UtcNow();
            // Links first: protecting the first token may create the data-protection key, a write of its own that
            // must not wait on (or deadlock with) this batch's transaction on SQLite.
            var links = batch.Where(r => r.MayBeEmailed).ToDictionary(r => r.ConstituentId, r => unsubscribe.LinkFor(r.ConstituentId));
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var sentIds = new List<long>();
            var skippedIds = new List<long>();
            foreach (var r in batch)
            {
                if (!r.MayBeEmailed)
                {
                    skippedIds.Add(r.RecipientId);
                    continue;
                }
                var values = Values(r.FirstName, r.LastName, r.DisplayName, r.Lifetime, r.LastGiftAmount, links[r.ConstituentId]);
                var subject = MergeTemplate.Render(campaign.SubjectTemplate, values);
                db.OutboxMessages.Add(new OutboxMessage
                {
                    DedupKey = $"appeal:{campaignId}:{r.ConstituentId}",
                    Priority = OutboxPriority.Bulk,
                    Origin = OriginOf(campaignId),
                    RecipientConstituentId = r.ConstituentId,
                    ToAddress = r.Email!,
                    ToName = r.DisplayName,
                    Subject = subject.Length > OutboxMessage.SubjectMaxLength ? subject[..OutboxMessage.SubjectMaxLength] : subject,
                    TextBody = MergeTemplate.Render(campaign.BodyTemplate, values),
                    CreatedAt = now,
                });
                db.Interactions.Add(Interaction.Log(r.ConstituentId, Channel.Email, Topic.Giving, interactionSubject, null, now, null, now));
                sentIds.Add(r.RecipientId);
            }
            try
            {
                await db.SaveChangesAsync(ct);
                await db.CampaignRecipients.Where(x => sentIds.Contains(x.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, RecipientStatus.Sent).SetProperty(x => x.SentAt, now), ct);
                await db.CampaignRecipients.Where(x => skippedIds.Contains(x.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, RecipientStatus.SkippedNoConsent), ct);
                await tx.CommitAsync(ct);
                rendered += sentIds.Count;
                skipped += skippedIds.Count;
            }
            catch (DbUpdateException e)
            {
                // Another instance rendered some of this batch first (the outbox key is unique): nothing of ours
                // committed, and the next pass reads the queue again without them.
                await tx.RollbackAsync(ct);
                logger.LogInformation(e, "Campaign {CampaignId}: a batch was rendered by another run; re-reading the queue", campaignId);
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            }
        }
        await MarkSentWhenDoneAsync(campaignId, ct);
        return (rendered, skipped);
    }

    private async Task MarkSentWhenDoneAsync(int campaignId, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var finished = time.UtcNow();
            // AppealCampaign.MarkSent as one conditional update, once no recipient is left queued.
            await db.AppealCampaigns.Where(c => c.Id == campaignId && c.Status == CampaignStatus.Sending && !db.CampaignRecipients.Any(r => r.CampaignId == campaignId && r.Status == RecipientStatus.Queued))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Sent).SetProperty(c => c.SentAt, finished).SetProperty(c => c.Version, Guid.NewGuid()), ct);
        }
    }

    /// <summary>
    /// Letters: each batch claims its queued recipients with one conditional update (a second instance claims none of
    /// them and re-reads), then stores each merged letter and address for the print batch, with an interaction each.
    /// </summary>
    private async Task<(int Rendered, int Skipped)> RenderLettersAsync(AppealCampaign campaign, CancellationToken ct)
    {
        int rendered = 0, skipped = 0;
        var interactionSubject = $"Appeal letter: {campaign.Name}";
        if (interactionSubject.Length > Interaction.SubjectMaxLength) interactionSubject = interactionSubject[..Interaction.SubjectMaxLength];
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var batch = await LetterBatch(db, campaign.Id).ToListAsync(ct);
            if (batch.Count == 0) break;
            var now = time.UtcNow();
            // A short code per letter for "no more post" (typed from paper); a collision fails the batch and the retry draws anew.
            var codes = batch.Where(r => r.MayBeWritten && r.Address is not null).ToDictionary(r => r.ConstituentId, _ => UnsubscribeLinks.NewPostCode());
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var ids = batch.Select(r => r.RecipientId).ToList();
            var claimed = await db.CampaignRecipients.Where(x => ids.Contains(x.Id) && x.Status == RecipientStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, RecipientStatus.Sent).SetProperty(x => x.SentAt, now), ct);
            if (claimed != batch.Count)
            {
                await tx.RollbackAsync(ct); // another instance is on this batch
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
                continue;
            }
            foreach (var r in batch)
            {
                var row = new CampaignRecipient { Id = r.RecipientId, CampaignId = campaign.Id, ConstituentId = r.ConstituentId, Status = RecipientStatus.Sent, SentAt = now };
                db.CampaignRecipients.Attach(row);
                if (!r.MayBeWritten || r.Address is null)
                {
                    row.Status = r.MayBeWritten ? RecipientStatus.SkippedNoAddress : RecipientStatus.SkippedNoConsent;
                    row.SentAt = null;
                    skipped++;
                    continue;
                }
                var values = Values(r.FirstName, r.LastName, r.DisplayName, r.Lifetime, r.LastGiftAmount, unsubscribe.PostLinkFor(codes[r.ConstituentId]));
                row.OptOutCode = codes[r.ConstituentId];
                row.MailingAddress = $"{r.DisplayName}\n{r.Address.Street}\n{$"{r.Address.PostalCode} {r.Address.City}".Trim()}\n{r.Address.Country}".Trim();
                row.LetterBody = MergeTemplate.Render(campaign.SubjectTemplate, values) + "\n\n" + MergeTemplate.Render(campaign.BodyTemplate, values);
                db.Interactions.Add(Interaction.Log(r.ConstituentId, Channel.Letter, Topic.Giving, interactionSubject, null, now, null, now));
                rendered++;
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await MarkSentWhenDoneAsync(campaign.Id, ct);
        return (rendered, skipped);
    }

    private static Dictionary<string, string> Values(string firstName, string lastName, string displayName, decimal? lifetime, decimal? lastGift, string unsubscribeLink) => new()
    {
        ["FirstName"] = firstName.Length > 0 ? firstName : displayName,
        ["LastName"] = lastName,
        ["DisplayName"] = displayName,
        ["LastGiftAmount"] = (lastGift ?? 0).ToString("N2", CultureInfo.InvariantCulture),
        ["LifetimeGiving"] = (lifetime ?? 0).ToString("N2", CultureInfo.InvariantCulture),
        ["UnsubscribeLink"] = unsubscribeLink,
    };

    internal sealed record QueuedLetter(long RecipientId, int ConstituentId, string FirstName, string LastName, string DisplayName, bool MayBeWritten, Address? Address, decimal? Lifetime, decimal? LastGiftAmount);

    /// <summary>Letters go to anyone with a postal address not marked do-not-contact or no-post; e-mail opt-out is about e-mail.</summary>
    internal static IQueryable<QueuedLetter> LetterBatch(CormDbContext db, int campaignId)
    {
        var mayReceivePost = Constituent.MayReceivePost;
        return db.CampaignRecipients.Where(r => r.CampaignId == campaignId && r.Status == RecipientStatus.Queued).OrderBy(r => r.Id).Take(BatchSize)
            .Join(db.Constituents, r => r.ConstituentId, c => c.Id, (r, c) => new { r, c })
            .Select(x => new QueuedLetter(x.r.Id, x.c.Id, x.c.FirstName, x.c.LastName, x.c.DisplayName, db.Constituents.Where(mayReceivePost).Any(p => p.Id == x.c.Id),
                db.Addresses.Where(a => a.ConstituentId == x.c.Id).OrderByDescending(a => a.IsPrimary).ThenBy(a => a.Id).FirstOrDefault(),
                db.DonorScores.Where(s => s.ConstituentId == x.c.Id).Select(s => (decimal?)s.LifetimeTotal).FirstOrDefault(),
                db.Gifts.Where(g => g.DonorId == x.c.Id).OrderByDescending(g => g.ReceivedOn).ThenByDescending(g => g.Id).Select(g => (decimal?)g.Amount).FirstOrDefault()));
    }

    internal sealed record QueuedRecipient(long RecipientId, int ConstituentId, string FirstName, string LastName, string DisplayName, string? Email, bool MayBeEmailed, decimal? Lifetime, decimal? LastGiftAmount);

    /// <summary>The next queued recipients with what their message needs, consent read as it is now.</summary>
    internal static IQueryable<QueuedRecipient> Batch(CormDbContext db, int campaignId)
    {
        var mayBeEmailed = Constituent.MayBeEmailed;
        return db.CampaignRecipients.Where(r => r.CampaignId == campaignId && r.Status == RecipientStatus.Queued).OrderBy(r => r.Id).Take(BatchSize)
            .Join(db.Constituents, r => r.ConstituentId, c => c.Id, (r, c) => new { r, c })
            .Select(x => new QueuedRecipient(x.r.Id, x.c.Id, x.c.FirstName, x.c.LastName, x.c.DisplayName, x.c.Email,
                db.Constituents.Where(mayBeEmailed).Any(p => p.Id == x.c.Id),
                db.DonorScores.Where(s => s.ConstituentId == x.c.Id).Select(s => (decimal?)s.LifetimeTotal).FirstOrDefault(),
                db.Gifts.Where(g => g.DonorId == x.c.Id).OrderByDescending(g => g.ReceivedOn).ThenByDescending(g => g.Id).Select(g => (decimal?)g.Amount).FirstOrDefault()));
    }
}
