using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.LoadHarness;

/// <summary>The portal process's memory after a full, compacting collection: what is live, not what awaits collection.</summary>
internal sealed record Memory(double HeapMb, double WorkingSetMb)
{
    public static Memory Measure()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        using var process = Process.GetCurrentProcess();
        return new Memory(GC.GetTotalMemory(forceFullCollection: true) / 1048576.0, process.WorkingSet64 / 1048576.0);
    }
}

/// <summary>Blazor's own measures of server time per UI event, read from the portal's meters while a round runs.</summary>
internal sealed class ServerLatency : IDisposable
{
    private readonly MeterListener listener = new();
    private ConcurrentBag<double> handler = [];
    private ConcurrentBag<double> render = [];
    private volatile bool recording;

    public ServerLatency(IMeterFactory portalMeters)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == portalMeters && instrument.Name is "aspnetcore.components.handle_event.duration" or "aspnetcore.components.render_diff.duration")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (!recording) return;
            (instrument.Name == "aspnetcore.components.handle_event.duration" ? handler : render).Add(value);
        });
        listener.Start();
    }

    public void Start()
    {
        handler = [];
        render = [];
        recording = true;
    }

    public (IReadOnlyCollection<double> Handler, IReadOnlyCollection<double> Render) Stop()
    {
        recording = false;
        return (handler, render);
    }

    public void Dispose() => listener.Dispose();
}

/// <summary>One person's browser context, signed in through the development sign-in page, on their landing page.</summary>
internal sealed class Session : IAsyncDisposable
{
    /// <summary>The mix of people: advising is the busiest page, so two in five are faculty.</summary>
    public static readonly string[] Mix =
    [
        Personas.Faculty, Personas.Advancement, Personas.OtherFaculty, Personas.VolunteerCoordinator, Personas.StudentSuccess,
        Personas.Faculty, Personas.CaseWorker, Personas.OtherFaculty, Personas.Admissions, Personas.Parent,
    ];

    private readonly IBrowserContext context;
    private readonly IPage page;
    private readonly string persona;

    private Session(IBrowserContext context, IPage page, string persona, string landing)
    {
        this.context = context;
        this.page = page;
        this.persona = persona;
        Landing = landing;
    }

    public string Landing { get; }

    public static async Task<Session> OpenAsync(IBrowser browser, Uri address, string persona)
    {
        var (context, page) = await NewPageAsync(browser, address);
        await page.GotoAsync("/account/sign-in");
        await page.Locator($"[data-testid='sign-in-{persona}']").ClickAsync();
        await page.Locator("[data-testid=nav] a").First.WaitForAsync();
        await page.Locator("h1").First.WaitForAsync();
        return new Session(context, page, persona, new Uri(page.Url).AbsolutePath);
    }

    /// <summary>A context on the sign-in page, which renders statically: the harness's own cost, no circuit.</summary>
    public static async Task<Session> OpenStaticAsync(IBrowser browser, Uri address)
    {
        var (context, page) = await NewPageAsync(browser, address);
        await page.GotoAsync("/account/sign-in");
        return new Session(context, page, "", "/account/sign-in");
    }

    private static async Task<(IBrowserContext, IPage)> NewPageAsync(IBrowser browser, Uri address)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(120_000);
        return (context, await context.NewPageAsync());
    }

    /// <summary>One typical action; adds how long the browser waited for what it asked to show.</summary>
    public async Task ActAsync(ConcurrentBag<double> waited)
    {
        var clock = Stopwatch.StartNew();
        if (Landing.StartsWith("/advising", StringComparison.Ordinal))
        {
            // Sort the advisee list the other way, then open the top student and come back.
            var first = page.Locator("[data-testid=advisees] [data-testid=advisee] a").First;
            var before = await first.InnerTextAsync();
            await page.Locator("[data-testid=advisees] th", new() { HasText = "Risk" }).Locator(".mud-table-sort-label").ClickAsync();
            await page.WaitForFunctionAsync("b => { const a = document.querySelector('[data-testid=advisees] [data-testid=advisee] a'); return a && a.innerText !== b; }", before);
            waited.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            var name = (await first.InnerTextAsync()).Trim();
            await first.ClickAsync();
            await page.Locator("[data-testid=profile-name]", new() { HasText = name }).WaitForAsync();
            waited.Add(clock.Elapsed.TotalSeconds);
            await page.GoBackAsync();
            await page.Locator("[data-testid=advisees] [data-testid=advisee] a").First.WaitForAsync();
            return;
        }
        // Others: to the next page in their menu and back to the landing page.
        var links = page.Locator("[data-testid=nav] a");
        var count = await links.CountAsync();
        if (count < 2) return;
        var heading = await page.Locator("h1").First.InnerTextAsync();
        await links.Nth(1).ClickAsync();
        await page.WaitForFunctionAsync("h => { const e = document.querySelector('h1'); return e && e.innerText !== h; }", heading);
        waited.Add(clock.Elapsed.TotalSeconds);
        await page.GoBackAsync();
        await page.WaitForFunctionAsync("h => { const e = document.querySelector('h1'); return e && e.innerText === h; }", heading);
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();

    public override string ToString() => persona;
}
