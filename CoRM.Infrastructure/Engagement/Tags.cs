using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Engagement;

public sealed record TagRow(int Id, string Name, string? Description, int People, int Rules);

/// <summary>A tag on one person: when, and by whom or by which rule.</summary>
public sealed record PersonTagRow(int TagId, string Name, string? Description, DateTime TaggedAt, string By);

/// <summary>
/// Tags: labels the engagement office puts on people by hand or through a rule, found again with the segment rule
/// "is tagged". Engagement data: the engagement office reads and writes them, for people within the reader's scope.
/// </summary>
public sealed class Tags(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, TimeProvider time)
{
    private static readonly CommandOptions Options = CommandOptions.About("tag") with
    {
        UniqueIndexMessages = new Dictionary<string, string>
        {
            ["IX_Tags_Name"] = "Another tag already has that name.",
            ["IX_PersonTags_TagId_ConstituentId"] = "The person already carries that tag.",
        },
    };

    public async Task<IReadOnlyList<TagRow>> ListAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.MeasuresEngagement) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Tags.OrderBy(t => t.Name)
            .Select(t => new TagRow(t.Id, t.Name, t.Description, db.PersonTags.Count(p => p.TagId == t.Id), db.EngagementRules.Count(r => r.TagId == t.Id)))
            .ToListAsync(ct);
    }

    public Task<CommandResult> CreateAsync(UserScope user, string name, string? description, CancellationToken ct = default)
    {
        if (!user.MeasuresEngagement) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(Options, async db =>
        {
            var tag = Tag.Define(name, description, time.UtcNow());
            db.Tags.Add(tag);
            await db.SaveChangesAsync(ct);
            audit.Record(db, user, AuditAction.Create, nameof(Tag), tag.Id, null, tag.Name);
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(tag.Id);
        }, ct);
    }

    /// <summary>The person's tags, newest first; nothing when the reader is not of the engagement office or may not see the person.</summary>
    public async Task<IReadOnlyList<PersonTagRow>?> ForPersonAsync(UserScope user, int constituentId, CancellationToken ct = default)
    {
        if (!user.MeasuresEngagement) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await ConstituentScope.VisibleTo(db, user, time).AnyAsync(c => c.Id == constituentId, ct)) return null;
        return await db.PersonTags.Where(p => p.ConstituentId == constituentId).Join(db.Tags, p => p.TagId, t => t.Id, (p, t) => new { p, t })
            .OrderByDescending(x => x.p.TaggedAt).ThenBy(x => x.t.Name)
            .Select(x => new PersonTagRow(x.t.Id, x.t.Name, x.t.Description, x.p.TaggedAt,
                x.p.RuleId != null ? "rule: " + db.EngagementRules.Where(r => r.Id == x.p.RuleId).Select(r => r.Name).FirstOrDefault()
                : db.Constituents.Where(c => c.Id == x.p.TaggedById).Select(c => c.DisplayName).FirstOrDefault() ?? "a rule since deleted"))
            .ToListAsync(ct);
    }

    public Task<CommandResult> TagAsync(UserScope user, int constituentId, int tagId, CancellationToken ct = default) =>
        ChangeAsync(user, constituentId, tagId, add: true, ct);

    public Task<CommandResult> UntagAsync(UserScope user, int constituentId, int tagId, CancellationToken ct = default) =>
        ChangeAsync(user, constituentId, tagId, add: false, ct);

    private Task<CommandResult> ChangeAsync(UserScope user, int constituentId, int tagId, bool add, CancellationToken ct)
    {
        if (!user.MeasuresEngagement) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(Options, async db =>
        {
            if (!await ConstituentScope.VisibleTo(db, user, time).AnyAsync(c => c.Id == constituentId, ct)) return CommandResult.NotFound;
            var tag = await db.Tags.SingleOrDefaultAsync(t => t.Id == tagId, ct);
            if (tag is null) return CommandResult.Invalid("That tag no longer exists.");
            var existing = await db.PersonTags.SingleOrDefaultAsync(p => p.TagId == tagId && p.ConstituentId == constituentId, ct);
            if (add)
            {
                if (existing is not null) return CommandResult.Invalid($"The person already carries the tag \"{tag.Name}\".");
                db.PersonTags.Add(new PersonTag { TagId = tagId, ConstituentId = constituentId, TaggedAt = time.UtcNow(), TaggedById = user.ConstituentId });
            }
            else
            {
                if (existing is null) return CommandResult.Invalid($"The person no longer carries the tag \"{tag.Name}\".");
                db.PersonTags.Remove(existing);
            }
            audit.Record(db, user, add ? AuditAction.Create : AuditAction.Delete, nameof(PersonTag), tagId, constituentId, add ? $"Tagged \"{tag.Name}\"" : $"Untagged \"{tag.Name}\"");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(tagId);
        }, ct);
    }
}
