using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using CoRM.LoadHarness;
using CoRM.Portal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

// The cost of a circuit: N real Chromium contexts signed in as a mix of personas on their landing pages, then for a
// minute each acts and reads in turn (faculty sort their advisees and open a student; others move between two pages of
// their menu), while the
// portal — in this process, on a real Kestrel port, Release build — is measured: managed heap and working set per circuit,
// and server-side UI latency from Blazor's own meters (event handler, render diff) beside what the browser waited.
//
//   dotnet run -c Release --project tests/CoRM.LoadHarness -- 1 25 50 100        the table for the note
//   dotnet run -c Release --project tests/CoRM.LoadHarness -- --by-persona 20    what each landing page keeps alive
//   dotnet run -c Release --project tests/CoRM.LoadHarness -- --signalr 1 25 50 100   the same without browsers: circuits from
//     CircuitClient in a second process (Chromium's tabs would take the 2 cores); --by-persona and --hold work with it too,
//     and "--signalr --hold mix 100" holds 100 circuits of the whole mix
//   dotnet run -c Release --project tests/CoRM.LoadHarness -- --hold 0 20        20 circuits of Mix[0] held for a heap dump:
//     it prints its process id and waits 45 s with none open, then 90 s with them open; `dotnet-gcdump collect -p <pid>` in
//     each window, and `dotnet-gcdump report` on both, says which types the circuits add.
var culture = CultureInfo.InvariantCulture;
if (args is ["--client", var clientAddress, ..])
{
    await ClientProcess.RunAsync(new Uri(clientAddress));
    return;
}
var byPersona = args.Contains("--by-persona");
var levels = args.Where(a => int.TryParse(a, culture, out _)).Select(a => int.Parse(a, culture)).ToArray();
if (levels.Length == 0) levels = byPersona ? [20] : [1, 25, 50, 100];
// Each person acts, then reads for 3–8 s, for a minute per step: a busy office, not everyone clicking at once.
var steady = TimeSpan.FromSeconds(60);

await using var portal = await PortalFactory.CreateAsync(settings: new Dictionary<string, string?>
{
    ["Logging:LogLevel:Default"] = "Warning",
    // A closed browser context's circuit goes at once, so the baseline and the per-persona figures are not
    // blurred by circuits kept for reconnection (production keeps them Circuits:DisconnectedRetentionMinutes).
    ["Circuits:DisconnectedRetentionMinutes"] = "0",
    ["Telemetry:SlowCircuitActivityMilliseconds"] = "600000",
});
var address = portal.StartOnKestrel();
using var latency = new ServerLatency(portal.Services.GetRequiredService<IMeterFactory>());
if (args.Contains("--signalr"))
{
    await RunWithoutBrowsersAsync();
    return;
}
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"],
});
var sessions = new List<Session>();

// Warm-up (JIT, caches, EF's compiled models, MudBlazor's first renders) for every persona's pages, then the baseline
// without any circuit: otherwise the first group measured carries one-time caches (seen: 853 KB for the first faculty
// group, 359 KB for the second on the same page).
foreach (var persona in Session.Mix.Distinct())
{
    await using var warm = await Session.OpenAsync(browser, address, persona);
    await warm.ActAsync([]);
    await warm.ActAsync([]);
}
await Task.Delay(1500);
var baseline = Memory.Measure();
Console.WriteLine($"Baseline (no circuit): managed heap {baseline.HeapMb:F1} MB, working set {baseline.WorkingSetMb:F1} MB");

// What the harness itself holds per browser context (Playwright's client objects): N contexts on the sign-in page,
// which renders statically and opens no circuit. Subtracted from the per-circuit heap below.
var control = new List<Session>();
for (var i = 0; i < 25; i++) control.Add(await Session.OpenStaticAsync(browser, address));
var withControl = Memory.Measure();
var harnessPerContextMb = (withControl.HeapMb - baseline.HeapMb) / control.Count;
foreach (var c in control) await c.DisposeAsync();
Console.WriteLine($"Harness's own cost per browser context (static page, no circuit): {harnessPerContextMb * 1024:F0} KB of managed heap");
await Task.Delay(1000);
baseline = Memory.Measure();

