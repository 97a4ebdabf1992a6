using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Advancement;
using CoRM.Domain.Auditing;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Advancement;

public sealed record SegmentSummary(int Id, string Name, string? Description, bool ReadyMade, IReadOnlyList<SegmentRule> Rules, DateTime UpdatedAt, Guid Version);

public sealed record SegmentMember(int Id, string DisplayName, string? Email, string? Region, bool MayBeEmailed, decimal? Lifetime, DateOnly? LastGiftOn);

/// <summary>
/// Saved segments over the whole constituent model, counted and previewed in the database, and the ready-made ones
/// for the common asks. Advancement staff and administrators.
/// </summary>
public sealed class Segments(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, TimeProvider time)
{
    /// <summary>The seeds' examples, installed once at seeding or first use.</summary>
    public static IReadOnlyList<(string Name, string Description, SegmentRule[] Rules)> ReadyMade =>
    [
        ("Regular event attendees", "Attended 3 or more events in the past year: offer a discount coupon.",
            [new(SegmentRuleKind.AttendedEvents, Count: 3, Months: 12)]),
        ("Petition signers who have not given", "Signed a petition in the past year and have no gift in five years: a first donation ask.",
            [new(SegmentRuleKind.TookAction, Text: "Signed a petition", Months: 12), new(SegmentRuleKind.GaveWithinMonths, Negate: true, Months: 60)]),
        ("Committed volunteers", "Volunteered more than twice in the past 12 months: a board invitation.",
            [new(SegmentRuleKind.VolunteeredShifts, Count: 2, Months: 12)]),
        ("Advocates", "Took an advocacy action (signed a petition, wrote a letter, called) in the past year: tagged for the campaigns team.",
            [new(SegmentRuleKind.ActionsInCategory, Category: Domain.Engagement.ActionCategory.Advocacy, Count: 1, Months: 12)]),
        ("Lapsed donors", "Gave last year, nothing yet this year: a renewal ask.",
            [new(SegmentRuleKind.LapsedDonor), new(SegmentRuleKind.MayBeEmailed)]),
        ("Top donors", "RFM monetary score 5: the major-gift officers' portfolio.",
            [new(SegmentRuleKind.RfmAtLeast, Monetary: 5)]),
    ];

    public async Task<IReadOnlyList<SegmentSummary>> ListAsync(UserScope user, CancellationToken ct = default)
    {
        if (!user.WorksGiving) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Segments.AsNoTracking().OrderByDescending(s => s.ReadyMade).ThenBy(s => s.Name).ToListAsync(ct);
        return rows.Select(Summary).ToList();
    }

    public async Task<SegmentSummary?> GetAsync(UserScope user, int id, CancellationToken ct = default)
    {
        if (!user.WorksGiving) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var segment = await db.Segments.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        return segment is null ? null : Summary(segment);
    }

    /// <summary>The live count for rules being edited; an invalid rule is reported, not counted.</summary>
    public async Task<(int? Count, string? Error)> CountAsync(UserScope user, IReadOnlyList<SegmentRule> rules, CancellationToken ct = default)
    {
        if (!user.WorksGiving) return (null, CommandResult.NotFound.Message);
        var (valid, error) = Validate(rules);
        if (valid is null) return (null, error);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await SegmentQuery.Apply(db, valid, time.Today(), time.UtcNow()).CountAsync(ct), null);
    }

    public async Task<Page<SegmentMember>> PreviewAsync(UserScope user, IReadOnlyList<SegmentRule> rules, int page, int pageSize, CancellationToken ct = default)
    {
        (page, pageSize) = Page<SegmentMember>.Clamp(page, pageSize);
        var (valid, _) = Validate(rules);
        if (!user.WorksGiving || valid is null) return new Page<SegmentMember>([], 0, page, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var members = SegmentQuery.Apply(db, valid, time.Today(), time.UtcNow());
        var total = await members.CountAsync(ct);
        var rows = await Members(db, members.OrderBy(c => c.SortName).ThenBy(c => c.Id).Skip(page * pageSize).Take(pageSize)).ToListAsync(ct);
        return new Page<SegmentMember>(rows, total, page, pageSize);
    }

    public async Task<CommandResult> SaveAsync(UserScope user, int? id, string name, string? description, IReadOnlyList<SegmentRule> rules, Guid? version, CancellationToken ct = default)
    {
        if (!user.WorksGiving) return CommandResult.NotFound;
        var now = time.UtcNow();
        var save = CommandOptions.About("segment", transaction: true) with
        {
            UniqueIndexMessages = new Dictionary<string, string> { ["IX_Segments_Name"] = $"A segment called \"{name.Trim()}\" already exists." },
        };
        return await runner.RunAsync(save, async db =>
        {
            Segment segment;
            if (id is { } existing)
            {
                var found = await db.Segments.SingleOrDefaultAsync(s => s.Id == existing, ct);
                if (found is null) return CommandResult.NotFound;
                segment = found;
                if (segment.Version != version) return CommandResult.Conflict("segment");
                if (segment.ReadyMade) return CommandResult.Invalid("Ready-made segments cannot be changed; save a copy under a new name.");
                segment.Change(name, description, rules, now);
            }
            else
            {
                segment = Segment.Define(name, description, rules, user.ConstituentId, now);
                db.Segments.Add(segment);
            }
            if (await db.Segments.AnyAsync(s => s.Name == segment.Name && s.Id != segment.Id, ct)) return CommandResult.Invalid($"A segment called \"{segment.Name}\" already exists.");
            var created = segment.Id == 0;
            await db.SaveChangesAsync(ct);
            audit.Record(db, user, created ? AuditAction.Create : AuditAction.Update, nameof(Segment), segment.Id, null, segment.Name);
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(segment.Id);
        }, ct);
    }

    /// <summary>Installs the ready-made segments that are missing (by name).</summary>
    public static async Task InstallReadyMadeAsync(CormDbContext db, DateTime now, CancellationToken ct)
    {
        var existing = await db.Segments.Select(s => s.Name).ToListAsync(ct);
        foreach (var (name, description, rules) in ReadyMade.Where(r => !existing.Contains(r.Name)))
            db.Segments.Add(Segment.Define(name, description, rules, null, now, readyMade: true));
        await db.SaveChangesAsync(ct);
    }

    internal static IQueryable<SegmentMember> Members(CormDbContext db, IQueryable<Domain.Constituents.Constituent> constituents)
    {
        var mayBeEmailed = Domain.Constituents.Constituent.MayBeEmailed;
        return constituents.Select(c => new SegmentMember(c.Id, c.DisplayName, c.Email, c.Region, db.Constituents.Where(mayBeEmailed).Any(p => p.Id == c.Id),
            db.DonorScores.Where(s => s.ConstituentId == c.Id).Select(s => (decimal?)s.LifetimeTotal).FirstOrDefault(),
            db.DonorScores.Where(s => s.ConstituentId == c.Id).Select(s => s.LastGiftOn).FirstOrDefault()));
    }

    private static (IReadOnlyList<SegmentRule>? Rules, string? Error) Validate(IReadOnlyList<SegmentRule> rules)
    {
        if (rules.Count == 0) return (null, "Add at least one rule.");
        try
        {
            return (SegmentRule.ValidatedAll(rules), null);
        }
        catch (DomainException e)
        {
            return (null, e.Message);
        }
    }

    private static SegmentSummary Summary(Segment s) => new(s.Id, s.Name, s.Description, s.ReadyMade, s.Rules, s.UpdatedAt, s.Version);
}
