namespace CoRM.Domain.Families;

/// <summary>
/// A parent's question or request to the secretariat about one of their children, and its answer.
/// Both the request and the answer are also interactions on the child's and the parent's timelines.
/// </summary>
public class FamilyRequest : IVersioned
{
    public const int SubjectMaxLength = 200;
    public const int TextMaxLength = 4000;

    public int Id { get; set; }
    public int ChildId { get; set; }
    public int ParentId { get; set; }
    public FamilyRequestKind Kind { get; set; }
    public string Subject { get; set; } = "";
    public string Message { get; set; } = "";
    public DateTime SentAt { get; set; }
    public string? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public int? AnsweredById { get; set; }
    public Guid Version { get; set; }

    public bool IsOpen => AnsweredAt is null;

    public static FamilyRequest Send(int childId, int parentId, FamilyRequestKind kind, string subject, string message, DateTime now)
    {
        subject = subject.Trim();
        message = message.Trim();
        if (subject.Length == 0) throw new DomainException("Say in a few words what your request is about.");
        if (subject.Length > SubjectMaxLength) throw new DomainException($"The subject is limited to {SubjectMaxLength} characters.");
        if (message.Length == 0) throw new DomainException("Write your request or question.");
        if (message.Length > TextMaxLength) throw new DomainException($"The message is limited to {TextMaxLength} characters.");
        return new FamilyRequest { ChildId = childId, ParentId = parentId, Kind = kind, Subject = subject, Message = message, SentAt = now };
    }

    public void AnswerWith(string answer, int answeredById, DateTime now)
    {
        if (!IsOpen) throw new DomainException("This request has already been answered.");
        answer = answer.Trim();
        if (answer.Length == 0) throw new DomainException("Write the answer before sending it.");
        if (answer.Length > TextMaxLength) throw new DomainException($"The answer is limited to {TextMaxLength} characters.");
        Answer = answer;
        AnsweredAt = now;
        AnsweredById = answeredById;
    }
}

public enum FamilyRequestKind
{
    Question = 0,
    Certificate = 1,
    Payment = 2,
    Absence = 3,
    Other = 4,
}
