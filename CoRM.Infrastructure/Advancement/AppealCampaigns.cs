using System.Globalization;
using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Advancement;
using CoRM.Domain.Auditing;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Documents;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Advancement;

public sealed record NewCampaign(string Name, int SegmentId, string Subject, string Body, DateTime ScheduledFor, decimal Cost, int ResponseWindowDays = 90,
    CampaignChannel Channel = CampaignChannel.Email);

public sealed record CampaignRow(int Id, string Name, string Segment, string Appeal, CampaignChannel Channel, CampaignStatus Status, DateTime ScheduledFor, DateTime? SentAt,
    int Recipients, int Rendered, int Delivered, Guid Version);

public sealed record DailyResponse(DateOnly Day, decimal Amount, int Gifts);

public sealed record CampaignResults(
    int Id, string Name, string Segment, string Appeal, CampaignChannel Channel, CampaignStatus Status, DateTime? SentAt, int ResponseWindowDays, decimal Cost,
    int Recipients, int Emailed, int Skipped, int Responders, int RecipientResponders, int Gifts, decimal Raised, int Actions, IReadOnlyList<DailyResponse> ByDay,
    IReadOnlyList<CampaignBreakdownRow> ByRecency, IReadOnlyList<CampaignBreakdownRow> ByRegion)
{
    public const int LettersPerFile = 2_000;
    public int LetterFiles => Channel == CampaignChannel.Letter ? (Emailed + LettersPerFile - 1) / LettersPerFile : 0;

    /// <summary>Of those contacted, the share who gave; gifts coded to the appeal by others count in the money, not here.</summary>
    public double? ResponseRate => Emailed == 0 ? null : (double)RecipientResponders / Emailed;
    public decimal? AverageGift => Gifts == 0 ? null : Math.Round(Raised / Gifts, 2);
    public decimal? CostPerUnitRaised => Raised == 0 ? null : Math.Round(Cost / Raised, 4);
}

/// <summary>Results split by the recipients' RFM recency score at send time (0 = not a recent donor).</summary>
public sealed record CampaignBreakdownRow(string Group, int Recipients, int Responders, decimal Raised);

