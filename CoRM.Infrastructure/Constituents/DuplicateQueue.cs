using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Constituents;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Constituents;

/// <summary>One side of a possible duplicate, as a steward compares them: enough to tell two people apart, no more.</summary>
public sealed record DuplicateSide(int Id, string DisplayName, string? Email, DateOnly? BirthDate, string? Region, string? StudentNumber,
    DateTime CreatedAt, IReadOnlyList<HatKind> Hats, int Interactions);

public sealed record DuplicateRow(int Id, int Score, string Reasons, DateTime FoundAt, DuplicateStatus Status, DuplicateSide First, DuplicateSide Second);

/// <summary>What the queue shows: open pairs by default, the best first; narrowed by score, a reason, a hat or how recent.</summary>
public sealed record DuplicateFilter(int MinScore = 0, string? Reason = null, HatKind? Hat = null, int? FoundWithinDays = null, DuplicateStatus Status = DuplicateStatus.Open);

/// <summary>
/// The review queue of possible duplicates: data stewards and administrators only — anyone else gets an empty page
/// and "not found", as for a record outside their scope.
/// </summary>
public sealed class DuplicateQueue(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, TimeProvider time)
{
    public async Task<Page<DuplicateRow>> ListAsync(UserScope user, DuplicateFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        (page, pageSize) = Page<DuplicateRow>.Clamp(page, pageSize);
        if (!user.StewardsData) return new Page<DuplicateRow>([], 0, page, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = time.Today();
        var query = db.DuplicateCandidates.Where(d => d.Status == filter.Status && d.Score >= filter.MinScore);
        if (!string.IsNullOrWhiteSpace(filter.Reason)) query = query.Where(d => d.Reasons.Contains(filter.Reason.Trim()));
        if (filter.FoundWithinDays is { } days)
        {
            var since = time.UtcNow().AddDays(-days);
            query = query.Where(d => d.FoundAt >= since);
        }
        if (filter.Hat is { } hat)
        {
            var worn = db.Hats.Where(Hat.ActiveOn(today)).Where(h => h.Kind == hat).Select(h => h.ConstituentId);
            query = query.Where(d => worn.Contains(d.FirstId) || worn.Contains(d.SecondId));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(d => d.Score).ThenBy(d => d.Id).Skip(page * pageSize).Take(pageSize)
            .Select(d => new { d.Id, d.Score, d.Reasons, d.FoundAt, d.Status, d.FirstId, d.SecondId }).ToListAsync(ct);
        var ids = rows.SelectMany(r => new[] { r.FirstId, r.SecondId }).Distinct().ToList();
        var sides = await SidesAsync(db, ids, today, ct);
        return new Page<DuplicateRow>(rows.Select(r => new DuplicateRow(r.Id, r.Score, r.Reasons, r.FoundAt, r.Status, sides[r.FirstId], sides[r.SecondId])).ToList(),
            total, page, pageSize);
    }

    /// <summary>"Not a duplicate": two people after all; the finder will not raise the pair again.</summary>
    public Task<CommandResult> MarkNotDuplicateAsync(UserScope user, int candidateId, CancellationToken ct = default)
    {
        if (!user.StewardsData) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(CommandOptions.About("pair"), async db =>
        {
            var pair = await db.DuplicateCandidates.SingleOrDefaultAsync(d => d.Id == candidateId, ct);
            if (pair is null) return CommandResult.NotFound;
            pair.MarkNotDuplicate(user.ConstituentId, time.UtcNow());
            audit.Record(db, user, AuditAction.Update, nameof(DuplicateCandidate), pair.Id, pair.FirstId, $"Not a duplicate of C-{pair.SecondId}");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(pair.Id);
        }, ct);
    }

    private static async Task<Dictionary<int, DuplicateSide>> SidesAsync(CormDbContext db, List<int> ids, DateOnly today, CancellationToken ct)
    {
        var people = await db.Constituents.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.DisplayName, c.Email, c.BirthDate, c.Region, c.StudentNumber, c.CreatedAt }).ToListAsync(ct);
        var hats = await db.Hats.Where(Hat.ActiveOn(today)).Where(h => ids.Contains(h.ConstituentId)).Select(h => new { h.ConstituentId, h.Kind }).ToListAsync(ct);
        var interactions = await db.Interactions.Where(i => ids.Contains(i.ConstituentId)).GroupBy(i => i.ConstituentId)
            .Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Count, ct);
        return people.ToDictionary(p => p.Id, p => new DuplicateSide(p.Id, p.DisplayName, p.Email, p.BirthDate, p.Region, p.StudentNumber, p.CreatedAt,
            hats.Where(h => h.ConstituentId == p.Id).Select(h => h.Kind).Distinct().Order().ToList(), interactions.GetValueOrDefault(p.Id)));
    }
}
