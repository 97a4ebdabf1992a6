using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CoRM.Domain.Messaging;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Persistence;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoRM.Benchmarks;

/// <summary>
/// Issue 21's measure: an appeal of N messages (100,000 by default) delivered through MailKit to a local SMTP sink by
/// the outbox dispatcher, with no rate limit. The dispatcher runs in a child process, one budgeted run after another
/// as the minutely job would; with --kill the child is killed (SIGKILL) part-way and started again. A transactional
/// message is queued once the appeal is under way, and the time it waited is reported. Every message's Message-ID is
/// read back from the sink: duplicates and losses are counted, not assumed.
/// </summary>
internal static partial class MailBenchmark
{
    [GeneratedRegex(@"^Message-Id:\s*<([^>]+)>", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex MessageId();

    public static async Task RunAsync(string directory, int messages, int connections, bool kill)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "mail.db");
        foreach (var file in Directory.GetFiles(directory, "mail.db*")) File.Delete(file);
        var options = Options(path);
        await using (var db = new SqliteCormDbContext(options)) await db.Database.MigrateAsync();
        var clock = Stopwatch.StartNew();
        await QueueAppealAsync(options, messages);
        Console.WriteLine($"Queued {messages:N0} appeal messages in {clock.Elapsed.TotalSeconds:N1} s.");

        await using var sink = new SmtpSink();
        clock.Restart();
        var child = StartWorker(path, sink.Port, connections);
        long? transactionalId = null;
        var killed = false;
        while (true)
        {
            await Task.Delay(500);
            var (sent, waiting) = await CountAsync(options);
            if (transactionalId is null && sent >= messages / 10)
            {
                // An invitation code written while a tenth of the appeal is out.
                await using var db = new SqliteCormDbContext(options);
                var invitation = new OutboxMessage
                {
                    DedupKey = "bench:invitation", ToAddress = "parent@example.org", ToName = "A parent", Subject = "Your invitation code",
                    TextBody = "Your code is ABCDEFGHJK.", CreatedAt = DateTime.UtcNow, Priority = OutboxPriority.Transactional,
                };
                db.OutboxMessages.Add(invitation);
                await db.SaveChangesAsync();
                transactionalId = invitation.Id;
            }
            if (kill && !killed && sent >= messages * 4 / 10)
            {
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync();
                killed = true;
                Console.WriteLine($"Killed the dispatcher at {clock.Elapsed.TotalSeconds:N1} s with {sent:N0} marked sent; starting it again.");
                child = StartWorker(path, sink.Port, connections);
            }
            if (waiting == 0 && transactionalId is not null) break;
            if (child.HasExited && waiting > 0)
            {
                child = StartWorker(path, sink.Port, connections);
            }
        }
        var elapsed = clock.Elapsed;
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();

        var received = sink.Messages.Select(m => MessageId().Match(m).Groups[1].Value).ToList();
        var distinct = received.ToHashSet(StringComparer.Ordinal);
        await using (var db = new SqliteCormDbContext(options))
        {
            var ids = await db.OutboxMessages.Select(m => m.Id).ToListAsync();
            var lost = ids.Count(id => !distinct.Contains(OutboxDispatcher.MessageIdOf(id)));
            var invitation = await db.OutboxMessages.SingleAsync(m => m.Id == transactionalId);
            Console.WriteLine($"Delivered {distinct.Count:N0} distinct messages ({received.Count:N0} received) in {elapsed.TotalSeconds:N1} s: "
                + $"{distinct.Count / elapsed.TotalSeconds:N0} a second over {connections} connection(s); duplicates {received.Count - distinct.Count}, lost {lost}.");
            Console.WriteLine($"The transactional message queued behind the appeal went out {(invitation.SentAt!.Value - invitation.CreatedAt).TotalSeconds:N2} s after it was written.");
        }
    }

    /// <summary>The child: dispatch runs back to back until the outbox is empty (the minutely job, without the minute).</summary>
    public static async Task WorkAsync(string path, int port, int connections)
    {
        var email = new EmailOptions
        {
            Transport = EmailTransportKind.Smtp, Connections = connections, DispatchBudgetSeconds = 50,
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = "None" },
        };
        var factory = new DuplicateBenchmark.SingleFactory(Options(path));
        var dispatcher = new OutboxDispatcher(factory, new SmtpTransport(Microsoft.Extensions.Options.Options.Create(email), NullLogger<SmtpTransport>.Instance),
            Microsoft.Extensions.Options.Options.Create(email), TimeProvider.System, NullLogger<OutboxDispatcher>.Instance);
        var idle = 0;
        while (idle < 20)
        {
            idle = await dispatcher.DispatchPendingAsync() == 0 ? idle + 1 : 0;
            if (idle > 0) await Task.Delay(250);
        }
    }

    private static Process StartWorker(string path, int port, int connections) => Process.Start(new ProcessStartInfo("dotnet")
    {
        ArgumentList = { "exec", typeof(MailBenchmark).Assembly.Location, "--only", "mail-worker", "--database", path, "--smtp-port", port.ToString(CultureInfo.InvariantCulture), "--connections", connections.ToString(CultureInfo.InvariantCulture) },
        UseShellExecute = false,
    })!;

    private static DbContextOptions<SqliteCormDbContext> Options(string path) =>
        new DbContextOptionsBuilder<SqliteCormDbContext>().UseSqlite($"Data Source={path}").Options;

    private static async Task QueueAppealAsync(DbContextOptions<SqliteCormDbContext> options, int messages)
    {
        const string body = """
            Dear {0},

            This winter, 140 students at Northfield will sit their exams without the laptop their course assumes. A gift of
            any size to the Winter Scholarship Fund closes that gap: last year 312 donors bought 96 laptops and paid the
            exam fees of 41 students whose families could not.

            You have stood with Northfield before, and we are grateful. Will you stand with these students this winter?

            Give online at https://give.northfield.example.edu/winter or reply to this message and we will call you.

            With thanks,
            The Advancement Office, Northfield University

            No more e-mails from us: https://corm.northfield.example.edu/unsubscribe?t=0123456789abcdef
            """;
        var now = DateTime.UtcNow;
        for (var start = 0; start < messages; start += 10_000)
        {
            await using var db = new SqliteCormDbContext(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.OutboxMessages.AddRange(Enumerable.Range(start, Math.Min(10_000, messages - start)).Select(i => new OutboxMessage
            {
                DedupKey = $"appeal:1:{i}", ToAddress = $"donor{i}@example.org", ToName = $"Donor {i}", Subject = "A laptop for the winter exams",
                TextBody = string.Format(CultureInfo.InvariantCulture, body, $"Donor {i}"), CreatedAt = now, Priority = OutboxPriority.Bulk, Origin = "appeal:1",
            }));
            await db.SaveChangesAsync();
        }
    }

    private static async Task<(int Sent, int Waiting)> CountAsync(DbContextOptions<SqliteCormDbContext> options)
    {
        await using var db = new SqliteCormDbContext(options);
        var sent = await db.OutboxMessages.CountAsync(m => m.SentAt != null);
        var waiting = await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.FailedAt == null);
        return (sent, waiting);
    }
}
