namespace CoRM.Domain.Engagement;

/// <summary>One touch with a constituent, on any channel. Interactions are history: never edited, only added.</summary>
public class Interaction
{
    public const int SubjectMaxLength = 200;
    public const int NotesMaxLength = 4000;

    public long Id { get; set; }
    public int ConstituentId { get; set; }
    public Channel Channel { get; set; }
    public Topic Topic { get; set; }
    public bool Inbound { get; set; }

    /// <summary>When it happened, UTC.</summary>
    public DateTime OccurredAt { get; set; }
    public string Subject { get; set; } = "";
    public string? Notes { get; set; }

    /// <summary>The constituent record of the user who logged it; null for system-generated entries.</summary>
    public int? RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }

    /// <summary>The case this note belongs to (Topic.Case); its readers follow the case's team and the note's sensitivity.</summary>
    public int? CaseId { get; set; }
    public Cases.NoteSensitivity Sensitivity { get; set; }

    public static Interaction Log(int constituentId, Channel channel, Topic topic, string subject, string? notes,
        DateTime occurredAt, int? recordedById, DateTime now, bool inbound = false)
    {
        subject = subject.Trim();
        notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (subject.Length == 0) throw new DomainException("Say in a few words what the interaction was about.");
        if (subject.Length > SubjectMaxLength) throw new DomainException($"The subject is limited to {SubjectMaxLength} characters.");
        if (notes?.Length > NotesMaxLength) throw new DomainException($"Notes are limited to {NotesMaxLength} characters.");
        if (occurredAt > now.AddMinutes(5)) throw new DomainException("An interaction cannot be logged in the future.");
        return new Interaction
        {
            ConstituentId = constituentId,
            Channel = channel,
            Topic = topic,
            Inbound = inbound,
            OccurredAt = occurredAt,
            Subject = subject,
            Notes = notes,
            RecordedById = recordedById,
            RecordedAt = now,
        };
    }

    /// <summary>A case note: on the client's timeline under the Case topic, readable as its sensitivity allows.</summary>
    public static Interaction CaseNote(int constituentId, int caseId, Cases.NoteSensitivity sensitivity, Channel channel, string subject, string? notes,
        DateTime occurredAt, int? recordedById, DateTime now)
    {
        if (!Enum.IsDefined(sensitivity)) throw new DomainException("Choose who may read the note.");
        var note = Log(constituentId, channel, Topic.Case, subject, notes, occurredAt, recordedById, now);
        note.CaseId = caseId;
        note.Sensitivity = sensitivity;
        return note;
    }
}
