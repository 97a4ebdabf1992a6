using CoRM.Domain.Constituents;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

/// <summary>Adding a person by hand: the one rule keeps the same person out and sends a look-alike to the steward.</summary>
public sealed class PersonIntakeTests : InstitutionTest
{
    private PersonIntake Intake => Institution.Get<PersonIntake>();

    private async Task<Constituent> KnownAsync()
    {
        await using var db = await Institution.OpenAsync();
        return await db.Constituents.Where(c => c.Kind == ConstituentKind.Person && c.Email != null && c.BirthDate != null && c.MergedIntoId == null && !EF.Functions.Like(c.LastName, "% %"))
            .OrderBy(c => c.Id).Skip(11).FirstAsync();
    }

    [Fact]
    public async Task A_new_donor_is_added_with_phone_and_hat_and_the_same_person_twice_is_refused_with_their_id()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var added = await Intake.AddAsync(tomas, new NewPerson("Graça", "Novadoadora", "Graca.N@example.org", "912 000 333", new DateOnly(1961, 4, 4), "Lisbon", HatKind.Donor));
        Assert.True(added.Succeeded, added.Message);

        var again = await Intake.AddAsync(tomas, new NewPerson("Graca", "Novadoadora", "graca.n@example.org", null, null, null, null));
        Assert.Equal(CommandStatus.Invalid, again.Status);
        Assert.Contains($"already exists: C-{added.Id}", again.Message, StringComparison.Ordinal);

        await using var db = await Institution.OpenAsync();
        var graca = await db.Constituents.Include(c => c.Hats).Include(c => c.ContactPoints).SingleAsync(c => c.Id == (int)added.Id!.Value);
        Assert.Equal(("graca.n@example.org", PersonIntake.Source), (graca.Email, graca.Source));
        Assert.True(graca.WearsHatOn(HatKind.Donor, Institution.Time.Today()));
        Assert.Contains(graca.ContactPoints, p => p.Kind == ContactPointKind.Phone && p.Value == "912 000 333");
    }

    [Fact]
    public async Task A_look_alike_is_added_only_as_a_new_record_in_the_stewards_queue()
    {
        var known = await KnownAsync();
        var added = await Intake.AddAsync(await Institution.PersonaAsync(Personas.VolunteerCoordinator),
            new NewPerson(known.FirstName, known.LastName + "x", null, null, known.BirthDate, null, HatKind.Volunteer));

        Assert.True(added.Succeeded, added.Message);
        await using var db = await Institution.OpenAsync();
        Assert.Single(await db.DuplicateCandidates.Where(d => d.FirstId == known.Id && d.SecondId == (int)added.Id!.Value).ToListAsync());
    }

    [Fact]
    public async Task Bad_input_gets_a_message_and_roles_without_the_directory_get_nothing()
    {
        var admin = await Institution.PersonaAsync(Personas.Admin);
        Assert.Equal("'not-an-email' is not an e-mail address.", (await Intake.AddAsync(admin, new NewPerson("A", "B", "not-an-email", null, null, null, null))).Message);
        Assert.Contains("not a phone number", (await Intake.AddAsync(admin, new NewPerson("A", "B", null, "12", null, null, null))).Message, StringComparison.Ordinal);
        Assert.Contains("future", (await Intake.AddAsync(admin, new NewPerson("A", "B", null, null, Institution.Time.Today().AddDays(1), null, null))).Message, StringComparison.Ordinal);
        Assert.Contains("own records", (await Intake.AddAsync(admin, new NewPerson("A", "B", null, null, null, null, HatKind.Student))).Message, StringComparison.Ordinal);
        Assert.Equal(CommandStatus.Invalid, (await Intake.AddAsync(admin, new NewPerson("A", " ", null, null, null, null, null))).Status);
        foreach (var persona in new[] { Personas.Faculty, Personas.CaseWorker, Personas.Parent, Personas.Volunteer })
            Assert.Equal(CommandStatus.NotFound, (await Intake.AddAsync(await Institution.PersonaAsync(persona), new NewPerson("Zé", "Intruso", null, null, null, null, null))).Status);
        await using var db = await Institution.OpenAsync();
        Assert.False(await db.Constituents.AnyAsync(c => c.LastName == "Intruso" || c.LastName == "B"));
    }
}
