using System.Security.Cryptography;
using System.Text;
using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Domain.Families;
using CoRM.Domain.Identity;
using CoRM.Domain.Messaging;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Identity;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Families;

public sealed record InvitationRow(int Id, string SentTo, DateTime CreatedAt, DateTime ExpiresAt, InvitationState State);

/// <summary>The outcome of redeeming a code: the signed-in parent, or why not.</summary>
public sealed record InvitationRedemption(SignedInUser? User, string? Error)
{
    public bool Succeeded => User is not null;
}

/// <summary>
/// The secretariat invites a parent or guardian to the portal: a single-use code, valid for two weeks, sent by
/// e-mail. Redeeming it links the sign-in to the parent's constituent record and gives the Parent role; what
/// the parent then sees is still decided child by child by <see cref="RecordAccessPolicy"/>.
/// </summary>
public sealed class ParentInvitations(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, OutboxDispatcher dispatcher, PortalUserDirectory users,
    AuditTrail audit, IOptions<EmailOptions> email, TimeProvider time)
{
    // Crockford's base32 without look-alikes: easy to read out on the phone and to type.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTVWXYZ0123456789";
    private const int CodeLength = 10;

    public async Task<CommandResult> SendAsync(UserScope staff, int parentId, CancellationToken ct = default)
    {
        if (!staff.IsSecretariat) return CommandResult.NotFound;
        var now = time.UtcNow();
        var result = await runner.RunAsync(CommandOptions.About("invitation", transaction: true), async db =>
        {
            var parent = await db.Constituents.Where(c => c.Id == parentId && c.Kind == ConstituentKind.Person)
                .Select(c => new { c.Id, c.DisplayName, c.Email }).SingleOrDefaultAsync(ct);
            if (parent is null) return CommandResult.NotFound;
            if (!await db.Relationships.Where(Relationship.FamilyLink).AnyAsync(r => r.RelatedId == parentId, ct)) return CommandResult.Invalid($"{parent.DisplayName} is not recorded as anyone's parent or guardian.");
            if (parent.Email is null) return CommandResult.Invalid($"{parent.DisplayName} has no e-mail address on record. Add one first.");
            if (await db.PortalUsers.AnyAsync(u => u.ConstituentId == parentId && u.Roles.Contains(Roles.Parent), ct))
                return CommandResult.Invalid($"{parent.DisplayName} already signs in to the portal.");

            // A new invitation replaces any open one: only the latest e-mail's code works.
            foreach (var open in await db.ParentInvitations.Where(i => i.ParentId == parentId && i.RedeemedAt == null && i.WithdrawnAt == null).ToListAsync(ct))
                open.Withdraw(now);

            var code = NewCode();
            var invitation = ParentInvitation.Issue(parentId, parent.Email, Hash(code), staff.ConstituentId, now);
            db.ParentInvitations.Add(invitation);
            var link = $"{email.Value.PortalBaseUrl.TrimEnd('/')}/join?code={code}";
            db.OutboxMessages.Add(new OutboxMessage
            {
                DedupKey = $"parent-invitation:{Hash(code)[..32]}",
                RecipientConstituentId = parentId,
                ToAddress = parent.Email,
                ToName = parent.DisplayName,
                Subject = "Your invitation to the Northfield family portal",
                TextBody = $"""
                Dear {parent.DisplayName},

                The secretariat has invited you to the family portal, where you can follow your children's
                enrolment and school fees and write to us.

                Open {link}
                or go to {email.Value.PortalBaseUrl.TrimEnd('/')}/join and enter the code {code}.

                The code works once and expires on {Common.InstitutionFormat.Date(Domain.WallClock.DayOf(invitation.ExpiresAt, time.LocalTimeZone))}. If you did not expect this
                message, you can ignore it.
                """,
                CreatedAt = now,
            });
            db.Interactions.Add(Interaction.Log(parentId, Channel.Email, Topic.Family, "Invited to the family portal", $"Code sent to {parent.Email}", now, staff.ConstituentId, now));
            await db.SaveChangesAsync(ct);
            audit.Record(db, staff, AuditAction.Create, nameof(ParentInvitation), invitation.Id, parentId, $"Invitation sent to {parent.Email}");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(invitation.Id);
        }, ct);
        if (result.Succeeded) await dispatcher.DispatchPendingAsync(ct);
        return result;
    }

    public async Task<IReadOnlyList<InvitationRow>> ForParentAsync(UserScope staff, int parentId, CancellationToken ct = default)
    {
        if (!staff.IsSecretariat) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.ParentInvitations.AsNoTracking().Where(i => i.ParentId == parentId).OrderByDescending(i => i.CreatedAt).Take(10).ToListAsync(ct);
        var now = time.UtcNow();
        return rows.Select(i => new InvitationRow(i.Id, i.SentToEmail, i.CreatedAt, i.ExpiresAt, i.StateAt(now))).ToList();
    }

    /// <summary>
    /// Redeems a code for the person signing in: creates (or completes) their portal account linked to the
    /// invited parent's record. <paramref name="externalObjectId"/> is the Entra object id in production;
    /// in development sign-in it is null and the account is listed on the persona page afterwards.
    /// </summary>
    public async Task<InvitationRedemption> RedeemAsync(string code, string? externalObjectId, bool listAsPersona, string? remoteAddress, CancellationToken ct = default)
    {
        var normalised = Normalise(code);
        if (normalised.Length != CodeLength) return new(null, "Enter the 10-character code from your invitation e-mail.");
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var hash = Hash(normalised);
        var invitation = await db.ParentInvitations.SingleOrDefaultAsync(i => i.CodeHash == hash, ct);
        if (invitation is null) return new(null, "That code is not valid. Check the e-mail, or ask the secretariat for a new invitation.");
        if (invitation.WhyNotRedeemable(now) is { } refusal) return new(null, refusal);
        var parent = await db.Constituents.SingleAsync(c => c.Id == invitation.ParentId, ct);

        var user = await db.PortalUsers.FirstOrDefaultAsync(u => u.ConstituentId == parent.Id, ct);
        if (user is not null && externalObjectId is not null && user.ExternalObjectId is not null && user.ExternalObjectId != externalObjectId)
            return new(null, "This family record is already linked to another sign-in. Ask the secretariat for help.");
        if (user is null)
        {
            user = new PortalUser { ConstituentId = parent.Id, Email = invitation.SentToEmail, DisplayName = parent.DisplayName };
            db.PortalUsers.Add(user);
        }
        if (!user.RoleList.Contains(Roles.Parent)) user.Roles = string.Join(',', user.RoleList.Append(Roles.Parent));
        user.ExternalObjectId ??= externalObjectId;
        if (listAsPersona) user.PersonaDescription ??= $"Parent who joined by invitation on {now:yyyy-MM-dd}";
        await db.SaveChangesAsync(ct);

        // Claimed with a conditional update, so two redemptions racing for one code cannot both succeed.
        var claimed = await db.ParentInvitations.Where(i => i.Id == invitation.Id && i.RedeemedAt == null && i.WithdrawnAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RedeemedAt, now).SetProperty(i => i.RedeemedByPortalUserId, user.Id), ct);
        if (claimed != 1)
        {
            await tx.RollbackAsync(ct);
            return new(null, "This invitation has already been used. Sign in, or ask the secretariat for a new one.");
        }
        db.Interactions.Add(Interaction.Log(parent.Id, Channel.WebForm, Topic.Family, "Joined the family portal", null, now, parent.Id, now, inbound: true));
        var signedIn = await users.RecordSignInAsync(db, user, user.RoleList, remoteAddress, ct);
        await tx.CommitAsync(ct);
        return new(signedIn, null);
    }

    internal static string Normalise(string code) =>
        new(code.ToUpperInvariant().Where(ch => Alphabet.Contains(ch, StringComparison.Ordinal)).ToArray());

    internal static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(code))));

    private static string NewCode() =>
        new(Enumerable.Range(0, CodeLength).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray());
}
