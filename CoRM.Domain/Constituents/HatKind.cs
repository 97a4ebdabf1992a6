namespace CoRM.Domain.Constituents;

/// <summary>A role a constituent plays for the institution. Hats are data: a person gains and loses them over time.</summary>
public enum HatKind
{
    Student = 0,
    Prospect = 1,
    Applicant = 2,
    Alumnus = 3,
    Parent = 4,
    Faculty = 5,
    Staff = 6,
    Donor = 7,
    Volunteer = 8,
    Member = 9,
    BoardMember = 10,
    OrganisationContact = 11,
}
