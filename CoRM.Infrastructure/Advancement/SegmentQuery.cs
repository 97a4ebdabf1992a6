using System.Linq.Expressions;
using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using CoRM.Domain.Volunteering;
using CoRM.Infrastructure.Persistence;

namespace CoRM.Infrastructure.Advancement;

/// <summary>
/// Turns segment rules into one database query over constituents: each rule is a condition (an EXISTS or a count over
/// the feature's table, through its index), "not" negates it, rules joined by "or" become one OR'd WHERE, and every
/// such group must hold. Nothing is evaluated in memory.
/// </summary>
internal static class SegmentQuery
{
    public static IQueryable<Constituent> Apply(CormDbContext db, IEnumerable<SegmentRule> rules, DateOnly today, DateTime now)
    {
        var query = db.Constituents.Where(c => c.Kind == ConstituentKind.Person || c.Kind == ConstituentKind.Organisation);
        foreach (var group in SegmentRule.Groups(rules))
        {
            // One parameter for the whole group: each rule's lambda is rebound onto it so the bodies can be OR'd.
            var c = Expression.Parameter(typeof(Constituent), "c");
            Expression? body = null;
            foreach (var rule in group)
            {
                var condition = Condition(db, rule, today, now);
                var test = new Rebind(condition.Parameters[0], c).Visit(condition.Body);
                if (rule.Negate) test = Expression.Not(test);
                body = body is null ? test : Expression.OrElse(body, test);
            }
            query = query.Where(Expression.Lambda<Func<Constituent, bool>>(body!, c));
        }
        return query;
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
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
                var worn = Hat.ActiveOn(today);
                return c => db.Hats.Where(worn).Any(h => h.ConstituentId == c.Id && h.Kind == hat);
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
                var times = rule.Count ?? 1;
                return c => db.Actions.Count(a => a.ConstituentId == c.Id && a.TookOn >= fromDay && a.Type!.Name == action) >= times;
            case SegmentRuleKind.ActionsInCategory:
                var category = rule.Category!.Value;
                var least = rule.Count!.Value;
                return c => db.Actions.Count(a => a.ConstituentId == c.Id && a.TookOn >= fromDay && a.Type!.Category == category) >= least;
            case SegmentRuleKind.EngagementScoreAtLeast:
                var score = rule.Count!.Value;
                return c => db.EngagementScores.Any(s => s.ConstituentId == c.Id && s.Score >= score);
            case SegmentRuleKind.EngagementLevelAtLeast:
                var level = rule.Text!;
                return c => db.EngagementScores.Any(s => s.ConstituentId == c.Id && db.EngagementLevels.Any(l => l.Name == level && s.Score >= l.MinScore));
            case SegmentRuleKind.SubmittedForm:
                var slug = rule.Text!;
                return c => db.FormSubmissions.Any(s => s.ConstituentId == c.Id && s.SubmittedAt >= fromTime
                    && (s.Status == Domain.Engagement.FormSubmissionStatus.Recorded || s.Status == Domain.Engagement.FormSubmissionStatus.Repeat)
                    && db.PublicForms.Any(f => f.Id == s.FormId && f.Slug == slug));
            case SegmentRuleKind.HasTag:
                var tag = rule.Text!;
                return c => db.PersonTags.Any(t => t.ConstituentId == c.Id && db.Tags.Any(x => x.Id == t.TagId && x.Name == tag));
            case SegmentRuleKind.MovedUpLadder or SegmentRuleKind.MovedDownLadder:
                var up = rule.Kind == SegmentRuleKind.MovedUpLadder;
                return c => db.EngagementLevelChanges.Any(m => m.ConstituentId == c.Id && m.Up == up && m.ChangedOn >= fromDay);
            case SegmentRuleKind.HasRelationship:
                var kind = rule.Relationship!.Value;
                var current = Relationship.ActiveOn(today);
                return c => db.Relationships.Where(current).Any(x => x.RelatedId == c.Id && x.Kind == kind);
            case SegmentRuleKind.MayBeEmailed:
                return Constituent.MayBeEmailed;
            case SegmentRuleKind.MayBeWritten:
                var mayReceivePost = Constituent.MayReceivePost;
                return c => db.Constituents.Where(mayReceivePost).Any(p => p.Id == c.Id) && db.Addresses.Any(a => a.ConstituentId == c.Id);
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "Unknown segment rule.");
        }
    }
}
