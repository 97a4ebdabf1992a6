using Microsoft.Extensions.Options;
using MimeKit;

namespace CoRM.Infrastructure.Email;

/// <summary>
/// Writes each message as an .eml file: the embedded default, readable by any mail client. The file is written under
/// a temporary name and then renamed, so whatever watches the folder (a mail client, a test) never reads half a message.
/// </summary>
internal sealed class PickupFolderTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public Task<IEmailSession> OpenAsync(CancellationToken ct) => Task.FromResult<IEmailSession>(new Session(options.Value.PickupDirectory));

    private sealed class Session(string folder) : IEmailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            Directory.CreateDirectory(folder);
            var name = $"{DateTime.UtcNow:yyyyMMddTHHmmss}-{Guid.NewGuid():N}";
            var writing = Path.Combine(folder, name + ".tmp");
            await message.WriteToAsync(writing, ct);
            File.Move(writing, Path.Combine(folder, name + ".eml"));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
