namespace CoRM.Domain.Access;

/// <summary>What the related party of a relationship may see of its subject.</summary>
[Flags]
public enum AccessGrant
{
    None = 0,
    EnrolmentStatus = 1,
    Grades = 2,
    Balance = 4,
    All = EnrolmentStatus | Grades | Balance,
}