if (args.Contains("--hold"))
{
    var persona = Session.Mix[int.Parse(args[Array.IndexOf(args, "--hold") + 1], culture)];
    var count = levels.Length > 1 ? levels[1] : 20;
    Console.WriteLine($"pid {Environment.ProcessId}: no circuit open, dump now (45 s)");
    await Task.Delay(TimeSpan.FromSeconds(45));
    var held = new List<Session>();
    for (var i = 0; i < count; i++) held.Add(await Session.OpenAsync(browser, address, persona));
    await Task.Delay(1500);
    var m = Memory.Measure();
    Console.WriteLine($"pid {Environment.ProcessId}: {count} circuits of {persona} on {held[0].Landing}, {PerCircuitKb(m.HeapMb - baseline.HeapMb, count) - harnessPerContextMb * 1024:F0} KB each; dump now (90 s)");
    await Task.Delay(TimeSpan.FromSeconds(90));
    foreach (var s in held) await s.DisposeAsync();
    return;
}

if (byPersona)
{
    Console.WriteLine();
    Console.WriteLine("| Landing page (persona) | circuits | managed heap per circuit | working set per circuit |");
    Console.WriteLine("|---|---|---|---|");
    foreach (var persona in Session.Mix.Distinct())
    {
        var group = new List<Session>();
        for (var i = 0; i < levels[0]; i++) group.Add(await Session.OpenAsync(browser, address, persona));
        await Task.Delay(1500);
        var m = Memory.Measure();
        Console.WriteLine($"| {group[0].Landing} ({persona.Split('@')[0]}) | {group.Count} | {PerCircuitKb(m.HeapMb - baseline.HeapMb, group.Count) - harnessPerContextMb * 1024:F0} KB | {PerCircuitKb(m.WorkingSetMb - baseline.WorkingSetMb, group.Count):F0} KB |");
        foreach (var s in group) await s.DisposeAsync();
        await Task.Delay(1500);
        baseline = Memory.Measure();
    }
    return;
}

