using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CoRM.Infrastructure.Tests.Support;

/// <summary>
/// A minimal SMTP server on a local port that accepts every message and keeps its raw text:
/// enough for MailKit to deliver real SMTP to it. (No SMTP server package is in the mirror.)
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly List<string> messages = [];

    public SmtpSink()
    {
        listener.Start();
        loop = AcceptAsync();
    }

    private int connections;

    /// <summary>How many SMTP connections were opened to the sink.</summary>
    public int Connections => Volatile.Read(ref connections);

    /// <summary>Addresses the sink refuses at RCPT TO with a permanent 550, as a relay does for a mailbox that does not exist.</summary>
    public HashSet<string> RefusedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Configuration that sends the institution's mail through MailKit to this sink (or to another port, to fail).</summary>
    public static Dictionary<string, string?> Settings(int port) => new()
    {
        ["Email:Transport"] = "Smtp",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
    };

    public Dictionary<string, string?> Settings() => Settings(Port);

    public IReadOnlyList<string> Messages
    {
        get { lock (messages) return messages.ToList(); }
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            Interlocked.Increment(ref connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        await using (var stream = client.GetStream())
        {
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 sink ESMTP");
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Split(' ')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-sink");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                            data.AppendLine(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine);
                        lock (messages) messages.Add(data.ToString());
                        await writer.WriteLineAsync("250 queued");
                        break;
                    case "RCPT" when RefusedAddress(line) is { } refused:
                        await writer.WriteLineAsync($"550 5.1.1 <{refused}>: Recipient address rejected: User unknown");
                        break;
                    case "RSET":
                        await writer.WriteLineAsync("250 reset");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 ok");
                        break;
                }
            }
        }
    }

    private string? RefusedAddress(string rcptLine)
    {
        var start = rcptLine.IndexOf('<', StringComparison.Ordinal);
        var end = rcptLine.IndexOf('>', StringComparison.Ordinal);
        if (start < 0 || end <= start) return null;
        var address = rcptLine[(start + 1)..end];
        lock (RefusedRecipients) return RefusedRecipients.Contains(address) ? address : null;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        stop.Dispose();
    }
}
