using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Jobs;
using CoRM.Infrastructure.Engagement;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed class EmailAndJobsTests
{
    [Fact]
    public async Task The_daily_digest_run_twice_sends_each_owner_one_message()
    {
        await using var institution = await TestInstitution.CreateAsync();
        var job = institution.Get<FollowUpDigestJob>();

        var firstRun = await job.RunAsync();
        var secondRun = await job.RunAsync();

        await using var db = await institution.OpenAsync();
        var today = DateOnly.FromDateTime(TestInstitution.Now.UtcDateTime);
        var owners = await db.FollowUps.Where(f => f.CompletedAt == null && f.DueOn <= today).Select(f => f.OwnerId).Distinct().CountAsync();
        Assert.True(owners > 0);
        Assert.Equal(owners, firstRun);
        Assert.Equal(0, secondRun);
        Assert.Equal(owners, await db.OutboxMessages.CountAsync(m => m.SentAt != null && !m.DedupKey.StartsWith("appeal:")));
        var files = Directory.GetFiles(institution.PickupDirectory, "*.eml");
        Assert.Equal(owners, files.Length);

        var faculty = await institution.PersonaAsync(Personas.Faculty);
        var helenasMail = files.Select(File.ReadAllText).Single(text => text.Contains(Personas.Faculty, StringComparison.Ordinal));
        Assert.Contains("follow-up", helenasMail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"/constituents/", helenasMail, StringComparison.Ordinal);
        Assert.NotNull(faculty);
    }

    [Fact]
    public async Task The_outbox_health_is_degraded_when_mail_waits_too_long_or_fails_for_good()
    {
        await using var institution = await TestInstitution.CreateAsync();
        var check = institution.Get<OutboxHealthCheck>();
        await using (var db = await institution.OpenAsync())
            await db.OutboxMessages.Where(m => m.SentAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, TestInstitution.Now.UtcDateTime));
        var context = new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext();
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, (await check.CheckHealthAsync(context)).Status);

        await using (var db = await institution.OpenAsync())
        {
            db.OutboxMessages.Add(new Domain.Messaging.OutboxMessage { DedupKey = "health:1", ToAddress = "a@example.org", ToName = "A", Subject = "S", TextBody = "B", CreatedAt = TestInstitution.Now.UtcDateTime });
            await db.SaveChangesAsync();
        }
        var fresh = await check.CheckHealthAsync(context);
        Assert.Equal((Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, 1), (fresh.Status, (int)fresh.Data["ready"]));
        institution.Time.Advance(TimeSpan.FromMinutes(45));
        var late = await check.CheckHealthAsync(context);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, late.Status);
        Assert.Equal(45, (int)late.Data["oldestReadyMinutes"]);

        await using (var db = await institution.OpenAsync())
            await db.OutboxMessages.Where(m => m.DedupKey == "health:1").ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, OutboxDispatcher.MaxAttempts));
        var failed = await check.CheckHealthAsync(context);
        Assert.Equal((Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, 1, 0), (failed.Status, (int)failed.Data["failed"], (int)failed.Data["ready"]));
    }

    [Fact]
    public async Task The_next_day_brings_a_new_digest()
    {
        await using var institution = await TestInstitution.CreateAsync();
        var job = institution.Get<FollowUpDigestJob>();
        var first = await job.RunAsync();
        institution.Time.Advance(TimeSpan.FromDays(1));
        var next = await job.RunAsync();
        Assert.True(next >= first);
    }

    [Fact]
    public async Task Smtp_delivery_through_MailKit_reaches_the_server_and_marks_the_message_sent()
    {
        await using var sink = new SmtpSink();
        await using var institution = await TestInstitution.CreateAsync(sink.Settings());
        Assert.IsType<SmtpTransport>(institution.Get<IEmailTransport>());

        var produced = await institution.Get<FollowUpDigestJob>().RunAsync();

        Assert.True(produced > 0);
        Assert.Equal(produced, sink.Messages.Count);
        Assert.Contains(sink.Messages, m => m.Contains(Personas.Faculty, StringComparison.Ordinal));
        await using var db = await institution.OpenAsync();
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.SentAt == null));
    }

    [Fact]
    public async Task One_connection_carries_a_run_and_each_message_keeps_its_message_id()
    {
        await using var sink = new SmtpSink();
        await using var institution = await TestInstitution.CreateAsync(sink.Settings());
        await using (var db = await institution.OpenAsync())
        {
            var now = institution.Time.GetUtcNow().UtcDateTime;
            db.OutboxMessages.AddRange(Enumerable.Range(1, 12).Select(i => new CoRM.Domain.Messaging.OutboxMessage
            {
                DedupKey = $"batch:{i}", ToAddress = $"person{i}@example.org", ToName = $"Person {i}", Subject = $"Batch {i}", TextBody = "Hello", CreatedAt = now,
            }));
            await db.SaveChangesAsync();
        }
        var connectionsBefore = sink.Connections;

        var sent = await institution.Get<OutboxDispatcher>().DispatchPendingAsync();

        Assert.True(sent >= 12);
        Assert.Equal(1, sink.Connections - connectionsBefore);
        await using var check = await institution.OpenAsync();
        var ids = await check.OutboxMessages.Where(m => m.DedupKey.StartsWith("batch:")).Select(m => m.Id).ToListAsync();
        Assert.All(ids, id => Assert.Single(sink.Messages, m => m.Contains($"Message-ID: <{OutboxDispatcher.MessageIdOf(id)}>", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task A_claim_left_by_a_dead_sender_is_taken_over_after_the_lease()
    {
        await using var sink = new SmtpSink();
        var settings = sink.Settings();
        settings["Email:ClaimLeaseSeconds"] = "20";
        settings["Email:Smtp:TimeoutSeconds"] = "10";
        await using var institution = await TestInstitution.CreateAsync(settings);
        long id;
        await using (var db = await institution.OpenAsync())
        {
            await db.OutboxMessages.Where(m => m.SentAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, institution.Time.GetUtcNow().UtcDateTime));
            // A sender claimed it (attempt 1) and died before sending: its claim runs for the lease.
            var message = new CoRM.Domain.Messaging.OutboxMessage
            {
                DedupKey = "dead-sender", ToAddress = "a@example.org", Subject = "Claimed", TextBody = ".", CreatedAt = institution.Time.GetUtcNow().UtcDateTime,
                Attempts = 1, ClaimedUntil = institution.Time.GetUtcNow().UtcDateTime.AddSeconds(20),
            };
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            id = message.Id;
        }
        var dispatcher = institution.Get<OutboxDispatcher>();

        Assert.Equal(0, await dispatcher.DispatchPendingAsync());
        institution.Time.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal(1, await dispatcher.DispatchPendingAsync());
        Assert.Single(sink.Messages, m => m.Contains(OutboxDispatcher.MessageIdOf(id), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_delivery_stays_in_the_outbox_with_its_error_and_an_unreachable_relay_pauses_the_run()
    {
        await using var institution = await TestInstitution.CreateAsync(SmtpSink.Settings(port: 1)); // nothing listens there
        await institution.Get<FollowUpDigestJob>().RunAsync();

        await using var db = await institution.OpenAsync();
        var pending = await db.OutboxMessages.Where(m => !m.DedupKey.StartsWith("appeal:")).OrderBy(m => m.Id).ToListAsync(); // the demo's past appeal went out long ago
        Assert.True(pending.Count > OutboxDispatcher.ConsecutiveFailuresBeforePause, "enough digests to see the run pause");
        Assert.All(pending, m => Assert.Null(m.SentAt));
        // The first three in line were tried, kept their error and wait out a back-off; then the run stopped instead of
        // charging every message an attempt against a relay that is down.
        var tried = pending.Take(OutboxDispatcher.ConsecutiveFailuresBeforePause).ToList();
        Assert.All(tried, m =>
        {
            Assert.Equal(1, m.Attempts);
            Assert.False(string.IsNullOrEmpty(m.LastError));
            Assert.True(m.ClaimedUntil >= institution.Time.GetUtcNow().UtcDateTime.AddMinutes(5), "a failed message waits before its next attempt");
        });
        Assert.All(pending.Skip(tried.Count), m => Assert.Equal(0, m.Attempts));
    }
}

public sealed class DirectMessageTests : InstitutionTest
{
    [Fact]
    public async Task A_message_to_an_advisee_is_delivered_once_and_recorded_on_the_timeline()
    {
        var helena = await Institution.PersonaAsync(Personas.Faculty);
        var tiago = await Institution.ConstituentIdAsync(Personas.UngrantedChild);
        var result = await Institution.Get<Engagement.DirectMessages>().SendAsync(helena,
            new Engagement.SendMessageRequest(tiago, Domain.Engagement.Topic.Advising, "Let's meet this week", "Could you come by on Thursday at 10?"));
        Assert.True(result.Succeeded, result.Message);

        var mail = Assert.Single(Directory.GetFiles(Institution.PickupDirectory, "*.eml").Select(File.ReadAllText), m => m.Contains("Let's meet this week", StringComparison.Ordinal));
        Assert.Contains(Personas.UngrantedChild, mail, StringComparison.Ordinal);
        var timeline = await Institution.Get<Constituents.ConstituentRecords>().GetTimelineAsync(helena, tiago, Domain.Engagement.Channel.Email, 0, 5);
        Assert.Equal("Let's meet this week", timeline.Items[0].Subject);
        Assert.False(timeline.Items[0].Inbound);
    }

    [Fact]
    public async Task Opted_out_constituents_and_records_outside_the_scope_get_nothing()
    {
        var helena = await Institution.PersonaAsync(Personas.Faculty);
        var tiago = await Institution.ConstituentIdAsync(Personas.UngrantedChild);
        await using (var db = await Institution.OpenAsync())
        {
            var t = await db.Constituents.SingleAsync(c => c.Id == tiago);
            t.EmailOptOut = true;
            await db.SaveChangesAsync();
        }
        var messages = Institution.Get<Engagement.DirectMessages>();
        var optedOut = await messages.SendAsync(helena, new Engagement.SendMessageRequest(tiago, Domain.Engagement.Topic.Advising, "Hi", "Hello"));
        Assert.Equal(Common.CommandStatus.Invalid, optedOut.Status);
        var samuel = await Institution.PersonaAsync(Personas.OtherFaculty);
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        Assert.Equal(Common.CommandStatus.NotFound, (await messages.SendAsync(samuel, new Engagement.SendMessageRequest(sofia, Domain.Engagement.Topic.Advising, "Hi", "Hello"))).Status);
        await using var check = await Institution.OpenAsync();
        Assert.Equal(0, await check.OutboxMessages.CountAsync(m => m.DedupKey.StartsWith("message:")));
    }
}
