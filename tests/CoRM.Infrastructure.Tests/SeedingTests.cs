using CoRM.Domain.Constituents;
using CoRM.Infrastructure.Persistence;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Tests;

public sealed class SeedingTests
{
    [Fact]
    public async Task The_seeded_institution_has_every_kind_of_constituent_and_one_persona_per_role()
    {
        await using var institution = await TestInstitution.CreateAsync();
        await using var db = await institution.OpenAsync();

        var today = DateOnly.FromDateTime(TestInstitution.Now.UtcDateTime);
        var hats = await db.Hats.Where(h => h.StartDate <= today && (h.EndDate == null || h.EndDate >= today))
            .GroupBy(h => h.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.True(hats[HatKind.Student] >= 200);
        Assert.True(hats[HatKind.Alumnus] >= 100);
        Assert.True(hats[HatKind.Parent] >= 100);
        Assert.True(hats.ContainsKey(HatKind.Donor) && hats.ContainsKey(HatKind.Volunteer) && hats.ContainsKey(HatKind.OrganisationContact));
        Assert.Equal(6, await db.Constituents.CountAsync(c => c.Kind == ConstituentKind.Organisation)); // the university and five partners
        Assert.True(await db.Interactions.Select(i => i.Channel).Distinct().CountAsync() >= 5);
        Assert.True(await db.FollowUps.CountAsync(f => f.CompletedAt == null) > 10);

        var personaRoles = await db.PortalUsers.Where(u => u.PersonaDescription != null).Select(u => u.Roles).ToListAsync();
        foreach (var role in Domain.Access.Roles.All)
            Assert.Contains(personaRoles, r => r.Split(',').Contains(role));
    }

    [Fact]
    public async Task Alumni_who_give_and_volunteer_wear_several_hats_on_one_record()
    {
        await using var institution = await TestInstitution.CreateAsync();
        await using var db = await institution.OpenAsync();
        var multiHatAlumni = await db.Constituents
            .Where(c => c.Hats.Any(h => h.Kind == HatKind.Alumnus) && c.Hats.Any(h => h.Kind == HatKind.Donor) && c.Hats.Any(h => h.Kind == HatKind.Volunteer))
            .CountAsync();
        Assert.True(multiHatAlumni > 0);
    }

    [SqliteOnlyFact] // a second, empty database is a second file
    public async Task Seeding_is_deterministic()
    {
        await using var first = await TestInstitution.CreateAsync();
        await using var second = await TestInstitution.CreateAsync(new Dictionary<string, string?> { ["Database:ConnectionString"] = "Data Source=second.db" });
        await second.Services.InitialiseDatabaseAsync(); // migrates and seeds the empty file

        await using var a = await first.OpenAsync();
        await using var b = await second.OpenAsync();
        var namesA = await a.Constituents.OrderBy(c => c.Id).Select(c => c.DisplayName + "|" + c.Email).ToListAsync();
        var namesB = await b.Constituents.OrderBy(c => c.Id).Select(c => c.DisplayName + "|" + c.Email).ToListAsync();
        Assert.Equal(namesA, namesB);
    }
}
