using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Identity;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Identity;

/// <summary>The signed-in user's link to their constituent record, as the sign-in code needs it.</summary>
public sealed record SignedInUser(int PortalUserId, int ConstituentId, string DisplayName, string Email, IReadOnlyList<string> Roles);

public sealed record Persona(int PortalUserId, string DisplayName, string Email, IReadOnlyList<string> Roles, string? Description);

/// <summary>Links people who sign in to their constituent records.</summary>
public sealed class PortalUserDirectory(IDbContextFactory<CormDbContext> dbFactory, AuditTrail audit, TimeProvider time)
{
    /// <summary>
    /// Staff who sign in holding one of the roles, by name: who can own a follow-up, join a case team, take over a handover.
    /// Roles are one comma-separated column, so the filter runs here (a few hundred users at most).
    /// </summary>
    internal static async Task<IReadOnlyList<Engagement.StaffMember>> HoldingAsync(CormDbContext db, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        var users = await db.PortalUsers.OrderBy(u => u.DisplayName).Select(u => new { u.ConstituentId, u.DisplayName, u.Roles }).ToListAsync(ct);
        return users.Where(u => u.Roles.Split(',', StringSplitOptions.TrimEntries).Any(roles.Contains))
            .Select(u => new Engagement.StaffMember(u.ConstituentId, u.DisplayName)).ToList();
    }

    /// <summary>Where to e-mail a member of staff: their sign-in address, else their record's e-mail.</summary>
    internal static async Task<(string Name, string? Address)?> WorkAddressAsync(CormDbContext db, int constituentId, CancellationToken ct)
    {
        var found = await db.Constituents.Where(c => c.Id == constituentId)
            .Select(c => new { c.DisplayName, Address = db.PortalUsers.Where(u => u.ConstituentId == c.Id).Select(u => u.Email).FirstOrDefault() ?? c.Email })
            .SingleOrDefaultAsync(ct);
        return found is null ? null : (found.DisplayName, found.Address);
    }

    /// <summary>
    /// An e-mail to a member of staff at their work address, addressed by name, or null when they have none. The caller
    /// adds it to its unit of work, so the mail and the work it reports commit together.
    /// </summary>
    internal static async Task<Domain.Messaging.OutboxMessage?> MailToStaffAsync(CormDbContext db, int staffId, string dedupKey, string subject,
        Func<string, string> body, DateTime now, CancellationToken ct)
    {
        if (await WorkAddressAsync(db, staffId, ct) is not { Address: { } address } staff) return null;
        return new Domain.Messaging.OutboxMessage
        {
            DedupKey = dedupKey, RecipientConstituentId = staffId, ToAddress = address, ToName = staff.Name,
            Subject = subject, TextBody = body(staff.Name), CreatedAt = now,
        };
    }

    /// <summary>Demo personas for the development sign-in page, one row per persona.</summary>
    public async Task<IReadOnlyList<Persona>> ListPersonasAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = await db.PortalUsers.Where(u => u.PersonaDescription != null).OrderBy(u => u.Id).ToListAsync(ct);
        return users.Select(u => new Persona(u.Id, u.DisplayName, u.Email, u.RoleList, u.PersonaDescription)).ToList();
    }

    /// <summary>Development sign-in: the persona's own roles.</summary>
    public async Task<SignedInUser?> SignInPersonaAsync(int portalUserId, string? remoteAddress, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.PortalUsers.SingleOrDefaultAsync(u => u.Id == portalUserId && u.PersonaDescription != null, ct);
        if (user is null) return null;
        return await RecordSignInAsync(db, user, user.RoleList, remoteAddress, ct);
    }

    /// <summary>
    /// Entra sign-in: find the user by object id, or on first sign-in by the verified e-mail of an
    /// invitation, then remember the object id. Roles come from the token and are copied for listing.
    /// Returns null when the person has no portal account: they are signed out with a message.
    /// </summary>
    public async Task<SignedInUser?> LinkEntraUserAsync(string objectId, string? verifiedEmail, IReadOnlyList<string> appRoles, string? remoteAddress, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.PortalUsers.SingleOrDefaultAsync(u => u.ExternalObjectId == objectId, ct);
        if (user is null && !string.IsNullOrWhiteSpace(verifiedEmail))
        {
            var email = verifiedEmail.Trim().ToLowerInvariant();
            user = await db.PortalUsers.SingleOrDefaultAsync(u => u.Email == email && u.ExternalObjectId == null, ct);
            if (user is not null) user.ExternalObjectId = objectId;
        }
        if (user is null) return null;
        var roles = appRoles.Where(Roles.IsKnown).ToList();
        // Parents are not given app roles in the tenant: the role comes from the invitation they redeemed.
        if (await db.ParentInvitations.AnyAsync(i => i.RedeemedByPortalUserId == user.Id, ct)) roles.Add(Roles.Parent);
        roles = roles.Distinct().ToList();
        user.Roles = string.Join(',', roles);
        return await RecordSignInAsync(db, user, roles, remoteAddress, ct);
    }

    internal async Task<SignedInUser> RecordSignInAsync(CormDbContext db, PortalUser user, IReadOnlyList<string> roles, string? remoteAddress, CancellationToken ct)
    {
        user.LastSignInAt = time.UtcNow();
        var scope = new UserScope(user.ConstituentId, roles.ToHashSet(), user.Email, remoteAddress);
        audit.Record(db, scope, AuditAction.SignIn, nameof(PortalUser), user.Id, user.ConstituentId, string.Join(',', roles));
        await db.SaveChangesAsync(ct);
        return new SignedInUser(user.Id, user.ConstituentId, user.DisplayName, user.Email, roles);
    }
}
