using CoRM.Domain.Advancement;

namespace CoRM.Domain.Engagement;

/// <summary>
/// A recurring programme of free sessions ("Study club, Tuesdays 18:00, 8 weeks"): each session is an event of its own,
/// with its capacity, waiting list, reminders and door; a reply to the series is a place at every session still to come.
/// </summary>
public class EventSeries
{
    public const int NameMaxLength = GivingEvent.NameMaxLength - 20;
    public const int DescriptionMaxLength = 1000;
    public const int MaxSessions = 52;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int EveryDays { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? CreatedById { get; set; }

    /// <summary>
    /// Plans the series and its sessions: <paramref name="sessions"/> free events, the first at <paramref name="firstStart"/>,
    /// then every <paramref name="everyDays"/> days at the same wall-clock time in <paramref name="zone"/> (a weekly
    /// evening session stays at 18:00 across a change of daylight-saving time).
    /// </summary>
    public static (EventSeries Series, IReadOnlyList<GivingEvent> Sessions) Plan(string name, string? description, DateTime firstStartUtc, int sessions, int everyDays,
        int? capacity, int fundId, TimeZoneInfo zone, DateTime now, int? createdById)
    {
        name = name.Trim();
        description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (name.Length == 0) throw new DomainException("Name the programme.");
        if (name.Length > NameMaxLength) throw new DomainException($"A programme's name is limited to {NameMaxLength} characters.");
        if (description?.Length > DescriptionMaxLength) throw new DomainException($"The description is limited to {DescriptionMaxLength:N0} characters.");
        if (sessions is < 2 or > MaxSessions) throw new DomainException($"A programme has 2 to {MaxSessions} sessions (plan a single event otherwise).");
        if (everyDays is < 1 or > 31) throw new DomainException("Sessions repeat every 1 to 31 days.");
        if (firstStartUtc <= now) throw new DomainException("The first session must be in the future.");
        var series = new EventSeries { Name = name, Description = description, EveryDays = everyDays, CreatedAt = now, CreatedById = createdById };
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(firstStartUtc, DateTimeKind.Utc), zone);
        var planned = new List<GivingEvent>(sessions);
        for (var i = 0; i < sessions; i++)
        {
            var startsLocal = DateTime.SpecifyKind(local.AddDays(i * everyDays), DateTimeKind.Unspecified);
            // A wall-clock time skipped by the spring change does not exist: move it an hour on, as a person would.
            if (zone.IsInvalidTime(startsLocal)) startsLocal = startsLocal.AddHours(1);
            var startsUtc = DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(startsLocal, zone), DateTimeKind.Utc);
            var session = GivingEvent.Plan($"{name} — session {i + 1} of {sessions}", startsUtc, 0, 0, capacity, fundId);
            session.Series = series;
            planned.Add(session);
        }
        return (series, planned);
    }
}
