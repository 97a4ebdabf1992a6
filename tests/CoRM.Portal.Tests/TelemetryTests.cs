using System.Collections.Concurrent;
using System.Net;
using System.Text;
using CoRM.Domain.Messaging;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Observability;
using CoRM.Infrastructure.Persistence;
using CoRM.Portal.Tests.Support;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoRM.Portal.Tests;

/// <summary>
/// The OTLP export test runs alone: OpenTelemetry's provider subscribes to every meter named "CoRM" in the process, so
/// the other test hosts' meters (created and disposed as their tests come and go) would share its metric streams.
/// </summary>
[CollectionDefinition(nameof(OtlpExportCollection), DisableParallelization = true)]
public sealed class OtlpExportCollection;

[Collection(nameof(OtlpExportCollection))]
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Job_durations_and_the_outbox_backlog_are_exported_by_OTLP_when_an_endpoint_is_configured()
    {
        using var collector = new TelemetryTests.OtlpSink();
        await using var portal = await PortalFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Jobs:RunServer"] = "true",
            ["Telemetry:OtlpEndpoint"] = collector.Endpoint,
            ["Telemetry:OtlpProtocol"] = "http",
            ["Telemetry:ExportIntervalSeconds"] = "1",
            ["Telemetry:OutboxSampleSeconds"] = "5",
        });
        var client = portal.Services.GetRequiredService<IBackgroundJobClient>();
        var id = client.Enqueue<OutboxDispatchJob>("interactive", j => j.RunAsync(CancellationToken.None));
        var monitor = portal.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (monitor.JobDetails(id)?.History.FirstOrDefault()?.StateName is not "Succeeded")
        {
            Assert.True(DateTime.UtcNow < deadline, "the job did not run within 90 s");
            await Task.Delay(250);
        }

        // OTLP's protobuf keeps names and string attributes as plain UTF-8: the payload names what was measured.
        // Cumulative temporality: once recorded, a measurement is in every later export.
        var metrics = await collector.WaitForAsync("/v1/metrics", body => body.Contains("corm.job.duration") && body.Contains("OutboxDispatchJob.RunAsync")
            && body.Contains("corm.outbox.ready"));
        Assert.Contains("succeeded", metrics);
        Assert.Contains("CoRM.Portal", metrics); // the service name on the resource
    }
}

/// <summary>Operations' view: the backlog gauges, the logs' user scope and the circuit limits.</summary>
public sealed class TelemetryTests
{

    [Fact]
    public async Task The_backlog_gauges_follow_the_outbox()
    {
        await using var portal = await PortalFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Telemetry:OutboxSampleSeconds"] = "3600" });
        var metrics = portal.Services.GetRequiredService<CormMetrics>();
        var sampler = portal.Services.GetRequiredService<OutboxBacklogSampler>();
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<CormDbContext>>().CreateDbContextAsync();
        await db.OutboxMessages.Where(m => m.SentAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, DateTime.UtcNow));
        db.OutboxMessages.AddRange(
            new OutboxMessage { DedupKey = "t:1", ToAddress = "a@example.org", Subject = "Waiting", TextBody = ".", CreatedAt = DateTime.UtcNow.AddMinutes(-10) },
            new OutboxMessage { DedupKey = "t:2", ToAddress = "b@example.org", Subject = "Waiting", TextBody = ".", CreatedAt = DateTime.UtcNow },
            new OutboxMessage { DedupKey = "t:3", ToAddress = "c@example.org", Subject = "Gave up", TextBody = ".", CreatedAt = DateTime.UtcNow, Attempts = OutboxDispatcher.MaxAttempts });
        await db.SaveChangesAsync();

        await sampler.SampleAsync();
        Assert.Equal((2, 1), (metrics.Backlog.Ready, metrics.Backlog.Failed));
        Assert.InRange(metrics.Backlog.OldestReadySeconds, 590, 700);
    }

    [Fact]
    public async Task A_signed_in_request_logs_with_the_portal_users_id()
    {
        await using var portal = await PortalFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Microsoft.AspNetCore.Routing.EndpointMiddleware"] = "Information",
        });
        using var client = portal.CreateBrowserLikeClient();
        await PortalFactory.SignInAsync(client, "ines.duarte@northfield.example.edu");
        var before = portal.Logs.Entries.Count;
        await client.GetAsync("/health");

        // Routing logs the endpoint it runs at Information, inside the pipeline: the scope carries who asked.
        var entries = portal.Logs.Entries.Skip(before).Where(e => e.Message.Contains("Executing endpoint 'Health checks'", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.True(e.Scope.TryGetValue("UserId", out var id) && id is string { Length: > 0 }, e.Message));
    }

    [Fact]
    public async Task Circuit_limits_come_from_configuration_and_a_bad_one_stops_the_start()
    {
        await using (var portal = await PortalFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Circuits:DisconnectedRetentionMinutes"] = "7",
            ["Circuits:JsInteropTimeoutSeconds"] = "12",
        }))
        {
            var circuits = portal.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Components.Server.CircuitOptions>>().Value;
            Assert.Equal(TimeSpan.FromMinutes(7), circuits.DisconnectedCircuitRetentionPeriod);
            Assert.Equal(TimeSpan.FromSeconds(12), circuits.JSInteropDefaultCallTimeout);
            Assert.Equal(10, circuits.MaxBufferedUnacknowledgedRenderBatches);
        }
        await using var bad = await PortalFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Circuits:JsInteropTimeoutSeconds"] = "0" });
        var failure = Assert.ThrowsAny<Exception>(() => bad.Services);
        Assert.Contains("JsInteropTimeoutSeconds", failure.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A minimal OTLP/HTTP collector: keeps each POST body by path.</summary>
    internal sealed class OtlpSink : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly ConcurrentQueue<(string Path, string Body)> received = new();

        public OtlpSink()
        {
            var port = PortalFactory.FreePort();
            Endpoint = $"http://127.0.0.1:{port}/";
            listener.Prefixes.Add(Endpoint);
            listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Endpoint { get; }

        public async Task<string> WaitForAsync(string path, Func<string, bool> match)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                var hit = received.Where(r => r.Path == path).Select(r => r.Body).FirstOrDefault(match);
                if (hit is not null) return hit;
                await Task.Delay(250);
            }
            var last = received.LastOrDefault(r => r.Path == path).Body ?? "";
            throw new Xunit.Sdk.XunitException($"No {path} export matched within 60 s; paths seen: {string.Join(", ", received.Select(r => r.Path).Distinct())}; "
                + $"the last one names: {string.Join(", ", new[] { "corm.job.duration", "OutboxDispatchJob.RunAsync", "corm.outbox.ready" }.Where(n => last.Contains(n, StringComparison.Ordinal)))}");
        }

        private async Task ServeAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (HttpListenerException)
                {
                    return; // stopped
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                received.Enqueue((context.Request.Url!.AbsolutePath, Encoding.UTF8.GetString(body.ToArray())));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }

        public void Dispose() => listener.Close();
    }
}
