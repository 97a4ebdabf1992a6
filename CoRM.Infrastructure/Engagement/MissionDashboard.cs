using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Advancement;
using CoRM.Domain.Cases;
using CoRM.Domain.Constituents;
using CoRM.Domain.Volunteering;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Engagement;

public enum MissionPeriodKind
{
    Last30Days = 0,
    Last90Days = 1,
    Last12Months = 2,
    ThisYear = 3,
    LastYear = 4,
}

/// <summary>
/// A period of whole days, <see cref="To"/> excluded. Compared with the same days a year earlier when
/// <paramref name="YearOnYear"/> (this year so far beside last year so far), otherwise with the days just before.
/// </summary>
public sealed record MissionPeriod(DateOnly From, DateOnly To, bool YearOnYear = false)
{
    public int Days => To.DayNumber - From.DayNumber;

    public MissionPeriod Previous => YearOnYear ? this with { From = From.AddYears(-1), To = To.AddYears(-1) } : this with { From = From.AddDays(-Days), To = From };

    /// <summary>The zone whose midnights bound the period's days (the institution's, set by the dashboard); UTC when unset.</summary>
    public TimeZoneInfo? Zone { get; init; }

    public static MissionPeriod Of(MissionPeriodKind kind, DateOnly today) => kind switch
    {
        MissionPeriodKind.Last30Days => new(today.AddDays(-29), today.AddDays(1)),
        MissionPeriodKind.Last90Days => new(today.AddDays(-89), today.AddDays(1)),
        MissionPeriodKind.ThisYear => new(new DateOnly(today.Year, 1, 1), today.AddDays(1), YearOnYear: true),
        MissionPeriodKind.LastYear => new(new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year, 1, 1), YearOnYear: true),
        // Twelve calendar months, this one included, so the monthly trend has whole months but the last.
        _ => new(new DateOnly(today.Year, today.Month, 1).AddMonths(-11), today.AddDays(1), YearOnYear: true),
    };

    // A shift or event belongs to the day it starts on where the institution is: 00:30 in Lisbon in July is 23:30 UTC the day before.
    internal DateTime FromTime => WallClock.StartOfDay(From, Zone ?? TimeZoneInfo.Utc);
    internal DateTime ToTime => WallClock.StartOfDay(To, Zone ?? TimeZoneInfo.Utc);

    /// <summary>The calendar months the period touches, first to last.</summary>
    public IEnumerable<DateOnly> Months()
    {
        for (var m = new DateOnly(From.Year, From.Month, 1); m < To; m = m.AddMonths(1)) yield return m;
    }

    /// <summary>
    /// The month (as yyyymm) an instant falls in where the institution is, as SQL every provider runs: a CASE over the
    /// months' starting instants in UTC. Grouping by the UTC month would put a shift at 23:30 UTC on 30 June, which is
    /// 00:30 on 1 July in Lisbon, into June; the boundaries move with summer time, so no fixed offset would do.
    /// </summary>
    internal Expression MonthKeyOf(Expression utcInstant)
    {
        var months = Months().ToList();
        Expression key = Expression.Constant(MonthKey(months[^1]));
        for (var i = months.Count - 2; i >= 0; i--)
        {
            var nextStarts = WallClock.StartOfDay(months[i + 1], Zone ?? TimeZoneInfo.Utc);
            key = Expression.Condition(Expression.LessThan(utcInstant, Expression.Constant(nextStarts)), Expression.Constant(MonthKey(months[i])), key);
        }
        return key;
    }

    internal static int MonthKey(DateOnly month) => month.Year * 100 + month.Month;
}

/// <summary>What a figure measures: the dashboard links each to the people behind it where the reader may see them.</summary>
public enum MissionMeasure
{
    PeopleEngaged, NewPeople, RetainedPeople, Actions, PeopleActing, Attendances, VolunteerHours, Volunteers, CasesResolved, PeopleHelped, MoneyRaised, Donors,
}

public sealed record MissionFigure(MissionMeasure Measure, decimal Current, decimal Previous);

public sealed record LevelCount(int? LevelId, string Level, int MinScore, int People);

