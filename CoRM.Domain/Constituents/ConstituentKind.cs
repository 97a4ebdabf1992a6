namespace CoRM.Domain.Constituents;

public enum ConstituentKind
{
    Person = 0,
    Household = 1,
    Organisation = 2,
}
