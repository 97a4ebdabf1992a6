using System.Globalization;
using System.Security.Cryptography;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Advancement;

/// <summary>
/// The link at the foot of every appeal: a data-protection token naming the recipient (it cannot be forged or
/// pointed at someone else), which opens a page that opts them out of e-mail in one click.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, IDbContextFactory<CormDbContext> dbFactory, IOptions<EmailOptions> email, TimeProvider time)
{
    private readonly IDataProtector protector = protection.CreateProtector("CoRM.Unsubscribe.v1");

    public string LinkFor(int constituentId) =>
        $"{email.Value.PortalBaseUrl.TrimEnd('/')}/unsubscribe?token={Uri.EscapeDataString(protector.Protect(constituentId.ToString(CultureInfo.InvariantCulture)))}";

    /// <summary>The constituent the token names, or null for a forged or damaged token.</summary>
    public int? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        try
        {
            return int.Parse(protector.Unprotect(token), CultureInfo.InvariantCulture);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Opts the named person out of e-mail; repeating it is harmless. False for a bad token.</summary>
    public async Task<bool> OptOutAsync(string? token, CancellationToken ct = default)
    {
        if (Read(token) is not { } id) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.Constituents.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (person is null) return false;
        if (!person.EmailOptOut)
        {
            person.EmailOptOut = true;
            var now = time.UtcNow();
            db.Interactions.Add(Interaction.Log(id, Channel.WebForm, Topic.General, "Unsubscribed from e-mail", "Through the link in an appeal.", now, id, now, inbound: true));
            await db.SaveChangesAsync(ct);
        }
        return true;
    }
}
