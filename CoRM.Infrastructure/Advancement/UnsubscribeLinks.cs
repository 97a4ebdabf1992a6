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
/// The link at the foot of every appeal. By e-mail: a data-protection token naming the recipient (it cannot be forged
/// or pointed at someone else), which opens a page that opts them out of e-mail in one click. On a letter: a short
/// random code (typed from paper) that opts the recipient out of appeals by post.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, IDbContextFactory<CormDbContext> dbFactory, IOptions<EmailOptions> email, TimeProvider time)
{
    private readonly IDataProtector protector = protection.CreateProtector("CoRM.Unsubscribe.v1");

    public string LinkFor(int constituentId) =>
        $"{email.Value.PortalBaseUrl.TrimEnd('/')}/unsubscribe?token={Uri.EscapeDataString(protector.Protect(constituentId.ToString(CultureInfo.InvariantCulture)))}";

    /// <summary>Crockford's base-32 (no I, L, O, U): readable on paper, forgiving when typed.</summary>
    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new letter code, "XXXXX-XXXXX": 50 random bits, so codes are not guessed and rarely collide.</summary>
    public static string NewPostCode()
    {
        Span<char> code = stackalloc char[CoRM.Domain.Advancement.CampaignRecipient.OptOutCodeLength];
        for (var i = 0; i < code.Length; i++) code[i] = i == 5 ? '-' : CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        return new string(code);
    }

    public string PostLinkFor(string code) => $"{email.Value.PortalBaseUrl.TrimEnd('/')}/u/{code}";

    /// <summary>A typed code as stored: upper case, the hyphen in place, look-alike letters read as digits.</summary>
    public static string? NormalisePostCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var chars = code.Trim().ToUpperInvariant().Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .Replace('O', '0').Replace('I', '1').Replace('L', '1');
        return chars.Length == 10 && chars.All(CodeAlphabet.Contains) ? $"{chars[..5]}-{chars[5..]}" : null;
    }

    /// <summary>Whether a printed code exists (the confirmation page asks before changing anything).</summary>
    public async Task<bool> PostCodeExistsAsync(string? code, CancellationToken ct = default)
    {
        if (NormalisePostCode(code) is not { } normal) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CampaignRecipients.AnyAsync(r => r.OptOutCode == normal, ct);
    }

    /// <summary>Opts the letter's recipient out of appeals by post; repeating it is harmless. False for an unknown code.</summary>
    public async Task<bool> OptOutOfPostAsync(string? code, CancellationToken ct = default)
    {
        if (NormalisePostCode(code) is not { } normal) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = await db.CampaignRecipients.Where(r => r.OptOutCode == normal).Select(r => (int?)r.ConstituentId).SingleOrDefaultAsync(ct);
        if (id is null) return false;
        var person = await db.Constituents.SingleAsync(c => c.Id == id, ct);
        if (!person.PostOptOut)
        {
            var now = time.UtcNow();
            Privacy.ConsentHistory.Record(db, person, email: !person.EmailOptOut, post: false, person.DoNotContact, "the code printed on an appeal letter", person.Id, now);
            db.Interactions.Add(Interaction.Log(person.Id, Channel.WebForm, Topic.General, "No more appeals by post", "Through the code printed on an appeal letter.", now, person.Id, now, inbound: true));
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

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
            var now = time.UtcNow();
            Privacy.ConsentHistory.Record(db, person, email: false, post: !person.PostOptOut, person.DoNotContact, "the unsubscribe link in an e-mail", id, now);
            db.Interactions.Add(Interaction.Log(id, Channel.WebForm, Topic.General, "Unsubscribed from e-mail", "Through the link in an appeal.", now, id, now, inbound: true));
            await db.SaveChangesAsync(ct);
        }
        return true;
    }
}
