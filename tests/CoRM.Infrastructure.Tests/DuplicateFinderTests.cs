using CoRM.Domain.Access;
using CoRM.Domain.Constituents;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed class DuplicateFinderTests : InstitutionTest
{
    /// <summary>Copies of three demo people, as they arrive from other ways in, and a family sharing one address.</summary>
    private async Task<(int Original, int Typo, int EmailCopy, int Swapped, int Parent, int Child)> PlantAsync()
    {
        await using var db = await Institution.OpenAsync();
        var now = Institution.Time.GetUtcNow().UtcDateTime;
        var people = await db.Constituents.Where(c => c.Kind == ConstituentKind.Person && c.BirthDate != null && c.Email != null && !EF.Functions.Like(c.LastName, "% %"))
            .OrderBy(c => c.Id).Take(3).ToListAsync();
        var (a, b, c) = (people[0], people[1], people[2]);
        var typo = Constituent.Person(a.FirstName, a.LastName[..^1] + (a.LastName[^1] == 'x' ? "y" : "x"), now, null, a.BirthDate); // a typo, no e-mail
        var emailCopy = Constituent.Person(b.FirstName, b.LastName, now, "  " + b.Email!.ToUpperInvariant()); // the same address, another case
        var swapped = Constituent.Person(c.LastName, c.FirstName, now, null, c.BirthDate); // first and last names swapped
        var parent = Constituent.Person("Marta", "Quintela", now, "quintela.family@example.org", new DateOnly(1975, 5, 5));
        var child = Constituent.Person("Duarte", "Quintela", now, "quintela.family@example.org", new DateOnly(2008, 9, 9));
        db.Constituents.AddRange(typo, emailCopy, swapped, parent, child);
        await db.SaveChangesAsync();
        return (a.Id, typo.Id, emailCopy.Id, swapped.Id, parent.Id, child.Id);
    }

    private static bool Pairs(DuplicateCandidate d, int x, int y) => (d.FirstId, d.SecondId) == (Math.Min(x, y), Math.Max(x, y));

    [Fact]
    public async Task A_scan_finds_typos_other_spellings_and_swapped_names_but_not_a_family_sharing_an_email()
    {
        var planted = await PlantAsync();
        var scan = await Institution.Get<DuplicateFinder>().ScanAsync();
        Assert.True(scan.PairsCompared < scan.People * 10, $"{scan.PairsCompared} comparisons for {scan.People} people: blocking should keep this near linear");

        await using var db = await Institution.OpenAsync();
        var found = await db.DuplicateCandidates.ToListAsync();
        var typo = Assert.Single(found, d => Pairs(d, planted.Original, planted.Typo));
        Assert.Contains("same birth date", typo.Reasons, StringComparison.Ordinal);
        Assert.Contains(found, d => d.FirstId == planted.EmailCopy || d.SecondId == planted.EmailCopy);
        Assert.Contains(found, d => (d.FirstId == planted.Swapped || d.SecondId == planted.Swapped) && d.Reasons.Contains("swapped", StringComparison.Ordinal));
        Assert.DoesNotContain(found, d => Pairs(d, planted.Parent, planted.Child));
    }

    [Fact]
    public async Task Four_thousand_imported_students_with_placeholder_names_are_not_raised_as_duplicates()
    {
        using (var reader = new StreamReader(DataFiles.DropoutDataset, System.Text.Encoding.UTF8))
            Assert.Equal(4424, (await Institution.Get<Academics.DropoutDatasetImport>().ImportAsync(reader, CancellationToken.None)).RowsAccepted);
        var scan = await Institution.Get<DuplicateFinder>().ScanAsync();
        await using var db = await Institution.OpenAsync();
        var imported = db.Constituents.Where(c => c.FirstName == "Student" && c.LastName.StartsWith("UCI-")).Select(c => c.Id);
        Assert.Equal(0, await db.DuplicateCandidates.CountAsync(d => imported.Contains(d.FirstId) && imported.Contains(d.SecondId)));
        Assert.True(scan.Candidates < 20, $"{scan.Candidates} pairs to review in the demo: the queue should hold the few real ones");
    }

    [Fact]
    public async Task Scanning_again_adds_nothing_and_a_pair_marked_not_a_duplicate_stays_that_way()
    {
        await PlantAsync();
        var finder = Institution.Get<DuplicateFinder>();
        var first = await finder.ScanAsync();
        Assert.True(first.NewCandidates >= 3);
        var steward = UserScope.Of(await Institution.ConstituentIdAsync(Personas.Admin), "admin", Roles.Admin);
        var queue = Institution.Get<DuplicateQueue>();
        var top = (await queue.ListAsync(steward, new DuplicateFilter(), 0, 10)).Items[0];
        Assert.True((await queue.MarkNotDuplicateAsync(steward, top.Id)).Succeeded);
        Assert.Equal(CommandStatus.Invalid, (await queue.MarkNotDuplicateAsync(steward, top.Id)).Status); // reviewed once

        var second = await finder.ScanAsync();
        Assert.Equal(0, second.NewCandidates);
        await using var db = await Institution.OpenAsync();
        Assert.Equal(DuplicateStatus.NotDuplicate, (await db.DuplicateCandidates.SingleAsync(d => d.Id == top.Id)).Status);
        Assert.DoesNotContain((await queue.ListAsync(steward, new DuplicateFilter(), 0, 100)).Items, r => r.Id == top.Id);
    }

    [Fact]
    public async Task The_queue_is_for_data_stewards_and_administrators_only_and_filters_by_score_and_reason()
    {
        var planted = await PlantAsync();
        await Institution.Get<DuplicateFinder>().ScanAsync();
        var queue = Institution.Get<DuplicateQueue>();
        var admin = UserScope.Of(await Institution.ConstituentIdAsync(Personas.Admin), "admin", Roles.Admin);
        var all = await queue.ListAsync(admin, new DuplicateFilter(), 0, 50);
        Assert.True(all.TotalCount >= 3);
        Assert.Equal(all.Items.OrderByDescending(r => r.Score).Select(r => r.Id), all.Items.Select(r => r.Id));
        var typo = Assert.Single(all.Items, r => r.First.Id == Math.Min(planted.Original, planted.Typo) && r.Second.Id == Math.Max(planted.Original, planted.Typo));
        Assert.NotNull(typo.First.BirthDate);
        Assert.All((await queue.ListAsync(admin, new DuplicateFilter(Reason: "swapped"), 0, 50)).Items, r => Assert.Contains("swapped", r.Reasons, StringComparison.Ordinal));
        Assert.All((await queue.ListAsync(admin, new DuplicateFilter(MinScore: 90), 0, 50)).Items, r => Assert.True(r.Score >= 90));

        foreach (var persona in new[] { Personas.Advancement, Personas.Faculty, Personas.StudentSuccess })
        {
            var other = await Institution.PersonaAsync(persona);
            Assert.Equal(0, (await queue.ListAsync(other, new DuplicateFilter(), 0, 50)).TotalCount);
            Assert.Equal(CommandStatus.NotFound, (await queue.MarkNotDuplicateAsync(other, typo.Id)).Status);
        }
    }
}
