using System.Collections.Concurrent;
using System.Diagnostics;

namespace CoRM.Portal.Tests.Support;

/// <summary>
/// The portal as a process of its own (dotnet CoRM.Portal.dll), as production runs it: for what a test host in this
/// process cannot show — two instances with their own job servers on one database, and a kill -9 in the middle of work.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PortalProcess(string name, IDictionary<string, string?> settings)
    {
        Name = name;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ContentRoot,
        };
        foreach (var argument in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "CoRM.Portal.dll"), "--contentRoot", ContentRoot, "--urls", "http://127.0.0.1:0" })
            info.ArgumentList.Add(argument);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in settings) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Exited += (_, _) => started.TrySetException(new InvalidOperationException($"{Name} exited with {process.ExitCode} before it started:\n{Output}"));
    }

    public string Name { get; }

    /// <summary>The portal's project folder: its appsettings and static files, as `dotnet run` would use.</summary>
    public static string ContentRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoRM.sln"))) directory = directory.Parent;
            return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("CoRM.sln not found above the test folder."), "CoRM.Portal");
        }
    }

    public string Output => string.Join('\n', output.TakeLast(80));

    public bool HasExited => process.HasExited;

    /// <summary>Starts the portal and waits until it serves (its job servers start with it).</summary>
    public static async Task<PortalProcess> StartAsync(string name, IDictionary<string, string?> settings)
    {
        var portal = new PortalProcess(name, settings);
        portal.process.Start();
        portal.process.BeginOutputReadLine();
        portal.process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await portal.started.Task.WaitAsync(timeout.Token);
        return portal;
    }

    /// <summary>kill -9: no shutdown, no finally blocks, connections dropped mid-statement.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        output.Enqueue(line);
        while (output.Count > 2_000) output.TryDequeue(out _);
        if (line.Contains("Application started", StringComparison.Ordinal) || line.Contains("Now listening on", StringComparison.Ordinal)) started.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) Kill();
        await Task.Yield();
        process.Dispose();
    }
}
