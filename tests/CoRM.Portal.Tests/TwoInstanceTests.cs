using System.Diagnostics;
using System.Text.RegularExpressions;
using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Tests.Support;
using CoRM.Portal.Tests.Support;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Portal.Tests;

/// <summary>
/// The production shape on one machine: portals as separate processes, each with its own Hangfire servers, on one
/// PostgreSQL database, delivering through real SMTP (MailKit to a local sink). One is killed (kill -9) in the middle of
/// an appeal to 20,000 people and a year-end receipting run, and started again. Runs in the PostgreSQL pass.
/// </summary>
public sealed partial class TwoInstanceTests(ITestOutputHelper output)
{
    private const int Recipients = 20_000;
    private const int YearEndDonors = 4_000;
    private const string Tag = "Spring appeal list";
    private const string AppealSubject = "Spring appeal for ";

    [PostgreSqlFact]
    public async Task Two_portals_send_a_20000_recipient_appeal_and_year_end_receipts_exactly_once_through_a_kill_and_a_restart()
    {
        await using var sink = new SmtpSink();
        await using var institution = await TestInstitution.CreateAsync(sink.Settings());
        var tomas = await institution.PersonaAsync(Personas.Advancement);
        var lastYear = DateTime.UtcNow.Year - 1;
        await AddPeopleAsync(institution, lastYear);
        var segment = await institution.Get<Segments>().SaveAsync(tomas, null, "Spring list", null, [new SegmentRule(SegmentRuleKind.HasTag, Text: Tag)], null);
        Assert.True(segment.Succeeded, segment.Message);
        var created = await institution.Get<AppealCampaigns>().CreateAsync(tomas, new NewCampaign("Spring 20k", (int)segment.Id!.Value, AppealSubject + "{{FirstName}}",
            "Dear {{FirstName}},\n\nSpring is here.\n\nNo more e-mails: {{UnsubscribeLink}}", institution.Time.GetUtcNow().UtcDateTime, 0m));
        Assert.True(created.Succeeded, created.Message);
        var campaignId = (int)created.Id!.Value;
        var yearEndBefore = await ReceiptsIssuedAsync(institution, lastYear); // the demo's own
        int lastReceiptBefore;
        await using (var db = await institution.OpenAsync())
            lastReceiptBefore = await db.Receipts.MaxAsync(r => (int?)r.Id) ?? 0;
        var yearEndExpected = yearEndBefore + await institution.Get<Receipts>().DonorsToReceiptAsync(tomas, lastYear);

        var settings = new Dictionary<string, string?>(institution.DatabaseSettings);
        foreach (var (key, value) in sink.Settings()) settings[key] = value;
        settings["Jobs:RunServer"] = "true";
        settings["Jobs:ServerInvisibilitySeconds"] = "30"; // a killed process's job is queued again after 30 s
        settings["Email:ClaimLeaseSeconds"] = "15";
        settings["Email:Smtp:TimeoutSeconds"] = "10";
        settings["Database:SeedDemoData"] = "false";
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information";
        var clock = Stopwatch.StartNew();

        // A takes the year-end run and the first "Send now"; B, started next, takes the second: both render and send.
        var a = await PortalProcess.StartAsync("A", settings);
        var jobs = new BackgroundJobClient(Storage(settings["Database:ConnectionString"]!));
        jobs.Create(Job.FromExpression<AnnualReceiptsJob>(j => j.RunAsync(lastYear, tomas.ConstituentId, true, CancellationToken.None)), new EnqueuedState("interactive"));
        jobs.Create(Job.FromExpression<AppealCampaignJob>(j => j.RunAsync(CancellationToken.None)), new EnqueuedState("interactive"));
        await using var b = await PortalProcess.StartAsync("B", settings);
        jobs.Create(Job.FromExpression<AppealCampaignJob>(j => j.RunAsync(CancellationToken.None)), new EnqueuedState("interactive"));

        // kill -9 on A while both are under way: the appeal going out, the year-end run part-way.
        await WaitUntilAsync(async () => Appeal(sink).Count >= 1_000 && await ReceiptsIssuedAsync(institution, lastYear) > yearEndBefore + 100, TimeSpan.FromMinutes(6),
            "the appeal and the year-end run under way", a, b);
        var issuedAtKill = await ReceiptsIssuedAsync(institution, lastYear) - yearEndBefore;
        var sentAtKill = Appeal(sink).Count;
        a.Kill();
        var killedAt = clock.Elapsed;
        await using var again = await PortalProcess.StartAsync("A again", settings);

        await WaitUntilAsync(async () => Appeal(sink).Select(m => m.Id).Distinct().Count() >= Recipients
            && await ReceiptsIssuedAsync(institution, lastYear) >= yearEndExpected && await YearEndMailsSentAsync(institution, lastYear),
            TimeSpan.FromMinutes(10), "everything delivered", again, b);
        var finishedAt = clock.Elapsed;

        // The appeal: every recipient one message; copies only where a sender died between the relay's answer and the mark.
        var appeal = Appeal(sink);
        var distinct = appeal.Select(m => m.Id).Distinct().Count();
        var duplicates = appeal.Count - distinct;
        var addresses = appeal.GroupBy(m => m.To).ToList();
        output.WriteLine($"Appeal: {Recipients} recipients; A killed at {killedAt.TotalSeconds:F0} s with {sentAtKill} delivered and {issuedAtKill} of {yearEndExpected - yearEndBefore} year-end receipts issued; " +
                         $"all delivered at {finishedAt.TotalSeconds:F0} s. Messages received {appeal.Count}, distinct {distinct}, duplicates {duplicates}, lost {Recipients - distinct}.");
        Assert.Equal(Recipients, distinct);
        Assert.Equal(Recipients, addresses.Count);
        Assert.All(addresses, g => Assert.Single(g.Select(m => m.Id).Distinct()));
        Assert.True(issuedAtKill < yearEndExpected - yearEndBefore, "the kill was meant to fall in the middle of the year-end run");
        Assert.True(duplicates <= 4, $"{duplicates} copies: more than the senders killed mid-send could explain");
        await using (var db = await institution.OpenAsync())
        {
            Assert.Equal(Recipients, await db.OutboxMessages.CountAsync(m => m.DedupKey.StartsWith($"appeal:{campaignId}:") && m.SentAt != null));
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.DedupKey.StartsWith($"appeal:{campaignId}:") && m.SentAt == null));
            Assert.Equal(Recipients, await db.CampaignRecipients.CountAsync(r => r.CampaignId == campaignId && r.Status == RecipientStatus.Sent));
            Assert.Equal(Recipients, await db.Interactions.CountAsync(i => i.Subject == "Appeal: Spring 20k")); // rendered once each
            Assert.Equal(CampaignStatus.Sent, await db.AppealCampaigns.Where(c => c.Id == campaignId).Select(c => c.Status).SingleAsync());

