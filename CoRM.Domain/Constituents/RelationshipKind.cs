namespace CoRM.Domain.Constituents;

/// <summary>Read as "the related constituent is the ___ of the subject".</summary>
public enum RelationshipKind
{
    Parent = 0,
    Guardian = 1,
    Spouse = 2,
    Sibling = 3,
    Employer = 4,
    Contact = 5,
    Advisor = 6,
    HouseholdMember = 7,
}

public static class RelationshipKindText
{
    /// <summary>How the relationship reads from the subject's profile ("Parent: Rui Costa").</summary>
    public static string AsSeenBySubject(this RelationshipKind kind) => kind switch
    {
        RelationshipKind.Parent => "Parent",
        RelationshipKind.Guardian => "Guardian",
        RelationshipKind.Spouse => "Spouse",
        RelationshipKind.Sibling => "Sibling",
        RelationshipKind.Employer => "Employer",
        RelationshipKind.Contact => "Contact",
        RelationshipKind.Advisor => "Advisor",
        RelationshipKind.HouseholdMember => "Household",
        _ => kind.ToString(),
    };

    /// <summary>How the relationship reads from the related constituent's profile ("Child: Ana Costa").</summary>
    public static string AsSeenByRelated(this RelationshipKind kind) => kind switch
    {
        RelationshipKind.Parent or RelationshipKind.Guardian => "Child",
        RelationshipKind.Spouse => "Spouse",
        RelationshipKind.Sibling => "Sibling",
        RelationshipKind.Employer => "Employee",
        RelationshipKind.Contact => "Organisation",
        RelationshipKind.Advisor => "Advisee",
        RelationshipKind.HouseholdMember => "Member",
        _ => kind.ToString(),
    };
}
