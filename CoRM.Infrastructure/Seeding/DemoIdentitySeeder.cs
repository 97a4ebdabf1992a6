using CoRM.Domain.Access;
using CoRM.Domain.Constituents;
using CoRM.Domain.Identity;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Seeding;

/// <summary>
/// The data steward persona, and a few people recorded twice as other ways in would have done it (an event guest typed
/// without an e-mail, an inquiry with the address in capitals, a form with the names the other way round), so the
/// duplicate queue has something real to review. Runs last: it draws no random numbers, so nothing else shifts.
/// </summary>
internal static class DemoIdentitySeeder
{
    public static async Task SeedAsync(CormDbContext db, DateOnly today, DateTime now, CancellationToken ct)
    {
        var lena = Constituent.Person("Lena", "Fischer", now, DemoSeeder.Personas.DataSteward, new DateOnly(1986, 4, 2));
        lena.Region = "Lisbon";
        lena.Hats.Add(Hat.Wear(HatKind.Staff, today.AddYears(-3)));
        db.Constituents.Add(lena);
        await db.SaveChangesAsync(ct);
        db.PortalUsers.Add(new PortalUser
        {
            ConstituentId = lena.Id, Email = DemoSeeder.Personas.DataSteward, DisplayName = lena.DisplayName, Roles = Roles.DataSteward,
            PersonaDescription = "Data steward: possible duplicates and merges",
        });

        // Alumni and donors with a birth date and an e-mail: the originals of the copies below.
        var originals = await db.Constituents.Where(c => c.Kind == ConstituentKind.Person && c.BirthDate != null && c.Email != null && c.LastName.Length > 4)
            .Where(c => db.Hats.Any(h => h.ConstituentId == c.Id && (h.Kind == HatKind.Alumnus || h.Kind == HatKind.Donor)))
            .OrderBy(c => c.Id).Take(3).ToListAsync(ct);
        if (originals.Count < 3) return;
        var (a, b, c) = (originals[0], originals[1], originals[2]);
        db.Constituents.AddRange(
            Constituent.Person(a.FirstName, a.LastName[..^1], now, null, a.BirthDate), // a guest list typed at an event: a letter short, no e-mail
            Constituent.Person(b.FirstName.ToUpperInvariant(), b.LastName.ToUpperInvariant(), now, b.Email!.ToUpperInvariant()), // an inquiry form in capitals
            Constituent.Person(c.LastName, c.FirstName, now, null, c.BirthDate)); // a paper form read the other way round
        await db.SaveChangesAsync(ct);
    }
}
