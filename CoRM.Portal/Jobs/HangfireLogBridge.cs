using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace CoRM.Portal.Jobs;

/// <summary>
/// Hangfire logs through one process-wide provider. Set per host (as Hangfire does by default), a second host in the
/// same process — the test hosts — replaces the first's, and once it is disposed every Hangfire log call in the
/// process throws. This bridge writes to the newest host's logger factory that is still alive; with one host (in
/// production) that is simply the portal's logging.
/// </summary>
internal sealed class HangfireLogBridge : ILogProvider
{
    public static readonly HangfireLogBridge Instance = new();
    private static readonly Lock Gate = new();
    private static readonly List<ILoggerFactory> Factories = [];

    public static void Attach(ILoggerFactory factory)
    {
        lock (Gate)
            if (!Factories.Contains(factory)) Factories.Add(factory);
    }

    public ILog GetLogger(string name) => new BridgedLog(name);

    /// <summary>A logger from the newest live factory; a disposed factory is dropped and the next newest tried.</summary>
    private static Microsoft.Extensions.Logging.ILogger? LoggerFor(string name)
    {
        lock (Gate)
        {
            for (var i = Factories.Count - 1; i >= 0; i--)
            {
                try
                {
                    return Factories[i].CreateLogger(name);
                }
                catch (ObjectDisposedException)
                {
                    Factories.RemoveAt(i); // that host has stopped
                }
            }
            return null;
        }
    }

    private sealed class BridgedLog(string name) : ILog
    {
        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var logger = LoggerFor(name);
            if (logger is null) return false;
            var level = logLevel switch
            {
                HangfireLevel.Trace => LogLevel.Trace,
                HangfireLevel.Debug => LogLevel.Debug,
                HangfireLevel.Info => LogLevel.Information,
                HangfireLevel.Warn => LogLevel.Warning,
                HangfireLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            if (messageFunc is null) return logger.IsEnabled(level);
            if (!logger.IsEnabled(level)) return false;
#pragma warning disable CA2254 // Hangfire hands over finished messages, not templates.
            logger.Log(level, 0, exception, messageFunc());
#pragma warning restore CA2254
            return true;
        }
    }
}
