namespace CoRM.Domain.Engagement;

/// <summary>
/// A non-monetary act by a constituent: a type, the day, optionally the appeal campaign or event it answered and its
/// target ("the mayor"). Actions are history, like interactions: recorded once, removed only when recorded by mistake.
/// </summary>
public class ConstituentAction
{
    public const int TargetMaxLength = 200;
    public const int NotesMaxLength = 1000;

    public long Id { get; set; }
    public int ConstituentId { get; set; }
    public int ActionTypeId { get; set; }
    public ActionType? Type { get; set; }
    public DateOnly TookOn { get; set; }
    public Channel Channel { get; set; }

    /// <summary>The appeal campaign the action answered, so its results count it.</summary>
    public int? CampaignId { get; set; }

    /// <summary>The event or programme session it belongs to.</summary>
    public int? EventId { get; set; }
    public string? Target { get; set; }
    public string? Notes { get; set; }

    /// <summary>Who recorded it; null when the person did it themselves (a public form) or an import did.</summary>
    public int? RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }

    public static ConstituentAction Record(int constituentId, ActionType type, DateOnly tookOn, Channel channel, string? target, string? notes,
        int? campaignId, int? eventId, int? recordedById, DateTime now, DateOnly today)
    {
        target = string.IsNullOrWhiteSpace(target) ? null : target.Trim();
        notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (!type.IsActive) throw new DomainException($"\"{type.Name}\" is no longer offered; choose another type.");
        if (tookOn > today) throw new DomainException("An action cannot be recorded for a day in the future.");
        if (tookOn < today.AddYears(-100)) throw new DomainException("Check the date: it is more than a hundred years ago.");
        if (!Enum.IsDefined(channel)) throw new DomainException("Choose how the action reached us.");
        if (target?.Length > TargetMaxLength) throw new DomainException($"The target is limited to {TargetMaxLength} characters.");
        if (notes?.Length > NotesMaxLength) throw new DomainException($"Notes are limited to {NotesMaxLength} characters.");
        return new ConstituentAction
        {
            ConstituentId = constituentId,
            ActionTypeId = type.Id,
            TookOn = tookOn,
            Channel = channel,
            Target = target,
            Notes = notes,
            CampaignId = campaignId,
            EventId = eventId,
            RecordedById = recordedById,
            RecordedAt = now,
        };
    }

    /// <summary>How the action reads on a timeline: "Wrote to an elected official: the mayor".</summary>
    public static string Describe(string typeName, string? target) => target is null ? typeName : $"{typeName}: {target}";
}