public sealed record ActionTypeCount(int TypeId, string Type, Domain.Engagement.ActionCategory Category, int Current, int Previous);

public sealed record MonthTrend(int Year, int Month, int PeopleEngaged, int Actions, int Attendances, decimal VolunteerHours, decimal? MoneyRaised);

public sealed record BreakdownRow(string Key, int People);

/// <summary>The institution's whole engagement for a period beside the previous one. Money appears only for readers who may see giving.</summary>
public sealed record MissionView(
    MissionPeriod Period, MissionPeriod Previous, IReadOnlyList<MissionFigure> Figures, IReadOnlyList<LevelCount> Ladder, int MovedUp, int MovedDown,
    IReadOnlyList<ActionTypeCount> ActionsByType, IReadOnlyList<MonthTrend> Months, IReadOnlyList<BreakdownRow> ByRegion, IReadOnlyList<BreakdownRow> ByHat,
    bool ShowsMoney, string Currency, DateOnly? ScoredOn);

/// <summary>
/// The mission dashboard: people engaged (gave, volunteered, attended or acted), new and retained, actions by type,
/// attendance, hours, cases resolved and people helped (counts), money raised; by month, region and hat. Every figure is
/// one aggregate query in the database; no individual leaves it.
/// </summary>
public sealed class MissionDashboard(IDbContextFactory<CormDbContext> dbFactory, TimeProvider time)
{
    public async Task<MissionView?> GetAsync(UserScope user, MissionPeriod period, CancellationToken ct = default)
    {
        if (!user.MeasuresEngagement) return null;
        period = period with { Zone = time.LocalTimeZone };
        var money = user.WorksGiving;
        var previous = period.Previous;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(2));

        // The engaged of this period (with their region), of the previous one and of the one before it (for the previous
        // period's "new"): three scans of the union, then sets in memory, instead of one scan per figure.
        var current = await Engaged(db, period).Join(db.Constituents, id => id, c => c.Id, (id, c) => new { Id = id, c.Region }).ToListAsync(ct);
        var now = current.Select(x => x.Id).ToHashSet();
        var before = (await Engaged(db, previous).ToListAsync(ct)).ToHashSet();
        var earlier = (await Engaged(db, previous.Previous).ToListAsync(ct)).ToHashSet();

        async Task<MissionFigure> Figure(MissionMeasure measure, Func<MissionPeriod, Task<decimal>> of) => new(measure, await of(period), await of(previous));
        var figures = new List<MissionFigure>
        {
            new(MissionMeasure.PeopleEngaged, now.Count, before.Count),
            new(MissionMeasure.NewPeople, now.Count(id => !before.Contains(id)), before.Count(id => !earlier.Contains(id))),
            new(MissionMeasure.RetainedPeople, now.Count(before.Contains), before.Count(earlier.Contains)),
            await Figure(MissionMeasure.Actions, async p => await Actions(db, p).CountAsync(ct)),
            await Figure(MissionMeasure.PeopleActing, async p => await Actions(db, p).Select(a => a.ConstituentId).Distinct().CountAsync(ct)),
            await Figure(MissionMeasure.Attendances, async p => await Attended(db, p).CountAsync(ct)),
            await Figure(MissionMeasure.VolunteerHours, async p => await Shifts(db, p).SumAsync(u => u.Hours ?? 0, ct)),
            await Figure(MissionMeasure.Volunteers, async p => await Shifts(db, p).Select(u => u.VolunteerId).Distinct().CountAsync(ct)),
            await Figure(MissionMeasure.CasesResolved, async p => await db.Cases.CountAsync(c => c.Status == CaseStatus.Resolved && c.ClosedOn >= p.From && c.ClosedOn < p.To, ct)),
            await Figure(MissionMeasure.PeopleHelped, async p => await Helped(db, p).CountAsync(ct)),
        };
        if (money)
        {
            figures.Add(await Figure(MissionMeasure.MoneyRaised, async p => await Gifts(db, p).SumAsync(g => (decimal?)g.Amount, ct) ?? 0));
            figures.Add(await Figure(MissionMeasure.Donors, async p => await Gifts(db, p).Select(g => g.DonorId).Distinct().CountAsync(ct)));
        }