            // Year-end: one current summary per donor, numbers never repeated, each e-mailed once.
            var summaries = await db.Receipts.Where(r => r.Kind == ReceiptKind.AnnualSummary && r.TaxYear == lastYear && r.VoidedAt == null)
                .Select(r => new { r.Id, r.DonorId, r.Number }).ToListAsync();
            Assert.Equal(yearEndExpected, summaries.Count);
            Assert.Equal(summaries.Count, summaries.Select(r => r.DonorId).Distinct().Count());
            var numbers = await db.Receipts.Select(r => r.Number).ToListAsync();
            Assert.Equal(numbers.Count, numbers.Distinct().Count());
            var issuedNow = summaries.Where(r => r.Id > lastReceiptBefore).ToList();
            var ids = issuedNow.Select(r => r.Id).ToList();
            var donors = issuedNow.Select(r => r.DonorId).ToList();
            var emailable = await db.Constituents.Where(Constituent.MayBeEmailed).CountAsync(c => donors.Contains(c.Id));
            Assert.True(emailable >= YearEndDonors, "the test's donors all have e-mail");
            var mails = await db.OutboxMessages.Where(m => m.DedupKey.StartsWith("receipt:")).Select(m => new { m.Id, m.DedupKey, m.SentAt }).ToListAsync();
            var yearEndMails = mails.Where(m => ids.Contains(ReceiptIdOf(m.DedupKey))).ToList();
            Assert.Equal(emailable, yearEndMails.Count); // both or neither: no receipt without its e-mail, none e-mailed twice
            Assert.All(yearEndMails, m => Assert.EndsWith(":1", m.DedupKey, StringComparison.Ordinal));
            var receiptMessages = sink.Messages.Where(m => m.Contains("Subject: Your receipt", StringComparison.Ordinal)).Select(MessageId).ToList();
            Assert.All(yearEndMails, m => Assert.Contains(Infrastructure.Email.OutboxDispatcher.MessageIdOf(m.Id), receiptMessages));
            output.WriteLine($"Year-end: {issuedNow.Count} summaries issued, {yearEndMails.Count} e-mailed, {receiptMessages.Count - receiptMessages.Distinct().Count()} duplicate e-mails.");
        }
    }

    [PostgreSqlFact]
    public async Task Two_clerks_on_two_instances_racing_for_the_last_seats_and_one_gifts_receipt_neither_oversell_nor_double_issue()
    {
        await using var first = await TestInstitution.CreateAsync();
        await using var second = first.SecondInstance();
        var tomas = await first.PersonaAsync(Personas.Advancement);
        var events = (First: first.Get<GivingEvents>(), Second: second.Get<GivingEvents>());
        var fund = (await events.First.FundsAsync(tomas))[0].Id;
        var planned = await events.First.PlanAsync(tomas, new PlanEventRequest("Last seats dinner", first.Time.GetUtcNow().UtcDateTime.AddDays(10), 90m, 40m, 4, fund));
        var eventId = (int)planned.Id!.Value;
        int[] guests;
        int donor;
        await using (var db = await first.OpenAsync())
        {
            guests = await db.Constituents.Where(c => c.Kind == ConstituentKind.Person).OrderBy(c => c.Id).Select(c => c.Id).Skip(20).Take(6).ToArrayAsync();
            donor = guests[0];
        }

        // Six clerks, alternating instances, two seats each, four seats left.
        var seats = await Task.WhenAll(guests.Select((g, i) => Task.Run(() => (i % 2 == 0 ? events.First : events.Second).RegisterAsync(tomas, eventId, g, 2, PaymentMethod.Card))));
        Assert.Equal(2, seats.Count(r => r.Succeeded));
        Assert.Equal(4, (await events.Second.EventAsync(tomas, eventId))!.Event.TicketsSold);

        var gift = await first.Get<GivingRecords>().RecordGiftAsync(tomas, new RecordGiftRequest(donor, 120m, null, DateOnly.FromDateTime(first.Time.GetUtcNow().UtcDateTime), fund, PaymentMethod.Card));
        Assert.True(gift.Succeeded, gift.Message);
        var receipts = (First: first.Get<Receipts>(), Second: second.Get<Receipts>());
        var issued = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? receipts.First : receipts.Second).IssueForGiftAsync(tomas, (int)gift.Id!.Value))));
        Assert.Single(issued, r => r.Succeeded);
        await using var check = await second.OpenAsync();
        Assert.Equal(1, await check.ReceiptLines.CountAsync(l => l.GiftId == (int)gift.Id!.Value && !l.Voided));
        var numbers = await check.Receipts.Select(r => r.Number).ToListAsync();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    /// <summary>20,000 people with e-mail on the appeal's list; the first 4,000 also gave last year (for the year-end run).</summary>
    private static async Task AddPeopleAsync(TestInstitution institution, int lastYear)
    {
        var now = institution.Time.GetUtcNow().UtcDateTime;
        int tagId, fundId;
        await using (var db = await institution.OpenAsync())
        {
            var tag = Domain.Engagement.Tag.Define(Tag, "People asked in the spring appeal", now);
            db.Tags.Add(tag);
            await db.SaveChangesAsync();
            tagId = tag.Id;
            fundId = await db.Funds.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync();
        }
        foreach (var chunk in Enumerable.Range(1, Recipients).Chunk(2_000))
        {
            await using var db = await institution.OpenAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var people = chunk.Select(i => Constituent.Person($"Friend{i}", $"Spring{i}", now, $"friend{i}@spring.example.org")).ToList();
            db.Constituents.AddRange(people);
            await db.SaveChangesAsync();
            db.PersonTags.AddRange(people.Select(p => new PersonTag { TagId = tagId, ConstituentId = p.Id, TaggedAt = now }));
            db.Gifts.AddRange(people.Zip(chunk).Where(x => x.Second <= YearEndDonors)
                .Select(x => Gift.Receive(x.First.Id, 50m, "EUR", new DateOnly(lastYear, 6, 1), fundId, PaymentMethod.Card, DateOnly.FromDateTime(now), now, null)));
            await db.SaveChangesAsync();
        }
    }

    private static Hangfire.PostgreSql.PostgreSqlStorage Storage(string connectionString)
    {
        var options = new Hangfire.PostgreSql.PostgreSqlStorageOptions { PrepareSchemaIfNecessary = false };
        return new Hangfire.PostgreSql.PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, options), options);
    }

    private static async Task<int> ReceiptsIssuedAsync(TestInstitution institution, int year)
    {
        await using var db = await institution.OpenAsync();
        return await db.Receipts.CountAsync(r => r.Kind == ReceiptKind.AnnualSummary && r.TaxYear == year && r.VoidedAt == null);
    }

    private static async Task<bool> YearEndMailsSentAsync(TestInstitution institution, int year)
    {
        await using var db = await institution.OpenAsync();
        return !await db.OutboxMessages.AnyAsync(m => m.DedupKey.StartsWith("receipt:") && m.SentAt == null);
    }

    private static int ReceiptIdOf(string dedupKey) => int.Parse(dedupKey.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Delivered(string Id, string To);

    private static List<Delivered> Appeal(SmtpSink sink) =>
        sink.Messages.Where(m => m.Contains("Subject: " + AppealSubject, StringComparison.Ordinal)).Select(m => new Delivered(MessageId(m), ToAddress().Match(m).Groups[1].Value)).ToList();

    private static string MessageId(string raw) => MessageIdHeader().Match(raw).Groups[1].Value;

    [GeneratedRegex(@"^Message-Id:\s*<([^>]+)>", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageIdHeader();

    [GeneratedRegex(@"^To:.*?<?([^<>\s]+@[^<>\s]+)>?\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ToAddress();

    private async Task WaitUntilAsync(Func<Task<bool>> done, TimeSpan limit, string what, params PortalProcess[] portals)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline || portals.Any(p => p.HasExited))
            {
                foreach (var p in portals) output.WriteLine($"--- {p.Name} ---\n{p.Output}");
                Assert.Fail($"Not reached within {limit.TotalMinutes} min: {what}{(portals.FirstOrDefault(p => p.HasExited) is { } dead ? $" ({dead.Name} exited)" : "")}.");
            }
            await Task.Delay(500);
        }
    }
}