/// <summary>Appeal campaigns: a segment, a template, a schedule; the send itself is <c>AppealCampaignJob</c>. Advancement and administrators.</summary>
public sealed class AppealCampaigns(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, IOptions<AdvancementOptions> options, PdfDocuments documents, TimeProvider time)
{
    public async Task<IReadOnlyList<CampaignRow>> ListAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.WorksGiving) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AppealCampaigns.OrderByDescending(c => c.ScheduledFor)
            .Select(c => new CampaignRow(c.Id, c.Name, db.Segments.Where(s => s.Id == c.SegmentId).Select(s => s.Name).First(),
                db.Appeals.Where(a => a.Id == c.AppealId).Select(a => a.Name).First(), c.Channel, c.Status, c.ScheduledFor, c.SentAt,
                db.CampaignRecipients.Count(r => r.CampaignId == c.Id), db.CampaignRecipients.Count(r => r.CampaignId == c.Id && r.Status == RecipientStatus.Sent),
                db.OutboxMessages.Count(m => m.Origin == "appeal:" + c.Id && m.SentAt != null), c.Version))
            .Take(200).ToListAsync(ct);
    }

    /// <summary>Creates the campaign with its own appeal (so its gifts can be coded) and schedules it.</summary>
    public async Task<CommandResult> CreateAsync(UserScope user, NewCampaign request, CancellationToken ct = default)
    {
        if (!user.WorksGiving) return CommandResult.NotFound;
        var now = time.UtcNow();
        return await runner.RunAsync(CommandOptions.About("campaign", transaction: true), async db =>
        {
            if (!await db.Segments.AnyAsync(s => s.Id == request.SegmentId, ct)) return CommandResult.Invalid("Choose a segment.");
            if (request.Cost < 0) return CommandResult.Invalid("The cost cannot be negative.");
            var code = $"C{now:yyMMddHHmm}{Random.Shared.Next(100):D2}";
            var appeal = new Appeal { Code = code, Name = request.Name.Trim(), StartsOn = DateOnly.FromDateTime(request.ScheduledFor), Cost = request.Cost };
            db.Appeals.Add(appeal);
            await db.SaveChangesAsync(ct);
            var campaign = AppealCampaign.Draft(request.Name, appeal.Id, request.SegmentId, request.Subject, request.Body, request.ScheduledFor, request.ResponseWindowDays, user.ConstituentId, now, request.Channel);
            campaign.Schedule(request.ScheduledFor < now ? now : request.ScheduledFor, now);
            db.AppealCampaigns.Add(campaign);
            await db.SaveChangesAsync(ct);
            audit.Record(db, user, AuditAction.Create, nameof(AppealCampaign), campaign.Id, null, $"Scheduled {campaign.Name} for {campaign.ScheduledFor:u}");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(campaign.Id);
        }, ct);
    }

    public async Task<CommandResult> CancelAsync(UserScope user, int id, Guid version, CancellationToken ct = default)
    {
        if (!user.WorksGiving) return CommandResult.NotFound;
        return await runner.RunAsync(CommandOptions.About("campaign"), async db =>
        {
            var campaign = await db.AppealCampaigns.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (campaign is null) return CommandResult.NotFound;
            if (campaign.Version != version) return CommandResult.Conflict("campaign");
            campaign.Cancel();
            audit.Record(db, user, AuditAction.Update, nameof(AppealCampaign), id, null, "Cancelled");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(id);
        }, ct);
    }

    /// <summary>
    /// Response rate, amount raised, average gift and cost per unit raised. A gift counts when it carries the campaign's
    /// appeal, or when a recipient gave within the response window after the send.
    /// </summary>
    public async Task<CampaignResults?> ResultsAsync(UserScope user, int id, CancellationToken ct = default)
    {
        if (!user.WorksGiving) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.AppealCampaigns.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var appeal = await db.Appeals.AsNoTracking().SingleAsync(a => a.Id == c.AppealId, ct);
        var segment = await db.Segments.Where(s => s.Id == c.SegmentId).Select(s => s.Name).SingleAsync(ct);
        var counts = await db.CampaignRecipients.Where(r => r.CampaignId == id).GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var gifts = c.SentAt is null ? [] : await AttributedGifts(db, c).ToListAsync(ct);
        var recipients = await db.CampaignRecipients.Where(r => r.CampaignId == id)
            .Join(db.Constituents, r => r.ConstituentId, c => c.Id, (r, c) => new { r.ConstituentId, r.Status, c.Region })
            .Select(r => new { r.ConstituentId, r.Status, r.Region, Recency = db.DonorScores.Where(s => s.ConstituentId == r.ConstituentId).Select(s => s.Recency).FirstOrDefault() })
            .ToListAsync(ct);
        var responders = gifts.Select(g => g.DonorId).ToHashSet();
        var contacted = recipients.Where(r => r.Status == RecipientStatus.Sent).Select(r => r.ConstituentId).ToList();
        var raisedBy = gifts.GroupBy(g => g.DonorId).ToDictionary(g => g.Key, g => g.Sum(x => x.Amount));
        // Sub-groups of the segment: raised is summed per donor once (a dictionary), not searched per group.
        CampaignBreakdownRow Row<T>(string group, IEnumerable<T> members, Func<T, int> id)
        {
            var ids = members.Select(id).ToList();
            return new CampaignBreakdownRow(group, ids.Count, ids.Count(responders.Contains), ids.Sum(i => raisedBy.GetValueOrDefault(i)));
        }
        var byRecency = recipients.GroupBy(r => r.Recency).OrderByDescending(g => g.Key)
            .Select(g => Row(g.Key == 0 ? "Not a recent donor" : $"Recency {g.Key}", g, r => r.ConstituentId)).ToList();
        var byRegion = recipients.GroupBy(r => r.Region ?? "").OrderBy(g => g.Key.Length == 0).ThenBy(g => g.Key, StringComparer.CurrentCulture)
            .Select(g => Row(g.Key.Length == 0 ? "No region" : g.Key, g, r => r.ConstituentId)).ToList();
        var actions = 0;
        if (c.SentAt is { } sent)
        {
            // Non-monetary response: actions recorded against the campaign or taken by recipients within the window.
            var until = sent.AddDays(c.ResponseWindowDays);
            actions = await Actions(db, id, sent, until).CountAsync(ct);
        }
        return new CampaignResults(c.Id, c.Name, segment, appeal.Name, c.Channel, c.Status, c.SentAt, c.ResponseWindowDays, appeal.Cost,
            counts.Values.Sum(), counts.GetValueOrDefault(RecipientStatus.Sent),
            counts.GetValueOrDefault(RecipientStatus.SkippedNoConsent) + counts.GetValueOrDefault(RecipientStatus.SkippedNoAddress),
            responders.Count, contacted.Count(responders.Contains), gifts.Count, gifts.Sum(g => g.Amount), actions,
            gifts.GroupBy(g => g.ReceivedOn).OrderBy(g => g.Key).Select(g => new DailyResponse(g.Key, g.Sum(x => x.Amount), g.Count())).ToList(), byRecency, byRegion);
    }

    /// <summary>One part of a letter campaign's print batch: a page per letter, address block first, in recipient order.</summary>
    public async Task<ReceiptPdf?> LettersPdfAsync(UserScope user, int id, int part, CancellationToken ct = default)
    {
        if (!user.WorksGiving || part < 1) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.AppealCampaigns.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.Channel == CampaignChannel.Letter, ct);
        if (c is null) return null;
        var letters = await db.CampaignRecipients.Where(r => r.CampaignId == id && r.Status == RecipientStatus.Sent && r.LetterBody != null)
            .OrderBy(r => r.Id).Skip((part - 1) * CampaignResults.LettersPerFile).Take(CampaignResults.LettersPerFile)
            .Select(r => new { r.MailingAddress, r.LetterBody, r.SentAt }).ToListAsync(ct);
        if (letters.Count == 0) return null;
        audit.Export(db, user, nameof(AppealCampaign), c.Id, letters.Count, detail: $"{c.Name}, letters part {part}");
        await db.SaveChangesAsync(ct);
        var o = options.Value;
        using var pdf = documents.Create($"{c.Name} — letters, part {part}", o.Institution);
        foreach (var letter in letters)
        {
            pdf.NewPage();
            pdf.Title(o.Institution);
            pdf.Text(o.InstitutionAddress, muted: true);
            pdf.Space(40); // the address sits where a window envelope shows it
            pdf.Paragraph(letter.MailingAddress ?? "");
            pdf.Space(24);
            pdf.Text(Common.InstitutionFormat.Date(Domain.WallClock.DayOf(letter.SentAt ?? c.SentAt ?? time.UtcNow(), time.LocalTimeZone)));
            pdf.Space(14);
            var body = letter.LetterBody!;
            var split = body.IndexOf("\n\n", StringComparison.Ordinal);
            if (split > 0)
            {
                pdf.Text(body[..split], strong: true);
                pdf.Space(8);
                body = body[(split + 2)..];
            }
            pdf.Paragraph(body);
        }
        return new ReceiptPdf($"letters-{c.Id}-part-{part}.pdf", pdf.ToBytes());
    }

    /// <summary>
    /// Actions (petitions signed, letters written, sessions attended) that answered the campaign: recorded against it, or
    /// taken by a recipient within the response window. Driven from the window (the actions' date index), then a seek per
    /// action on the recipients' campaign-and-person index.
    /// </summary>
    internal static IQueryable<ConstituentAction> Actions(CormDbContext db, int campaignId, DateTime start, DateTime end)
    {
        var (from, until) = (DateOnly.FromDateTime(start), DateOnly.FromDateTime(end));
        return db.Actions.Where(a => a.CampaignId == campaignId
            || (a.TookOn >= from && a.TookOn <= until && db.CampaignRecipients.Any(r => r.CampaignId == campaignId && r.ConstituentId == a.ConstituentId && r.Status == RecipientStatus.Sent)));
    }

    internal sealed record AttributedGift(int Id, int DonorId, DateOnly ReceivedOn, decimal Amount);

    internal static IQueryable<AttributedGift> AttributedGifts(CormDbContext db, AppealCampaign c)
    {
        var from = DateOnly.FromDateTime(c.SentAt!.Value);
        var until = from.AddDays(c.ResponseWindowDays);
        var appealId = c.AppealId;
        var campaignId = c.Id;
        return db.Gifts.Where(g => g.AppealId == appealId
                || (g.ReceivedOn >= from && g.ReceivedOn <= until && db.CampaignRecipients.Any(r => r.CampaignId == campaignId && r.ConstituentId == g.DonorId && r.Status == RecipientStatus.Sent)))
            .Select(g => new AttributedGift(g.Id, g.DonorId, g.ReceivedOn, g.Amount));
    }
}
