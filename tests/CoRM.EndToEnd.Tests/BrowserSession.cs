using CoRM.Portal.Tests.Support;
using Microsoft.Playwright;

namespace CoRM.EndToEnd.Tests;

/// <summary>
/// The portal on a real Kestrel port and Debian's Chromium driven by Playwright (downloading
/// Playwright's own browsers is not possible here). Screenshots go to artifacts/screenshots.
/// </summary>
public class BrowserSession : IAsyncLifetime
{
    private IPlaywright playwright = default!;

    public PortalFactory Portal { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public Uri BaseAddress { get; private set; } = default!;
    public string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Portal = await PortalFactory.CreateAsync(settings: Settings);
        BaseAddress = Portal.StartOnKestrel();
        Directory.CreateDirectory(ScreenshotDirectory);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // Without the networking switches Chromium keeps dialling Google's hosts, which this network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Extra portal settings for a fixture that needs them (the background-job server, say).</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new browser context signed in as a demo persona through the sign-in page, on their landing page.</summary>
    public async Task<IPage> SignedInAsync(string email)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.Locator($"[data-testid='sign-in-{email}']").ClickAsync();
        await page.Locator("[data-testid=nav] a").First.WaitForAsync();
        return page;
    }

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>A figure straight from the portal's database file, to compare the page against.</summary>
    public async Task<int> CountAsync(string sql, string email)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(Portal.Directory, "corm.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$email", email);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A text value straight from the portal's database file (an invitation e-mail, say).</summary>
    public async Task<string?> TextAsync(string sql, string parameter)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(Portal.Directory, "corm.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$p", parameter);
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await Portal.DisposeAsync();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CoRM.sln"))) return dir.FullName;
        return AppContext.BaseDirectory;
    }
}

/// <summary>A portal that runs its Hangfire server, for journeys whose work happens in a background job.</summary>
public sealed class BrowserSessionWithJobs : BrowserSession
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Jobs:RunServer"] = "true" };

    /// <summary>What the portal's Hangfire holds (failed, processing, waiting), for a failure message when a job's work does not show up.</summary>
    public string JobsReport()
    {
        var monitor = ((Hangfire.JobStorage)Portal.Services.GetService(typeof(Hangfire.JobStorage))!).GetMonitoringApi();
        var lines = new List<string> { $"servers: {string.Join("; ", monitor.Servers().Select(s => $"{s.Name} [{string.Join(",", s.Queues)}] x{s.WorkersCount}"))}" };
        lines.AddRange(monitor.FailedJobs(0, 10).Select(j => $"failed: {j.Value.Job?.Type.Name} {j.Value.ExceptionType}: {j.Value.ExceptionMessage}"));
        lines.AddRange(monitor.ProcessingJobs(0, 10).Select(j => $"processing since {j.Value.StartedAt:u}: {j.Value.Job?.Type.Name}"));
        lines.AddRange(monitor.Queues().Select(q => $"queue {q.Name}: {q.Length} waiting"));
        foreach (var (id, job) in monitor.ScheduledJobs(0, 10))
        {
            // A retry: the failure that caused it is in the job's history.
            var failure = monitor.JobDetails(id)?.History.FirstOrDefault(h => h.StateName == "Failed");
            lines.Add($"scheduled for {job.EnqueueAt:u}: {job.Job?.Type.Name}; failed at {failure?.CreatedAt:u}: " +
                $"{Value(failure?.Data, "ExceptionType")}: {Value(failure?.Data, "ExceptionMessage")}");
        }
        return string.Join(Environment.NewLine, lines);

        static string? Value(IDictionary<string, string>? data, string key) => data is not null && data.TryGetValue(key, out var value) ? value : null;
    }
}
