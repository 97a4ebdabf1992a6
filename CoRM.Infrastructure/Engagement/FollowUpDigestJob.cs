using System.Globalization;
using System.Text;
using CoRM.Domain.Messaging;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Engagement;

/// <summary>
/// Every morning, one e-mail per owner listing their due and overdue follow-ups. Idempotent: the
/// digest for an owner and a day has one dedup key, so running the job twice produces it once,
/// and the outbox sends it once.
/// </summary>
public sealed class FollowUpDigestJob(
    IDbContextFactory<CormDbContext> dbFactory, OutboxDispatcher dispatcher, IOptions<EmailOptions> options, TimeProvider time)
{
    public const string RecurringJobId = "follow-up-digest";

    internal sealed record DueItem(int OwnerId, int FollowUpId, string Title, DateOnly DueOn, int ConstituentId, string ConstituentName);

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await DueItems(db, today).ToListAsync(ct);
        var produced = 0;
        foreach (var owner in due.GroupBy(d => d.OwnerId))
        {
            var key = DedupKey(owner.Key, today);
            if (await db.OutboxMessages.AnyAsync(m => m.DedupKey == key, ct)) continue;
            if (await Identity.PortalUserDirectory.WorkAddressAsync(db, owner.Key, ct) is not { Address: { } address } recipient) continue;

            db.OutboxMessages.Add(Compose(key, owner.Key, recipient.Name, address, owner.ToList(), today));
            try
            {
                await db.SaveChangesAsync(ct);
                produced++;
            }
            catch (DbUpdateException)
            {
                // Another instance may have produced the same digest between our check and our insert: theirs stands.
                db.ChangeTracker.Clear();
                if (!await db.OutboxMessages.AnyAsync(m => m.DedupKey == key, ct)) throw;
            }
        }
        await dispatcher.DispatchPendingAsync(ct);
        return produced;
    }

    public static string DedupKey(int ownerId, DateOnly day) => $"follow-up-digest:{ownerId}:{day:yyyy-MM-dd}";

    internal static IQueryable<DueItem> DueItems(CormDbContext db, DateOnly today) =>
        db.FollowUps.Where(f => f.CompletedAt == null && f.DueOn <= today)
            .OrderBy(f => f.OwnerId).ThenBy(f => f.DueOn)
            .Select(f => new DueItem(f.OwnerId, f.Id, f.Title, f.DueOn, f.ConstituentId,
                db.Constituents.Where(c => c.Id == f.ConstituentId).Select(c => c.DisplayName).First()));

    private OutboxMessage Compose(string key, int ownerId, string ownerName, string address, IReadOnlyList<DueItem> items, DateOnly today)
    {
        var baseUrl = options.Value.PortalBaseUrl.TrimEnd('/');
        var overdue = items.Count(i => i.DueOn < today);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Good morning {ownerName},");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"You have {items.Count} follow-up(s) due today or earlier ({overdue} overdue):");
        text.AppendLine();
        foreach (var item in items)
        {
            var when = item.DueOn < today ? $"{today.DayNumber - item.DueOn.DayNumber} day(s) overdue" : "due today";
            text.AppendLine(CultureInfo.InvariantCulture, $"- {item.Title} — {item.ConstituentName} ({when}, due {InstitutionFormat.Date(item.DueOn)})");
            text.AppendLine(CultureInfo.InvariantCulture, $"  {baseUrl}/constituents/{item.ConstituentId}");
        }
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"All your follow-ups: {baseUrl}/follow-ups");
        return new OutboxMessage
        {
            DedupKey = key,
            Priority = OutboxPriority.Bulk,
            Origin = $"follow-up-digest:{today:yyyy-MM-dd}",
            RecipientConstituentId = ownerId,
            ToAddress = address,
            ToName = ownerName,
            Subject = $"CoRM: {items.Count} follow-up(s) due ({InstitutionFormat.Date(today)})",
            TextBody = text.ToString(),
            CreatedAt = time.UtcNow(),
        };
    }
}
