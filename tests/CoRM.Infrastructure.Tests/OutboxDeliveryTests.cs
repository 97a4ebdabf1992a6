using System.Collections.Concurrent;
using CoRM.Domain.Constituents;
using CoRM.Domain.Messaging;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

/// <summary>How the dispatcher orders, limits, spreads and gives up on mail (issue 21, items 3 to 5).</summary>
public sealed class OutboxDeliveryTests
{
    private static DateTime Now => TestInstitution.Now.UtcDateTime;

    private static OutboxMessage Mail(string key, OutboxPriority priority, string? origin = null, string to = "someone@example.org", int? person = null) => new()
    {
        DedupKey = key, Priority = priority, Origin = origin, ToAddress = to, ToName = "Someone", Subject = key, TextBody = "Hello.",
        CreatedAt = Now, RecipientConstituentId = person,
    };

    /// <summary>The demo's waiting mail is out of the way (and outside every rate window), so a test counts only its own.</summary>
    private static async Task ClearOutboxAsync(TestInstitution institution)
    {
        await using var db = await institution.OpenAsync();
        await db.OutboxMessages.Where(m => m.SentAt == null || m.SentAt > Now.AddDays(-3)).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, Now.AddDays(-3)));
    }

    [Fact]
    public async Task Transactional_mail_goes_first_and_waits_at_most_one_claim_behind_a_bulk_send_under_way()
    {
        var transport = new RecordingTransport();
        await using var institution = await TestInstitution.CreateAsync(
            new Dictionary<string, string?> { ["Email:Connections"] = "1", ["Email:ClaimBatchSize"] = "10" },
            services => services.AddSingleton<IEmailTransport>(transport));
        await ClearOutboxAsync(institution);
        await using (var db = await institution.OpenAsync())
        {
            db.OutboxMessages.AddRange(Enumerable.Range(1, 100).Select(i => Mail($"bulk:{i}", OutboxPriority.Bulk, "appeal:77")));
            db.OutboxMessages.Add(Mail("invitation:queued-last", OutboxPriority.Transactional));
            await db.SaveChangesAsync();
        }
        // A parent's invitation written while the appeal is a quarter through.
        transport.AfterSend = async n =>
        {
            if (n != 25) return;
            await using var db = await institution.OpenAsync();
            db.OutboxMessages.Add(Mail("invitation:during-the-appeal", OutboxPriority.Transactional));
            await db.SaveChangesAsync();
        };

        Assert.Equal(102, await institution.Get<OutboxDispatcher>().DispatchPendingAsync());

        var order = transport.Subjects.ToList();
        Assert.Equal("invitation:queued-last", order[0]); // queued after 100 bulk messages, sent before all of them
        var during = order.IndexOf("invitation:during-the-appeal");
        Assert.InRange(during, 25, 25 + 10); // behind no more than the one claim of ten in hand
        Assert.Equal(102, order.Distinct().Count());
    }

    [Fact]
    public async Task The_hourly_limit_counts_every_send_and_keeps_a_reserve_for_transactional_mail()
    {
        var transport = new RecordingTransport();
        await using var institution = await TestInstitution.CreateAsync(
            new Dictionary<string, string?> { ["Email:RateLimit:PerHour"] = "10", ["Email:RateLimit:TransactionalReservePercent"] = "10", ["Email:Connections"] = "2" },
            services => services.AddSingleton<IEmailTransport>(transport));
        await ClearOutboxAsync(institution);
        await using (var db = await institution.OpenAsync())
        {
            // Five already went out this hour, from this instance or another: the database is the shared count.
            db.OutboxMessages.AddRange(Enumerable.Range(1, 5).Select(i => Mail($"earlier:{i}", OutboxPriority.Transactional) is var m ? Sent(m, Now.AddMinutes(-10)) : null!));
            db.OutboxMessages.AddRange(Enumerable.Range(1, 10).Select(i => Mail($"bulk:{i}", OutboxPriority.Bulk, "appeal:5")));
            db.OutboxMessages.AddRange(Enumerable.Range(1, 2).Select(i => Mail($"receipt:{i}", OutboxPriority.Transactional)));
            await db.SaveChangesAsync();
        }
        var dispatcher = institution.Get<OutboxDispatcher>();

        // Ten an hour, five used: bulk may go while the hour stays under nine (one kept back), transactional up to ten.
        // Two connections share the one allowance.
        Assert.Equal(4, await dispatcher.DispatchPendingAsync());
        var sent = transport.Subjects.ToList();
        Assert.Contains("receipt:1", sent);
        Assert.Contains("receipt:2", sent);
        Assert.Equal(2, sent.Count(s => s.StartsWith("bulk:", StringComparison.Ordinal)));
        Assert.Equal(0, await dispatcher.DispatchPendingAsync()); // one left in the hour, for transactional mail only
        await using (var db = await institution.OpenAsync())
        {
            // Nothing claimed and left hanging by a run that stopped at the limit, and no attempt counted for it.
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.ClaimToken != null));
            Assert.Equal(8, await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.FailedAt == null && m.Attempts == 0));
            db.OutboxMessages.Add(Mail("invitation:1", OutboxPriority.Transactional));
            await db.SaveChangesAsync();
        }
        Assert.Equal(1, await dispatcher.DispatchPendingAsync()); // the reserve at work
        Assert.Equal("invitation:1", transport.Subjects.Last());

        // An hour later the window has moved on: the rest of the appeal goes.
        institution.Time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(8, await dispatcher.DispatchPendingAsync());
    }

    private static OutboxMessage Sent(OutboxMessage message, DateTime at)
    {
        message.SentAt = at;
        return message;
    }

    [Fact]
    public async Task A_permanent_refusal_fails_the_message_puts_the_address_on_hold_and_later_mail_skips_it()
    {
        await using var sink = new SmtpSink();
        await using var institution = await TestInstitution.CreateAsync(sink.Settings());
        await ClearOutboxAsync(institution);
        int person;
        string address;
        await using (var db = await institution.OpenAsync())
        {
            var who = await db.Constituents.Where(Constituent.MayBeEmailed).OrderBy(c => c.Id).Select(c => new { c.Id, c.Email }).FirstAsync();
            (person, address) = (who.Id, who.Email!);
            db.OutboxMessages.AddRange(
                Mail("receipt:9", OutboxPriority.Transactional, to: address, person: person),
                Mail("appeal:3:x", OutboxPriority.Bulk, "appeal:3", to: address, person: person),
                Mail("appeal:3:y", OutboxPriority.Bulk, "appeal:3", to: "fine@example.org"));
            await db.SaveChangesAsync();
        }
        sink.RefusedRecipients.Add(address);

        // The relay answered: not a sign it is down, so the rest of the run goes on.
        Assert.Equal(1, await institution.Get<OutboxDispatcher>().DispatchPendingAsync());
        Assert.Single(sink.Messages);

        await using (var db = await institution.OpenAsync())
        {
            var refused = await db.OutboxMessages.SingleAsync(m => m.DedupKey == "receipt:9");
            Assert.NotNull(refused.FailedAt);
            Assert.Contains("550", refused.LastError, StringComparison.Ordinal);
            Assert.Equal(OutboxDispatcher.MaxAttempts, refused.Attempts);
            var sameAddress = await db.OutboxMessages.SingleAsync(m => m.DedupKey == "appeal:3:x");
            Assert.NotNull(sameAddress.FailedAt);
            Assert.Contains("550", sameAddress.LastError, StringComparison.Ordinal); // refused itself, or given up with the first's answer

            var held = await db.Constituents.SingleAsync(c => c.Id == person);
            Assert.NotNull(held.EmailOnHoldSince);
            Assert.Contains("User unknown", held.EmailHoldReason, StringComparison.Ordinal);
            Assert.False(held.CanBeEmailed());
            Assert.False(await db.Constituents.Where(Constituent.MayBeEmailed).AnyAsync(c => c.Id == person)); // so later campaigns skip them

            // A corrected address may be written to again; the same one stays on hold.
            held.SetPrimaryEmail(address.ToUpperInvariant());
            Assert.NotNull(held.EmailOnHoldSince);
            held.SetPrimaryEmail("corrected." + address);
            Assert.Null(held.EmailOnHoldSince);
            Assert.True(held.CanBeEmailed() || held.DoNotContact || held.EmailOptOut);
        }
        // Nothing is tried again.
        institution.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await institution.Get<OutboxDispatcher>().DispatchPendingAsync());
    }

    [Fact]
    public async Task Several_connections_send_every_message_once()
    {
        await using var sink = new SmtpSink();
        await using var institution = await TestInstitution.CreateAsync(new Dictionary<string, string?>(sink.Settings()) { ["Email:Connections"] = "3", ["Email:ClaimBatchSize"] = "7" });
        await ClearOutboxAsync(institution);
        await using (var db = await institution.OpenAsync())
        {
            db.OutboxMessages.AddRange(Enumerable.Range(1, 150).Select(i => Mail($"bulk:{i}", OutboxPriority.Bulk, "appeal:8", to: $"r{i}@example.org")));
            await db.SaveChangesAsync();
        }
        Assert.Equal(150, await institution.Get<OutboxDispatcher>().DispatchPendingAsync());
        Assert.Equal(150, sink.Messages.Count);
        Assert.Equal(150, sink.Messages.Select(m => m.Split('\n').First(l => l.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase))).Distinct().Count());
        Assert.Equal(3, sink.Connections);
    }

    [Fact]
    public async Task The_pacer_spaces_sends_to_the_rate_per_second()
    {
        var clock = new FakeTimeProvider(TestInstitution.Now);
        var pacer = new SendPacer(5, clock); // one every 200 ms
        var first = pacer.WaitAsync(CancellationToken.None);
        var second = pacer.WaitAsync(CancellationToken.None);
        var third = pacer.WaitAsync(CancellationToken.None);
        Assert.True(first.IsCompleted);
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(199));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await second;
        Assert.False(third.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        await third;
        Assert.True(new SendPacer(0, clock).WaitAsync(CancellationToken.None).IsCompleted); // no limit, no wait
    }

    [Fact]
    public void The_forecast_uses_the_current_rate_and_spreads_what_the_daily_limit_does_not_allow_over_days()
    {
        var none = new RateLimitOptions();
        Assert.Equal((null, null), DeliveryForecast.Estimate(0, 10, null, none, Now));
        Assert.Equal(Now.AddSeconds(60), DeliveryForecast.Estimate(600, 10, null, none, Now).Finish);
        Assert.Contains("runs every minute", DeliveryForecast.Estimate(600, 0, null, none, Now).Waiting, StringComparison.Ordinal);

        var daily = new RateLimitOptions { PerDay = 1000, TransactionalReservePercent = 10 }; // 900 a day for bulk
        var (finish, waiting) = DeliveryForecast.Estimate(2000, 10, leftToday: 100, daily, Now);
        Assert.Equal(Now.AddDays(3), finish); // 100 today, then 900, 900 and the last 100 on the third day
        Assert.Contains("next 3 days", waiting, StringComparison.Ordinal);
        Assert.Equal(Now.AddSeconds(5), DeliveryForecast.Estimate(50, 10, leftToday: 100, daily, Now).Finish);
        Assert.Contains("Paused at the relay's limit of 1,000", DeliveryForecast.Estimate(50, 0, leftToday: 0, daily, Now).Waiting, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_counts_a_runs_messages_and_lists_its_failures_for_the_giving_office_only()
    {
        await using var institution = await TestInstitution.CreateAsync();
        await using (var db = await institution.OpenAsync())
        {
            db.OutboxMessages.AddRange(Enumerable.Range(1, 3).Select(i => Sent(Mail($"appeal:4242:{i}", OutboxPriority.Bulk, "appeal:4242"), Now.AddMinutes(-1))));
            db.OutboxMessages.AddRange(Enumerable.Range(4, 2).Select(i => Mail($"appeal:4242:{i}", OutboxPriority.Bulk, "appeal:4242")));
            var refused = Mail("appeal:4242:6", OutboxPriority.Bulk, "appeal:4242", to: "gone@example.org");
            (refused.Attempts, refused.FailedAt, refused.LastError) = (OutboxDispatcher.MaxAttempts, Now, "550 5.1.1 User unknown");
            db.OutboxMessages.Add(refused);
            db.OutboxMessages.Add(Mail("appeal:4243:1", OutboxPriority.Bulk, "appeal:4243")); // another campaign's
            await db.SaveChangesAsync();
        }
        var progress = institution.Get<MailProgress>();
        var tomas = await institution.PersonaAsync(Personas.Advancement);

        var report = await progress.ForOriginAsync(tomas, "appeal:4242");
        Assert.NotNull(report);
        Assert.Equal((3, 2, 1, 6), (report.Sent, report.Queued, report.Failed, report.Total));
        Assert.Equal(0.6, report.PerMinute, 3); // three in the last five minutes
        Assert.Equal(Now.AddSeconds(200), report.EstimatedFinish); // two left at 0.01 a second
        var failure = Assert.Single(report.Failures);
        Assert.Equal(("gone@example.org", "550 5.1.1 User unknown"), (failure.Address, failure.Answer));

        Assert.Null(await progress.ForOriginAsync(await institution.PersonaAsync(Personas.Faculty), "appeal:4242"));
        Assert.Null(await progress.ForOriginAsync(tomas, "follow-up-digest:2026-11-22")); // not a page's run
    }

    /// <summary>Keeps each message's subject in the order sent; can act after the nth send (to queue mail mid-run).</summary>
    private sealed class RecordingTransport : IEmailTransport
    {
        private int count;
        public ConcurrentQueue<string> Subjects { get; } = new();
        public Func<int, Task>? AfterSend { get; set; }

        public Task<IEmailSession> OpenAsync(CancellationToken ct) => Task.FromResult<IEmailSession>(new Session(this));

        private sealed class Session(RecordingTransport transport) : IEmailSession
        {
            public async Task SendAsync(MimeMessage message, CancellationToken ct)
            {
                transport.Subjects.Enqueue(message.Subject ?? "");
                var n = Interlocked.Increment(ref transport.count);
                if (transport.AfterSend is { } after) await after(n);
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
