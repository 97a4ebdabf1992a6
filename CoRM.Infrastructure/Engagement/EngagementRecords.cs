using CoRM.Domain.Access;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Engagement;

public sealed record EngagementPartRow(EngagementMeasure Measure, decimal Units, int Points);

public sealed record LevelMoveRow(DateOnly On, string? From, string? To, bool Up, int FromScore, int ToScore);

/// <summary>
/// One person's engagement as the reader may see it: the score and rung, the explanation in words limited to the
/// measures the reader's topics allow (the rest is a sum of points), the parts, and the moves on the ladder.
/// </summary>
public sealed record EngagementView(int Score, string? Level, DateOnly? LevelSince, string Explanation, IReadOnlyList<EngagementPartRow> Parts,
    int HiddenPoints, IReadOnlyList<LevelMoveRow> Moves, DateOnly? ComputedOn, IReadOnlyList<string> Ladder);

/// <summary>Reads one person's engagement (the engagement office only, within the reader's scope).</summary>
public sealed class EngagementRecords(IDbContextFactory<CormDbContext> dbFactory, TimeProvider time)
{
    public const int MovesShown = 12;

    /// <summary>Which measures a reader may see explained: money with giving, hours with volunteering, cases with case work.</summary>
    public static bool MaySee(UserScope user, EngagementMeasure measure) => measure switch
    {
        EngagementMeasure.Gifts or EngagementMeasure.RecentGift => TopicVisibility.MayRead(user, Topic.Giving),
        EngagementMeasure.VolunteerHours => TopicVisibility.MayRead(user, Topic.Volunteering),
        EngagementMeasure.CasesResolved => TopicVisibility.MayRead(user, Topic.Case),
        _ => TopicVisibility.MayRead(user, Topic.Engagement),
    };

    public async Task<EngagementView?> GetAsync(UserScope user, int constituentId, CancellationToken ct = default)
    {
        if (!user.MeasuresEngagement) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await ConstituentScope.VisibleTo(db, user, time).AnyAsync(c => c.Id == constituentId, ct)) return null;

        var ladder = await db.EngagementLevels.AsNoTracking().OrderBy(l => l.MinScore).ToListAsync(ct);
        var weights = await db.EngagementWeights.AsNoTracking().ToListAsync(ct);
        var row = await db.EngagementScores.AsNoTracking().SingleOrDefaultAsync(s => s.ConstituentId == constituentId, ct);
        var moves = await db.EngagementLevelChanges.Where(m => m.ConstituentId == constituentId)
            .OrderByDescending(m => m.ChangedOn).ThenByDescending(m => m.Id).Take(MovesShown)
            .Select(m => new LevelMoveRow(m.ChangedOn,
                db.EngagementLevels.Where(l => l.Id == m.FromLevelId).Select(l => l.Name).FirstOrDefault(),
                db.EngagementLevels.Where(l => l.Id == m.ToLevelId).Select(l => l.Name).FirstOrDefault(), m.Up, m.FromScore, m.ToScore))
            .ToListAsync(ct);
        var names = ladder.Select(l => l.Name).ToList();
        if (row is null)
            return new EngagementView(0, null, null, EngagementScoring.Explain(EngagementInputs.None, [], _ => true), [], 0, moves, null, names);

        // The parts as the stored counts earn them today; the score is last night's (weights changed since apply tonight).
        var parts = EngagementScoring.Parts(row.Inputs, weights);
        var visible = (EngagementMeasure m) => MaySee(user, m);
        IReadOnlyList<(string, int)>? byType = null;
        if (visible(EngagementMeasure.Actions) && row.Actions > 0)
        {
            var from = time.Today().AddMonths(-EngagementScoring.WindowMonths);
            byType = (await db.Actions.Where(a => a.ConstituentId == constituentId && a.TookOn >= from)
                .GroupBy(a => a.Type!.Name).Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).ThenBy(g => g.Key).ToListAsync(ct))
                .Select(g => (g.Key, g.Count)).ToList();
            // Actions recorded since last night's run would not add up to the score: then say only how many it counted.
            if (byType.Sum(t => t.Item2) != row.Actions) byType = null;
        }
        return new EngagementView(row.Score, ladder.SingleOrDefault(l => l.Id == row.LevelId)?.Name, row.LevelId is null ? null : row.LevelSince,
            EngagementScoring.Explain(row.Inputs, parts, visible, byType),
            parts.Where(p => visible(p.Measure)).Select(p => new EngagementPartRow(p.Measure, p.Units, p.Points)).ToList(),
            parts.Where(p => !visible(p.Measure)).Sum(p => p.Points), moves, row.ComputedOn, names);
    }
}
