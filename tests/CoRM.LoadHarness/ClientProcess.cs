using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace CoRM.LoadHarness;

/// <summary>
/// The browserless circuits run in a second process, so the portal's heap holds only what the portal keeps: this
/// process is started as `CoRM.LoadHarness --client ADDRESS` and takes one command per line on standard input,
/// answering one line on standard output.
///   open-mix N          open circuits (Session.Mix in order) until N are open → "opened"
///   open PERSONA N      open N circuits for one persona → "opened LANDING"
///   act SECONDS         each circuit acts, then reads 3–8 s, for that long → "acted FAILURES MS MS …" (what each step waited)
///   act-once            each circuit acts once → "acted"
///   close               close every circuit → "closed"
/// Errors answer "error MESSAGE".
/// </summary>
internal static class ClientProcess
{
    public static async Task RunAsync(Uri address)
    {
        var clients = new List<CircuitClient>();
        var culture = CultureInfo.InvariantCulture;
        while (Console.ReadLine() is { } line)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            try
            {
                switch (words[0])
                {
                    case "open-mix":
                        var target = int.Parse(words[1], culture);
                        while (clients.Count < target)
                        {
                            // Five sign-ins at a time: a morning's arrivals, not one burst.
                            var batch = Enumerable.Range(clients.Count, Math.Min(5, target - clients.Count))
                                .Select(i => CircuitClient.OpenAsync(address, Session.Mix[i % Session.Mix.Length], CancellationToken.None));
                            clients.AddRange(await Task.WhenAll(batch));
                        }
                        Console.WriteLine("opened");
                        break;
                    case "open":
                        var opened = new List<CircuitClient>();
                        for (var i = 0; i < int.Parse(words[2], culture); i += 5)
                            opened.AddRange(await Task.WhenAll(Enumerable.Range(0, Math.Min(5, int.Parse(words[2], culture) - i))
                                .Select(_ => CircuitClient.OpenAsync(address, words[1], CancellationToken.None))));
                        clients.AddRange(opened);
                        Console.WriteLine($"opened {opened[0].Landing}");
                        break;
                    case "act":
                        var waited = new ConcurrentBag<double>();
                        var failures = 0;
                        var until = DateTime.UtcNow + TimeSpan.FromSeconds(int.Parse(words[1], culture));
                        await Task.WhenAll(clients.Select(async (c, i) =>
                        {
                            var random = new Random(i);
                            await Task.Delay(random.Next(0, 5000)); // not all at the same moment
                            while (DateTime.UtcNow < until)
                            {
                                try { await c.ActAsync(waited, CancellationToken.None); }
                                catch (Exception e) when (e is InvalidOperationException or TimeoutException)
                                {
                                    Interlocked.Increment(ref failures);
                                    Console.Error.WriteLine(e.Message);
                                    return; // a broken circuit stops acting; counted, not hidden
                                }
                                await Task.Delay(random.Next(3000, 8000));
                            }
                        }));
                        Console.WriteLine($"acted {failures} {string.Join(' ', waited.Select(s => (s * 1000).ToString("F1", culture)))}");
                        break;
                    case "act-once":
                        var once = new ConcurrentBag<double>();
                        await Task.WhenAll(clients.Select(c => c.ActAsync(once, CancellationToken.None)));
                        Console.WriteLine("acted");
                        break;
                    case "close":
                        foreach (var c in clients) await c.DisposeAsync();
                        clients.Clear();
                        Console.WriteLine("closed");
                        break;
                    default:
                        Console.WriteLine($"error unknown command {words[0]}");
                        break;
                }
            }
            catch (Exception e)
            {
                Console.WriteLine($"error {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            }
        }
        foreach (var c in clients) await c.DisposeAsync();
    }

    /// <summary>The harness's side: starts the client process and sends it commands.</summary>
    internal sealed class Handle : IAsyncDisposable
    {
        private readonly Process process;

        private Handle(Process process) => this.process = process;

        public static Handle Start(Uri address)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add("--client");
            start.ArgumentList.Add(address.ToString());
            // A workstation collector: the clients' process should take little of the machine the portal runs on.
            start.Environment["DOTNET_gcServer"] = "0";
            return new Handle(Process.Start(start)!);
        }

        public async Task<string> SendAsync(string command)
        {
            await process.StandardInput.WriteLineAsync(command);
            var reply = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The client process ended.");
            return reply.StartsWith("error", StringComparison.Ordinal) ? throw new InvalidOperationException($"{command}: {reply}") : reply;
        }

        public async ValueTask DisposeAsync()
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(30_000)) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }
}
