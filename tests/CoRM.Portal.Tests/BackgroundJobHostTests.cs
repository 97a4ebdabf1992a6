using CoRM.Infrastructure.Jobs;
using CoRM.Infrastructure.Email;
using CoRM.Portal.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace CoRM.Portal.Tests;

/// <summary>
/// Several portals in one process (as the test hosts are) must each run their jobs with their own services: a
/// portal started and stopped beside a job-running one must not leave it building jobs from a disposed container.
/// </summary>
public sealed class BackgroundJobHostTests
{
    [Fact]
    public async Task A_portal_keeps_running_its_jobs_after_another_portal_in_the_process_stops()
    {
        await using var worker = await PortalFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "true" });
        _ = worker.Services; // builds and starts the host with its Hangfire servers
        await using (var other = await PortalFactory.CreateAsync())
        {
            // Serves a request and makes a job client (configuring Hangfire for itself), then goes away.
            using var http = other.CreateClient();
            await http.GetAsync("/health");
            _ = other.Services.GetRequiredService<IBackgroundJobClient>();
        }

        var client = worker.Services.GetRequiredService<IBackgroundJobClient>();
        var id = client.Enqueue<OutboxDispatchJob>("interactive", j => j.RunAsync(CancellationToken.None));
        await SucceedsAsync(worker, id);
    }

    [Fact]
    public async Task A_job_queued_before_a_restart_runs_after_it_on_the_embedded_default()
    {
        // A portal that queues a job and stops before any server took it (the click that starts year-end receipts,
        // then a deploy): the job is in hangfire.db beside the database, not in memory.
        string id, directory;
        await using (var before = await PortalFactory.CreateAsync())
        {
            directory = before.Directory;
            before.KeepFiles = true;
            id = before.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<OutboxDispatchJob>("interactive", j => j.RunAsync(CancellationToken.None));
            Assert.Equal("SQLiteStorage", before.Services.GetRequiredService<JobStorage>().GetType().Name);
        }
        Assert.True(File.Exists(Path.Combine(directory, "hangfire.db")));
        await using var after = PortalFactory.Restart(directory, new Dictionary<string, string?> { ["Jobs:RunServer"] = "true" });
        await SucceedsAsync(after, id);
    }

    private static async Task SucceedsAsync(PortalFactory portal, string id)
    {
        var monitor = portal.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? state;
        while ((state = monitor.JobDetails(id)?.History.FirstOrDefault()?.StateName) is not "Succeeded")
        {
            var failure = monitor.JobDetails(id)?.History.FirstOrDefault(h => h.StateName == "Failed")?.Data;
            Assert.True(failure is null, $"the job failed: {(failure is null ? "" : string.Join("; ", failure.Select(kv => $"{kv.Key}={kv.Value}")))}");
            Assert.True(DateTime.UtcNow < deadline, $"the job did not run within 30 s (last state {state})");
            await Task.Delay(200);
        }
    }
}