        var levels = await db.EngagementLevels.OrderByDescending(l => l.MinScore)
            .Select(l => new LevelCount(l.Id, l.Name, l.MinScore, db.EngagementScores.Count(s => s.LevelId == l.Id))).ToListAsync(ct);
        var moves = await db.EngagementLevelChanges.Where(m => m.ChangedOn >= period.From && m.ChangedOn < period.To)
            .GroupBy(m => m.Up).Select(g => new { Up = g.Key, Count = g.Count() }).ToListAsync(ct);
        var byType = await ActionsByTypeAsync(db, period, ct);
        var months = await MonthsAsync(db, period, money, ct);
        var byRegion = current.GroupBy(x => x.Region).Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).ToList();
        var today = time.Today();
        var byHat = await ByHat(db, period, today).ToListAsync(ct);
        var scoredOn = await db.EngagementScores.MaxAsync(s => (DateOnly?)s.ComputedOn, ct);

        return new MissionView(period, previous, figures, levels, moves.Where(m => m.Up).Sum(m => m.Count), moves.Where(m => !m.Up).Sum(m => m.Count), byType, months,
            byRegion.Select(r => new BreakdownRow(r.Key ?? "No region", r.Count)).ToList(),
            byHat.OrderByDescending(h => h.People).Select(h => new BreakdownRow(h.Hat.ToString(), h.People)).ToList(), money, Money.DefaultCurrency, scoredOn);
    }

    /// <summary>The dashboard as a table for CSV: every figure beside the previous period, then actions, the ladder, months, regions and hats.</summary>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows) ToTable(MissionView view)
    {
        var headers = new[] { "Section", "Item", $"{view.Period.From:yyyy-MM-dd} to {view.Period.To.AddDays(-1):yyyy-MM-dd}", $"{view.Previous.From:yyyy-MM-dd} to {view.Previous.To.AddDays(-1):yyyy-MM-dd}" };
        var rows = new List<IReadOnlyList<object?>>();
        rows.AddRange(view.Figures.Select(f => new object?[] { "Figure", f.Measure.ToString(), f.Current, f.Previous }));
        rows.AddRange(view.ActionsByType.Select(a => new object?[] { "Actions", a.Type, a.Current, a.Previous }));
        rows.AddRange(view.Ladder.Select(l => new object?[] { "Ladder today", l.Level, l.People, null }));
        rows.Add(["Ladder moves", "Up", view.MovedUp, null]);
        rows.Add(["Ladder moves", "Down", view.MovedDown, null]);
        foreach (var m in view.Months)
        {
            var month = $"{m.Year:D4}-{m.Month:D2}";
            rows.Add(["Month", $"{month} people engaged", m.PeopleEngaged, null]);
            rows.Add(["Month", $"{month} actions", m.Actions, null]);
            rows.Add(["Month", $"{month} attendances", m.Attendances, null]);
            rows.Add(["Month", $"{month} volunteer hours", m.VolunteerHours, null]);
            if (m.MoneyRaised is { } raised) rows.Add(["Month", $"{month} money raised ({view.Currency})", raised, null]);
        }
        rows.AddRange(view.ByRegion.Select(r => new object?[] { "Region", r.Key, r.People, null }));
        rows.AddRange(view.ByHat.Select(h => new object?[] { "Hat", h.Key, h.People, null }));
        return (headers, rows);
    }

    /// <summary>Everyone who gave, volunteered (attended a shift), attended an event or took an action in the period, once each.</summary>
    internal static IQueryable<int> Engaged(CormDbContext db, MissionPeriod p) =>
        Gifts(db, p).Select(g => g.DonorId)
            .Union(Actions(db, p).Select(a => a.ConstituentId))
            .Union(Shifts(db, p).Select(u => u.VolunteerId))
            .Union(Attended(db, p).Select(r => r.ConstituentId));

    private static IQueryable<Gift> Gifts(CormDbContext db, MissionPeriod p) => db.Gifts.Where(g => g.ReceivedOn >= p.From && g.ReceivedOn < p.To);

    private static IQueryable<Domain.Engagement.ConstituentAction> Actions(CormDbContext db, MissionPeriod p) => db.Actions.Where(a => a.TookOn >= p.From && a.TookOn < p.To);

    private static IQueryable<SignUp> Shifts(CormDbContext db, MissionPeriod p)
    {
        var (from, to) = (p.FromTime, p.ToTime);
        return db.SignUps.Where(u => u.Status == SignUpStatus.Attended && db.Shifts.Any(s => s.Id == u.ShiftId && s.StartsAt >= from && s.StartsAt < to));
    }

    private static IQueryable<EventRegistration> Attended(CormDbContext db, MissionPeriod p)
    {
        var (from, to) = (p.FromTime, p.ToTime);
        return db.EventRegistrations.Where(r => r.Attended == true && r.CancelledAt == null && db.GivingEvents.Any(e => e.Id == r.EventId && e.StartsAt >= from && e.StartsAt < to));
    }

    /// <summary>Clients of a case that was open at some time in the period (opened before its end, not closed before its start).</summary>
    private static IQueryable<int> Helped(CormDbContext db, MissionPeriod p) =>
        db.CaseClients.Where(cc => db.Cases.Any(c => c.Id == cc.CaseId && c.Status != CaseStatus.Intake && c.OpenedOn < p.To && (c.ClosedOn == null || c.ClosedOn >= p.From)))
            .Select(cc => cc.ConstituentId).Distinct();

    internal sealed record MonthCount(int Year, int Month, int Count);

    internal sealed record HatCount(HatKind Hat, int People);

    /// <summary>People engaged by the hats they wear today: the union joined to the hats (a seek per person), not an IN over it (4.3 s to … at 114,000 people).</summary>
    internal static IQueryable<HatCount> ByHat(CormDbContext db, MissionPeriod p, DateOnly today) =>
        Engaged(db, p).Join(db.Hats.Where(Hat.ActiveOn(today)), id => id, h => h.ConstituentId, (id, h) => new { id, h.Kind })
            .Distinct().GroupBy(x => x.Kind).Select(g => new HatCount(g.Key, g.Count()));

    /// <summary>Who did something (or how many hours), and when: a row before it is put in its month.</summary>
    internal sealed class Stamp
    {
        public int Id { get; init; }
        public DateTime At { get; init; }
        public decimal Hours { get; init; }
    }

    /// <summary>A person (or hours) in a month, the month as yyyymm.</summary>
    internal sealed class InMonth
    {
        public int Id { get; init; }
        public int Month { get; init; }
        public decimal Hours { get; init; }
    }

    /// <summary>Puts a shift's or an event's stamp in the institution's month (see <see cref="MissionPeriod.MonthKeyOf"/>).</summary>
    private static Expression<Func<Stamp, InMonth>> IntoMonth(MissionPeriod p)
    {
        var stamp = Expression.Parameter(typeof(Stamp), "s");
        return Expression.Lambda<Func<Stamp, InMonth>>(Expression.MemberInit(Expression.New(typeof(InMonth)),
            Expression.Bind(typeof(InMonth).GetProperty(nameof(InMonth.Id))!, Expression.Property(stamp, nameof(Stamp.Id))),
            Expression.Bind(typeof(InMonth).GetProperty(nameof(InMonth.Month))!, p.MonthKeyOf(Expression.Property(stamp, nameof(Stamp.At)))),
            Expression.Bind(typeof(InMonth).GetProperty(nameof(InMonth.Hours))!, Expression.Property(stamp, nameof(Stamp.Hours)))), stamp);
    }

    private static IQueryable<InMonth> ShiftMonths(CormDbContext db, MissionPeriod p, bool withHours)
    {
        var (from, to) = (p.FromTime, p.ToTime);
        return db.SignUps.Where(u => u.Status == SignUpStatus.Attended)
            .Join(db.Shifts.Where(s => s.StartsAt >= from && s.StartsAt < to), u => u.ShiftId, s => s.Id,
                (u, s) => new Stamp { Id = u.VolunteerId, At = s.StartsAt, Hours = withHours ? u.Hours ?? 0 : 0 })
            .Select(IntoMonth(p));
    }

    private static IQueryable<InMonth> EventMonths(CormDbContext db, MissionPeriod p)
    {
        var (from, to) = (p.FromTime, p.ToTime);
        return db.EventRegistrations.Where(r => r.Attended == true && r.CancelledAt == null)
            .Join(db.GivingEvents.Where(e => e.StartsAt >= from && e.StartsAt < to), r => r.EventId, e => e.Id, (r, e) => new Stamp { Id = r.ConstituentId, At = e.StartsAt, Hours = 0 })
            .Select(IntoMonth(p));
    }

    /// <summary>
    /// People engaged per month: each person once per month, whatever they did (the union is distinct). Gifts and actions
    /// carry a date already; shifts and events an instant, put in the institution's month.
    /// </summary>
    internal static IQueryable<MonthCount> MonthlyPeople(CormDbContext db, MissionPeriod p) =>
        Gifts(db, p).Select(g => new InMonth { Id = g.DonorId, Month = g.ReceivedOn.Year * 100 + g.ReceivedOn.Month, Hours = 0 })
            .Union(Actions(db, p).Select(a => new InMonth { Id = a.ConstituentId, Month = a.TookOn.Year * 100 + a.TookOn.Month, Hours = 0 }))
            .Union(ShiftMonths(db, p, withHours: false))
            .Union(EventMonths(db, p))
            .GroupBy(x => x.Month).Select(g => new MonthCount(g.Key / 100, g.Key % 100, g.Count()));

    private static async Task<IReadOnlyList<ActionTypeCount>> ActionsByTypeAsync(CormDbContext db, MissionPeriod period, CancellationToken ct)
    {
        var previous = period.Previous;
        var rows = await db.Actions.Where(a => a.TookOn >= previous.From && a.TookOn < period.To)
            .GroupBy(a => new { a.ActionTypeId, Current = a.TookOn >= period.From })
            .Select(g => new { g.Key.ActionTypeId, g.Key.Current, Count = g.Count() }).ToListAsync(ct);
        var types = await db.ActionTypes.ToDictionaryAsync(t => t.Id, ct);
        return rows.GroupBy(r => r.ActionTypeId)
            .Select(g => new ActionTypeCount(g.Key, types[g.Key].Name, types[g.Key].Category, g.Where(r => r.Current).Sum(r => r.Count), g.Where(r => !r.Current).Sum(r => r.Count)))
            .OrderByDescending(a => a.Current).ThenBy(a => a.Type).ToList();
    }

    private static async Task<IReadOnlyList<MonthTrend>> MonthsAsync(CormDbContext db, MissionPeriod p, bool money, CancellationToken ct)
    {
        var gifts = await Gifts(db, p).GroupBy(g => new { g.ReceivedOn.Year, g.ReceivedOn.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Amount = g.Sum(x => x.Amount) }).ToListAsync(ct);
        var actions = await Actions(db, p).GroupBy(a => new { a.TookOn.Year, a.TookOn.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        var hours = await ShiftMonths(db, p, withHours: true)
            .GroupBy(x => x.Month).Select(g => new { Year = g.Key / 100, Month = g.Key % 100, Hours = g.Sum(x => x.Hours) }).ToListAsync(ct);
        var attended = await EventMonths(db, p)
            .GroupBy(x => x.Month).Select(g => new { Year = g.Key / 100, Month = g.Key % 100, Count = g.Count() }).ToListAsync(ct);
        var people = await MonthlyPeople(db, p).ToListAsync(ct);

        var result = new List<MonthTrend>();
        foreach (var m in p.Months())
        {
            bool Is(int y, int mo) => y == m.Year && mo == m.Month;
            result.Add(new MonthTrend(m.Year, m.Month,
                people.Where(x => Is(x.Year, x.Month)).Sum(x => x.Count),
                actions.Where(x => Is(x.Year, x.Month)).Sum(x => x.Count),
                attended.Where(x => Is(x.Year, x.Month)).Sum(x => x.Count),
                hours.Where(x => Is(x.Year, x.Month)).Sum(x => x.Hours),
                money ? gifts.Where(x => Is(x.Year, x.Month)).Sum(x => x.Amount) : null));
        }
        return result;
    }
}
