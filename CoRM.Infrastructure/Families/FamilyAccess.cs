using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Families;

/// <summary>One family link of a student, as the consent screens show it.</summary>
public sealed record FamilyLinkRow(
    int RelationshipId, int ParentId, string ParentName, string? ParentEmail, RelationshipKind Kind, bool StudentIsMinor,
    AccessGrant Recorded, AccessGrant Effective, ConsentBasis Basis, DateTime? ConsentRecordedAt, DateOnly? ConsentExpiresOn,
    DateTime? RevokedAt, bool ParentSignsIn, Guid Version)
{
    /// <summary>Why the parent sees what they see, in words.</summary>
    public string Explanation => Effective == AccessGrant.None
        ? RevokedAt is not null ? $"Access withdrawn on {RevokedAt:yyyy-MM-dd}" : StudentIsMinor ? "No access" : "No consent on record: sees nothing"
        : StudentIsMinor && Basis == ConsentBasis.None ? "Minor: the parent sees enrolment and balance by default"
        : $"{Capitalised(AccessText.Describe(Basis))}{(ConsentExpiresOn is { } until ? $" until {until:yyyy-MM-dd}" : "")}{(ConsentRecordedAt is { } at ? $", recorded {at:yyyy-MM-dd}" : "")}";

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}

public sealed record GrantRequest(int RelationshipId, AccessGrant Grants, ConsentBasis Basis, DateOnly? ExpiresOn, Guid Version);

/// <summary>
/// Consent for parents to see a student's records: captured by the secretariat (written consent on paper,
/// a tax-dependant attestation, an emergency) or given and withdrawn by the student from their own page.
/// Every change is an interaction on the student's timeline and an audit entry, and takes effect on the
/// parent's next page load because <see cref="RecordAccessPolicy"/> is evaluated on every read.
/// </summary>
public sealed class FamilyAccess(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, TimeProvider time)
{
    /// <summary>The student's family links: staff of the secretariat for any student; a student for themselves.</summary>
    public async Task<IReadOnlyList<FamilyLinkRow>> ForStudentAsync(UserScope user, int studentId, CancellationToken ct = default)
    {
        if (!MayManage(user, studentId)) return [];
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var links = await db.Relationships.AsNoTracking()
            .Where(Relationship.FamilyLink).Where(r => r.SubjectId == studentId)
            .Include(r => r.Subject).Include(r => r.Related)
            .OrderBy(r => r.Related!.SortName)
            .ToListAsync(ct);
        var parentIds = links.Select(l => l.RelatedId).ToList();
        var signingIn = await db.PortalUsers.Where(u => parentIds.Contains(u.ConstituentId) && u.Roles.Contains(Roles.Parent)).Select(u => u.ConstituentId).ToListAsync(ct);
        return links.Select(l => new FamilyLinkRow(l.Id, l.RelatedId, l.Related!.DisplayName, l.Related.Email, l.Kind, l.Subject!.IsMinorOn(today),
            l.Grants, RecordAccessPolicy.EffectiveGrants(l, l.Subject, today), l.ConsentBasis, l.ConsentRecordedAt, l.ConsentExpiresOn, l.RevokedAt,
            signingIn.Contains(l.RelatedId), l.Version)).ToList();
    }

    public Task<CommandResult> GrantAsync(UserScope user, GrantRequest request, CancellationToken ct = default) =>
        runner.RunAsync(ConsentRecord, async db =>
    {
        var link = await FindAsync(db, user, request.RelationshipId, ct);
        if (link is null) return CommandResult.NotFound;
        if (link.Version != request.Version) return CommandResult.Conflict("consent record");
        var byStudent = user.ConstituentId == link.SubjectId;
        if (byStudent && request.Basis != ConsentBasis.WrittenConsent) return CommandResult.Invalid("A student gives written consent; other bases are recorded by the secretariat.");
        var now = time.UtcNow();
        link.GrantAccess(request.Grants, request.Basis, byStudent ? user.ConstituentId : null, now, request.ExpiresOn);
        var what = AccessText.Describe(request.Grants);
        var who = byStudent ? "the student" : "the secretariat";
        db.Interactions.Add(Interaction.Log(link.SubjectId, byStudent ? Channel.WebForm : Channel.InPerson, Topic.Family,
            $"{link.Related!.DisplayName} may see {what}", $"Consent ({request.Basis}) recorded by {who}{(request.ExpiresOn is { } e2 ? $", until {e2:yyyy-MM-dd}" : "")}.",
            now, user.ConstituentId, now, inbound: byStudent));
        db.ConsentRecords.Add(Domain.Privacy.ConsentRecord.Of(link.SubjectId, Domain.Privacy.ConsentKind.ParentAccess, given: true, now,
            byStudent ? "family access page, by the student" : $"recorded by the secretariat ({AccessText.Describe(request.Basis)})", user.ConstituentId,
            wording: $"{link.Related!.DisplayName} may see my {what}{(request.ExpiresOn is { } until ? $" until {until:yyyy-MM-dd}" : "")}."));
        audit.Record(db, user, AuditAction.Update, nameof(Relationship), link.Id, link.SubjectId, $"Consent {request.Basis}: {request.Grants}");
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(link.Id);
    }, ct);

    public Task<CommandResult> RevokeAsync(UserScope user, int relationshipId, Guid version, CancellationToken ct = default) =>
        runner.RunAsync(ConsentRecord, async db =>
    {
        var link = await FindAsync(db, user, relationshipId, ct);
        if (link is null) return CommandResult.NotFound;
        if (link.Version != version) return CommandResult.Conflict("consent record");
        if (link.RevokedAt is not null) return CommandResult.Invalid("Access is already withdrawn.");
        var now = time.UtcNow();
        link.Revoke(now);
        var byStudent = user.ConstituentId == link.SubjectId;
        db.Interactions.Add(Interaction.Log(link.SubjectId, byStudent ? Channel.WebForm : Channel.InPerson, Topic.Family,
            $"Access withdrawn from {link.Related!.DisplayName}", byStudent ? "Withdrawn by the student." : "Withdrawn by the secretariat.", now, user.ConstituentId, now, inbound: byStudent));
        db.ConsentRecords.Add(Domain.Privacy.ConsentRecord.Of(link.SubjectId, Domain.Privacy.ConsentKind.ParentAccess, given: false, now,
            byStudent ? "family access page, by the student" : "withdrawn by the secretariat", user.ConstituentId,
            wording: $"{link.Related!.DisplayName} may no longer see my records."));
        audit.Record(db, user, AuditAction.Update, nameof(Relationship), link.Id, link.SubjectId, "Access revoked");
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok(link.Id);
    }, ct);

    private static readonly CommandOptions ConsentRecord = CommandOptions.About("consent record");

    private static bool MayManage(UserScope user, int studentId) =>
        user.IsSecretariat || (user.IsIn(Roles.Student) && user.ConstituentId == studentId);

    private static async Task<Relationship?> FindAsync(CormDbContext db, UserScope user, int relationshipId, CancellationToken ct)
    {
        var link = await db.Relationships.Include(r => r.Related).Where(Relationship.FamilyLink).SingleOrDefaultAsync(r => r.Id == relationshipId, ct);
        return link is not null && MayManage(user, link.SubjectId) ? link : null;
    }
}
