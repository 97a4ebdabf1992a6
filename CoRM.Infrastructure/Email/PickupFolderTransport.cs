using Microsoft.Extensions.Options;
using MimeKit;

namespace CoRM.Infrastructure.Email;

/// <summary>Writes each message as an .eml file: the embedded default, readable by any mail client.</summary>
internal sealed class PickupFolderTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var folder = options.Value.PickupDirectory;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddTHHmmss}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path, ct);
    }
}
