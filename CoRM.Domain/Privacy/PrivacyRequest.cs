namespace CoRM.Domain.Privacy;

public enum PrivacyRequestKind
{
    /// <summary>GDPR article 15: a copy of everything held about the person.</summary>
    Access = 0,
    /// <summary>Article 17: erasure, within what the law lets the institution keep.</summary>
    Erasure = 1,
    /// <summary>Article 16: something held is wrong.</summary>
    Rectification = 2,
    /// <summary>Article 21(2): no more marketing (appeals) on any channel.</summary>
    MarketingObjection = 3,
}

public enum PrivacyRequestStatus
{
    Received = 0,
    InProgress = 1,
    /// <summary>An erasure one officer asked for, waiting for a second officer's approval.</summary>
    AwaitingApproval = 2,
    Completed = 3,
    Refused = 4,
}

/// <summary>
/// A data-subject request: what was asked, about whom, when it arrived and the legal deadline (one calendar month,
/// GDPR article 12(3)), who handles it, and how it ended. An erasure needs two officers: one requests it, another
/// approves, and only the approval erases.
/// </summary>
public class PrivacyRequest : IVersioned
{
    public const int TextMaxLength = 2000;

    public int Id { get; set; }
    public PrivacyRequestKind Kind { get; set; }
    public int SubjectId { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly DueOn { get; set; }

    /// <summary>What the person asked, in their words or the officer's summary (which fields are wrong, say).</summary>
    public string Details { get; set; } = "";

    public PrivacyRequestStatus Status { get; set; }
    public int CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? HandlerId { get; set; }

    public int? ErasureRequestedById { get; set; }
    public DateTime? ErasureRequestedAt { get; set; }
    public int? ApprovedById { get; set; }
    public DateTime? ApprovedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>How it ended: what was done, or why it was refused (a legal hold and when it ends).</summary>
    public string? Outcome { get; set; }

    /// <summary>When the handler was reminded that the deadline is near (once per request).</summary>
    public DateTime? RemindedAt { get; set; }

    public Guid Version { get; set; }

    public bool IsOpen => Status is PrivacyRequestStatus.Received or PrivacyRequestStatus.InProgress or PrivacyRequestStatus.AwaitingApproval;

    /// <summary><see cref="IsOpen"/> as a query the database can run (the queue, the reminders).</summary>
    public static readonly System.Linq.Expressions.Expression<Func<PrivacyRequest, bool>> Open =
        r => r.Status == PrivacyRequestStatus.Received || r.Status == PrivacyRequestStatus.InProgress || r.Status == PrivacyRequestStatus.AwaitingApproval;

    /// <summary>One month from receipt (article 12(3)); the 31st of a shorter month falls on its last day.</summary>
    public static DateOnly DeadlineFor(DateOnly receivedOn) => receivedOn.AddMonths(1);

    public static PrivacyRequest Receive(PrivacyRequestKind kind, int subjectId, DateOnly receivedOn, string? details, int createdById, DateTime now, DateOnly today)
    {
        if (!Enum.IsDefined(kind)) throw new DomainException("Choose what the person asked for.");
        if (receivedOn > today) throw new DomainException("A request cannot be received in the future.");
        if (receivedOn < today.AddYears(-1)) throw new DomainException("That date is more than a year ago: check the date the request arrived.");
        details = details?.Trim() ?? "";
        if (details.Length > TextMaxLength) throw new DomainException($"The details are limited to {TextMaxLength} characters; this is {details.Length}.");
        if (kind == PrivacyRequestKind.Rectification && details.Length == 0) throw new DomainException("Say what the person says is wrong.");
        return new PrivacyRequest
        {
            Kind = kind, SubjectId = subjectId, ReceivedOn = receivedOn, DueOn = DeadlineFor(receivedOn), Details = details,
            Status = PrivacyRequestStatus.Received, CreatedById = createdById, CreatedAt = now, HandlerId = createdById,
        };
    }

    public void TakeOver(int handlerId)
    {
        if (!IsOpen) throw new DomainException("This request is closed.");
        HandlerId = handlerId;
        if (Status == PrivacyRequestStatus.Received) Status = PrivacyRequestStatus.InProgress;
    }

    /// <summary>The first officer's half of an erasure; nothing is erased yet.</summary>
    public void RequestErasure(int officerId, DateTime at)
    {
        if (Kind != PrivacyRequestKind.Erasure) throw new DomainException("Only an erasure request erases.");
        if (!IsOpen) throw new DomainException("This request is closed.");
        if (Status == PrivacyRequestStatus.AwaitingApproval) throw new DomainException("This erasure is already waiting for approval.");
        ErasureRequestedById = officerId;
        ErasureRequestedAt = at;
        Status = PrivacyRequestStatus.AwaitingApproval;
    }

    /// <summary>The second officer's approval: from now the erasure is irreversible.</summary>
    public void Approve(int officerId, DateTime at)
    {
        if (Status != PrivacyRequestStatus.AwaitingApproval) throw new DomainException("Nothing is waiting for approval on this request.");
        if (officerId == ErasureRequestedById) throw new DomainException("Erasure needs a second officer: someone other than the one who requested it must approve.");
        ApprovedById = officerId;
        ApprovedAt = at;
    }

    /// <summary>Withdraws a requested erasure before approval (back to in progress).</summary>
    public void WithdrawErasure()
    {
        if (Status != PrivacyRequestStatus.AwaitingApproval) throw new DomainException("Nothing is waiting for approval on this request.");
        ErasureRequestedById = null;
        ErasureRequestedAt = null;
        Status = PrivacyRequestStatus.InProgress;
    }

    public void Complete(string outcome, DateTime at)
    {
        if (!IsOpen) throw new DomainException("This request is already closed.");
        if (Kind == PrivacyRequestKind.Erasure && ApprovedAt is null) throw new DomainException("An erasure is completed by its approval.");
        Status = PrivacyRequestStatus.Completed;
        Outcome = Required(outcome);
        ClosedAt = at;
    }

    public void Refuse(string reason, DateTime at)
    {
        if (!IsOpen) throw new DomainException("This request is already closed.");
        if (ApprovedAt is not null) throw new DomainException("An approved erasure cannot be refused.");
        Status = PrivacyRequestStatus.Refused;
        Outcome = Required(reason);
        ClosedAt = at;
    }

    private static string Required(string text)
    {
        text = text.Trim();
        if (text.Length == 0) throw new DomainException("Say what was done, or why not: the person is told.");
        return text.Length > TextMaxLength ? throw new DomainException($"Limited to {TextMaxLength} characters.") : text;
    }
}