Console.WriteLine();
Console.WriteLine("| circuits | heap per circuit, idle | heap per circuit, after actions | working set per circuit | handler p50 / p95 | render p50 / p95 | browser waited p50 / p95 |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var level in levels)
{
    var opening = Stopwatch.StartNew();
    while (sessions.Count < level)
    {
        // Five sign-ins at a time: a morning's arrivals, not one burst.
        var batch = Enumerable.Range(sessions.Count, Math.Min(5, level - sessions.Count)).Select(i => Session.OpenAsync(browser, address, Session.Mix[i % Session.Mix.Length]));
        sessions.AddRange(await Task.WhenAll(batch));
    }
    await Task.Delay(2000);
    var idle = Memory.Measure();

    latency.Start();
    var waited = new ConcurrentBag<double>();
    var until = DateTime.UtcNow + steady;
    await Task.WhenAll(sessions.Select(async (s, i) =>
    {
        var random = new Random(i);
        await Task.Delay(random.Next(0, 5000)); // not all at the same moment
        while (DateTime.UtcNow < until)
        {
            await s.ActAsync(waited);
            await Task.Delay(random.Next(3000, 8000));
        }
    }));
    var (handler, render) = latency.Stop();
    var active = Memory.Measure();

    Console.WriteLine($"| {level} | {PerCircuitKb(idle.HeapMb - baseline.HeapMb, level) - harnessPerContextMb * 1024:F0} KB | {PerCircuitKb(active.HeapMb - baseline.HeapMb, level) - harnessPerContextMb * 1024:F0} KB | " +
                      $"{PerCircuitKb(idle.WorkingSetMb - baseline.WorkingSetMb, level):F0} KB | {Ms(handler, 50)} / {Ms(handler, 95)} ms | {Ms(render, 50)} / {Ms(render, 95)} ms | " +
                      $"{Ms(waited, 50)} / {Ms(waited, 95)} ms |");
    Console.Error.WriteLine($"  ({level} circuits open in {opening.Elapsed.TotalSeconds:F0} s; {handler.Count} events, {render.Count} render diffs, {waited.Count} browser waits)");
}
foreach (var s in sessions) await s.DisposeAsync();
return;

// The same measures with the browserless circuits (CircuitClient) in a second process: the portal's heap holds only the
// portal's objects, and the 2 cores are the portal's rather than a hundred Chromium tabs'.
async Task RunWithoutBrowsersAsync()
{
    await using var clients = ClientProcess.Handle.Start(address);
    foreach (var persona in Session.Mix.Distinct())
    {
        await clients.SendAsync($"open {persona} 1");
        await clients.SendAsync("act-once");
        await clients.SendAsync("close");
    }
    await Task.Delay(1500);
    var start = Memory.Measure();
    Console.WriteLine($"Baseline (no circuit, browserless clients): managed heap {start.HeapMb:F1} MB, working set {start.WorkingSetMb:F1} MB");

    if (args.Contains("--hold"))
    {
        // "--hold mix 100": the mix of personas, as the table's steps open them; "--hold 0 20": one persona.
        var which = args[Array.IndexOf(args, "--hold") + 1];
        var count = which == "mix" ? levels.FirstOrDefault(20) : levels.Length > 1 ? levels[1] : 20;
        Console.WriteLine($"pid {Environment.ProcessId}: no circuit open, dump now (45 s)");
        await Task.Delay(TimeSpan.FromSeconds(45));
        string persona, landing;
        if (which == "mix")
        {
            await clients.SendAsync($"open-mix {count}");
            (persona, landing) = ("the mix", "their landing pages");
        }
        else
        {
            persona = Session.Mix[int.Parse(which, culture)];
            landing = (await clients.SendAsync($"open {persona} {count}"))["opened ".Length..];
        }
        await Task.Delay(1500);
        var m = Memory.Measure();
        Console.WriteLine($"pid {Environment.ProcessId}: {count} circuits of {persona} on {landing}, {PerCircuitKb(m.HeapMb - start.HeapMb, count):F0} KB each; dump now (90 s)");
        await Task.Delay(TimeSpan.FromSeconds(90));
        return;
    }

    if (byPersona)
    {
        Console.WriteLine();
        Console.WriteLine("| Landing page (persona) | circuits | managed heap per circuit | working set per circuit |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var persona in Session.Mix.Distinct())
        {
            var landing = (await clients.SendAsync($"open {persona} {levels[0]}"))["opened ".Length..];
            await Task.Delay(1500);
            var m = Memory.Measure();
            Console.WriteLine($"| {landing} ({persona.Split('@')[0]}) | {levels[0]} | {PerCircuitKb(m.HeapMb - start.HeapMb, levels[0]):F0} KB | {PerCircuitKb(m.WorkingSetMb - start.WorkingSetMb, levels[0]):F0} KB |");
            await clients.SendAsync("close");
            await Task.Delay(1500);
            start = Memory.Measure();
        }
        return;
    }

    Console.WriteLine();
    Console.WriteLine("| circuits | heap per circuit, idle | heap per circuit, after actions | working set per circuit | handler p50 / p95 | render p50 / p95 | client waited p50 / p95 | failed |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    foreach (var level in levels)
    {
        var opening = Stopwatch.StartNew();
        await clients.SendAsync($"open-mix {level}");
        var opened = opening.Elapsed;
        await Task.Delay(2000);
        var idle = Memory.Measure();
        latency.Start();
        var acted = (await clients.SendAsync($"act {(int)steady.TotalSeconds}")).Split(' ');
        var (handler, render) = latency.Stop();
        var active = Memory.Measure();
        var waited = acted.Skip(2).Select(ms => double.Parse(ms, culture) / 1000).ToArray();
        Console.WriteLine($"| {level} | {PerCircuitKb(idle.HeapMb - start.HeapMb, level):F0} KB | {PerCircuitKb(active.HeapMb - start.HeapMb, level):F0} KB | " +
                          $"{PerCircuitKb(idle.WorkingSetMb - start.WorkingSetMb, level):F0} KB | {Ms(handler, 50)} / {Ms(handler, 95)} ms | {Ms(render, 50)} / {Ms(render, 95)} ms | " +
                          $"{Ms(waited, 50)} / {Ms(waited, 95)} ms | {acted[1]} |");
        Console.Error.WriteLine($"  ({level} circuits open in {opened.TotalSeconds:F0} s; {handler.Count} events, {render.Count} render diffs, {waited.Length} client waits)");
    }
    await clients.SendAsync("close");
}

static double PerCircuitKb(double mb, int n) => mb * 1024 / n;

static string Ms(IEnumerable<double> seconds, int percentile)
{
    var sorted = seconds.Order().ToArray();
    if (sorted.Length == 0) return "—";
    var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
    return (sorted[Math.Clamp(index, 0, sorted.Length - 1)] * 1000).ToString("F0", CultureInfo.InvariantCulture);
}
