using CoRM.Domain.Access;
using CoRM.Domain.Constituents;

namespace CoRM.Domain.Tests;

internal static class A
{
    public static readonly DateOnly Today = new(2026, 11, 22);
    public static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    public static Constituent Student(int ageYears = 20, int id = 1) =>
        WithId(Constituent.Person("Ana", "Costa", Now, "ana@example.edu", Today.AddYears(-ageYears).AddDays(-10)), id);

    public static Constituent Parent(int id = 2) => WithId(Constituent.Person("Rui", "Costa", Now, "rui@example.org"), id);

    public static Relationship ParentLink(Constituent child, Constituent parent, RelationshipKind kind = RelationshipKind.Parent) =>
        Relationship.Between(child, parent, kind, Today.AddYears(-18));

    public static Relationship GrantedLink(Constituent child, Constituent parent, AccessGrant grants, DateOnly? expires = null)
    {
        var link = ParentLink(child, parent);
        link.GrantAccess(grants, ConsentBasis.WrittenConsent, child.Id, Now.AddDays(-30), expires);
        return link;
    }

    private static Constituent WithId(Constituent c, int id)
    {
        c.Id = id;
        return c;
    }
}
