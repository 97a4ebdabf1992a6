using System.Linq.Expressions;
using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using CoRM.Domain.Volunteering;
using CoRM.Infrastructure.Persistence;

namespace CoRM.Infrastructure.Advancement;

/// <summary>
/// Turns segment rules into one database query over constituents: each rule is a WHERE (an EXISTS or a count over
/// the feature's table, through its index), "not" negates it, and all must hold. Nothing is evaluated in memory.
/// </summary>
internal static class SegmentQuery
{
    public static IQueryable<Constituent> Apply(CormDbContext db, IEnumerable<SegmentRule> rules, DateOnly today, DateTime now)
    {
        var query = db.Constituents.Where(c => c.Kind == ConstituentKind.Person || c.Kind == ConstituentKind.Organisation);
        foreach (var rule in rules)
        {
            var condition = Condition(db, rule, today, now);
            query = query.Where(rule.Negate ? Expression.Lambda<Func<Constituent, bool>>(Expression.Not(condition.Body), condition.Parameters) : condition);
        }
        return query;
    }

    private static Expression<Func<Constituent, bool>> Condition(CormDbContext db, SegmentRule rule, DateOnly today, DateTime now)
    {
        var months = rule.Months ?? 12;
        var fromDay = today.AddMonths(-months);
        var fromTime = now.AddMonths(-months);
        switch (rule.Kind)
        {
            case SegmentRuleKind.WearsHat:
                var hat = rule.Hat!.Value;
                return c => c.Hats.Any(h => h.Kind == hat && h.StartDate <= today && (h.EndDate == null || h.EndDate >= today));
            case SegmentRuleKind.InRegion:
                var region = rule.Text!;
                return c => c.Region == region;
            case SegmentRuleKind.GaveWithinMonths:
                return c => db.Gifts.Any(g => g.DonorId == c.Id && g.ReceivedOn >= fromDay);
            case SegmentRuleKind.LapsedDonor:
                var lastYear = new DateOnly(today.Year - 1, 1, 1);
                var thisYear = new DateOnly(today.Year, 1, 1);
                return c => db.Gifts.Any(g => g.DonorId == c.Id && g.ReceivedOn >= lastYear && g.ReceivedOn < thisYear)
                            && !db.Gifts.Any(g => g.DonorId == c.Id && g.ReceivedOn >= thisYear);
            case SegmentRuleKind.GaveAtLeast:
                var amount = rule.Amount!.Value;
                return c => db.Gifts.Where(g => g.DonorId == c.Id && g.ReceivedOn >= fromDay).Sum(g => (decimal?)g.Amount) >= amount;
            case SegmentRuleKind.RfmAtLeast:
                var (r, f, m) = (rule.Recency, rule.Frequency, rule.Monetary);
                return c => db.DonorScores.Any(s => s.ConstituentId == c.Id && s.Recency >= r && s.Frequency >= f && s.Monetary >= m && s.Recency > 0);
            case SegmentRuleKind.AttendedEvents:
                var events = rule.Count!.Value;
                return c => db.EventRegistrations.Count(e => e.ConstituentId == c.Id && e.Attended == true && db.GivingEvents.Any(g => g.Id == e.EventId && g.StartsAt >= fromTime && g.StartsAt <= now)) >= events;
            case SegmentRuleKind.VolunteeredShifts:
                var shifts = rule.Count!.Value;
                return c => db.SignUps.Count(u => u.VolunteerId == c.Id && u.Status == SignUpStatus.Attended && db.Shifts.Any(s => s.Id == u.ShiftId && s.StartsAt >= fromTime && s.StartsAt <= now)) > shifts;
            case SegmentRuleKind.TookAction:
                var action = rule.Text!;
                return c => db.Interactions.Any(i => i.ConstituentId == c.Id && i.OccurredAt >= fromTime && i.Subject.StartsWith(action));
            case SegmentRuleKind.HasRelationship:
                var kind = rule.Relationship!.Value;
                return c => db.Relationships.Any(x => x.RelatedId == c.Id && x.Kind == kind && x.StartDate <= today && (x.EndDate == null || x.EndDate >= today));
            case SegmentRuleKind.MayBeEmailed:
                return Constituent.MayBeEmailed;
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "Unknown segment rule.");
        }
    }
}
