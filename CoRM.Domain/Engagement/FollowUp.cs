namespace CoRM.Domain.Engagement;

/// <summary>A task owed to a constituent: an owner, a due date and, once done, an outcome.</summary>
public class FollowUp : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 2000;

    public int Id { get; set; }
    public int ConstituentId { get; set; }
    public int OwnerId { get; set; }
    public Topic Topic { get; set; }
    public string Title { get; set; } = "";
    public string? Notes { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? CreatedById { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? Outcome { get; set; }

    /// <summary>A task of a case plan: it shows on the case, and its lead is reminded once when it is overdue.</summary>
    public int? CaseId { get; set; }
    public DateTime? LeadRemindedAt { get; set; }
    public Guid Version { get; set; }

    public bool IsOpen => CompletedAt is null;

    public static FollowUp Create(int constituentId, int ownerId, Topic topic, string title, string? notes, DateOnly dueOn,
        DateOnly today, int? createdById, DateTime now)
    {
        title = title.Trim();
        if (title.Length == 0) throw new DomainException("A follow-up needs a title.");
        if (title.Length > TitleMaxLength) throw new DomainException($"The title is limited to {TitleMaxLength} characters.");
        if (notes?.Length > TextMaxLength) throw new DomainException($"Notes are limited to {TextMaxLength} characters.");
        if (dueOn < today) throw new DomainException("The due date cannot be in the past.");
        return new FollowUp
        {
            ConstituentId = constituentId,
            OwnerId = ownerId,
            Topic = topic,
            Title = title,
            Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
            DueOn = dueOn,
            CreatedAt = now,
            CreatedById = createdById,
        };
    }

    /// <summary>Due today or earlier and still open: it belongs in the owner's digest.</summary>
    public bool IsDueOn(DateOnly today) => IsOpen && DueOn <= today;

    public bool IsOverdueOn(DateOnly today) => IsOpen && DueOn < today;

    public void Complete(string outcome, DateTime at)
    {
        if (!IsOpen) throw new DomainException("This follow-up is already completed.");
        outcome = outcome.Trim();
        if (outcome.Length == 0) throw new DomainException("Record the outcome before completing the follow-up.");
        if (outcome.Length > TextMaxLength) throw new DomainException($"The outcome is limited to {TextMaxLength} characters.");
        Outcome = outcome;
        CompletedAt = at;
    }

    public void Reassign(int newOwnerId)
    {
        if (!IsOpen) throw new DomainException("A completed follow-up cannot be reassigned.");
        if (newOwnerId == OwnerId) throw new DomainException("The follow-up already belongs to that person.");
        OwnerId = newOwnerId;
    }
}
