using CoRM.Domain.Constituents;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Tests;

/// <summary>
/// Each rule is written twice — a method for objects in memory and an expression for the database — so each pair is
/// checked on the same rows: the seeded institution plus the edge cases (ends today, starts tomorrow, no address).
/// </summary>
public sealed class QueryRuleTests : InstitutionTest
{
    private DateOnly Today => DateOnly.FromDateTime(Institution.Time.GetUtcNow().UtcDateTime);

    private async Task AddEdgeCasesAsync()
    {
        await using var db = await Institution.OpenAsync();
        var now = Institution.Time.GetUtcNow().UtcDateTime;
        var a = Constituent.Person("Edge", "Case", now, "edge.case@example.org");
        var b = Constituent.Person("No", "Address", now);
        var c = Constituent.Person("Do", "NotContact", now, "dnc@example.org");
        c.DoNotContact = true;
        var d = Constituent.Person("No", "Post", now, "nopost@example.org");
        d.PostOptOut = true;
        d.EmailOptOut = true;
        a.Hats.Add(Hat.Wear(HatKind.Volunteer, Today.AddYears(-1), Today)); // last day today
        a.Hats.Add(Hat.Wear(HatKind.Donor, Today.AddDays(1))); // from tomorrow
        a.Hats.Add(Hat.Wear(HatKind.Alumnus, Today)); // from today
        b.Hats.Add(Hat.Wear(HatKind.Member, Today.AddYears(-2), Today.AddDays(-1))); // ended yesterday
        db.Constituents.AddRange(a, b, c, d);
        var ended = Relationship.Between(a, b, RelationshipKind.Spouse, Today.AddYears(-3));
        ended.EndDate = Today.AddDays(-1);
        var endsToday = Relationship.Between(c, d, RelationshipKind.HouseholdMember, Today.AddYears(-1));
        endsToday.EndDate = Today;
        db.Relationships.AddRange(ended, endsToday, Relationship.Between(d, a, RelationshipKind.Employer, Today.AddDays(1)));
        await db.SaveChangesAsync();
    }

    public static TheoryData<int> Days => new([-3650, -400, -1, 0, 1, 365]);

    [Theory]
    [MemberData(nameof(Days))]
    public async Task A_hat_is_worn_on_a_day_in_the_database_exactly_when_it_is_in_memory(int offset)
    {
        await AddEdgeCasesAsync();
        var day = Today.AddDays(offset);
        await using var db = await Institution.OpenAsync();
        var inDatabase = await db.Hats.Where(Hat.ActiveOn(day)).Select(h => h.Id).OrderBy(id => id).ToListAsync();
        var inMemory = (await db.Hats.AsNoTracking().ToListAsync()).Where(h => h.IsActiveOn(day)).Select(h => h.Id).Order().ToList();
        Assert.NotEmpty(inMemory);
        Assert.Equal(inMemory, inDatabase);
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task A_relationship_is_in_force_on_a_day_in_the_database_exactly_when_it_is_in_memory(int offset)
    {
        await AddEdgeCasesAsync();
        var day = Today.AddDays(offset);
        await using var db = await Institution.OpenAsync();
        var inDatabase = await db.Relationships.Where(Relationship.ActiveOn(day)).Select(r => r.Id).OrderBy(id => id).ToListAsync();
        var inMemory = (await db.Relationships.AsNoTracking().ToListAsync()).Where(r => r.IsActiveOn(day)).Select(r => r.Id).Order().ToList();
        Assert.Equal(inMemory, inDatabase);
    }

    [Fact]
    public async Task Who_may_be_emailed_and_who_may_receive_post_agree_between_the_database_and_memory()
    {
        await AddEdgeCasesAsync();
        await using var db = await Institution.OpenAsync();
        var everyone = await db.Constituents.AsNoTracking().ToListAsync();

        var emailable = await db.Constituents.Where(Constituent.MayBeEmailed).Select(c => c.Id).OrderBy(id => id).ToListAsync();
        Assert.Equal(everyone.Where(c => c.CanBeEmailed()).Select(c => c.Id).Order(), emailable);
        Assert.NotEqual(everyone.Count, emailable.Count); // the rule excludes someone

        var postable = await db.Constituents.Where(Constituent.MayReceivePost).Select(c => c.Id).OrderBy(id => id).ToListAsync();
        Assert.Equal(everyone.Where(c => c.CanReceivePost()).Select(c => c.Id).Order(), postable);
        Assert.NotEqual(everyone.Count, postable.Count);
    }
}
