using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bogus;
using CoRM.Domain.Access;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Imports;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoRM.Benchmarks;

/// <summary>
/// The general contact import at scale: a file of 50,000 contacts against a large population, 2% of them people already
/// on record (their e-mail in capitals), 1% the same people with a typo and no e-mail, the rest new. Measures reading,
/// the preview (matching every row), the import, and importing the same file again (which must change nothing).
/// </summary>
internal static class ContactImportBenchmark
{
    public static async Task RunAsync(string directory, int people, int rows)
    {
        var path = Path.Combine(directory, $"contact-import-{people}.db");
        if (File.Exists(path)) File.Delete(path);
        var options = new DbContextOptionsBuilder<SqliteCormDbContext>().UseSqlite($"Data Source={path}").Options;
        await using (var db = new SqliteCormDbContext(options)) await db.Database.MigrateAsync();
        var clock = Stopwatch.StartNew();
        DuplicateBenchmark.Generate(path, people, 0);
        Console.WriteLine($"Built {people:N0} people in {clock.Elapsed.TotalSeconds:N0} s.");

        var csv = await FileAsync(options, rows);
        var factory = new DuplicateBenchmark.SingleFactory(options);
        var import = new ContactImport(factory, Options.Create(new MatchingOptions()), new AuditTrail(TimeProvider.System), TimeProvider.System);
        var steward = UserScope.Of(1, "bench steward", Roles.DataSteward);

        clock.Restart();
        var file = TabularFile.ReadCsv(csv);
        var read = clock.Elapsed;
        clock.Restart();
        var preview = await import.PreviewAsync(steward, file);
        var previewed = clock.Elapsed;
        Console.WriteLine($"{file.Rows.Count:N0} rows read in {read.TotalSeconds:N1} s; preview in {previewed.TotalSeconds:N1} s: {preview.Count(ContactRowVerdict.New):N0} new, " +
                          $"{preview.Count(ContactRowVerdict.Matches):N0} on record, {preview.Count(ContactRowVerdict.PossibleDuplicate):N0} possible duplicates, {preview.Count(ContactRowVerdict.Rejected):N0} rejected.");
        clock.Restart();
        var first = await import.ImportAsync(steward, file, preview.Mapping, new Dictionary<int, ContactRowChoice>(), "Benchmark list");
        Console.WriteLine($"Import: {clock.Elapsed.TotalSeconds:N1} s ({first.Created:N0} created, {first.Updated:N0} completed, {first.Queued:N0} queued for review).");
        clock.Restart();
        var again = await import.ImportAsync(steward, file, preview.Mapping, new Dictionary<int, ContactRowChoice>(), "Benchmark list");
        Console.WriteLine($"The same file again: {clock.Elapsed.TotalSeconds:N1} s ({again.Created:N0} created, {again.Updated:N0} completed, {again.Unchanged:N0} unchanged).");
        if (again.Created + again.Updated > 0) throw new InvalidOperationException("Importing the same file twice changed records.");
    }

    private static async Task<string> FileAsync(DbContextOptions<SqliteCormDbContext> options, int rows)
    {
        var f = new Faker("pt_PT") { Random = new Randomizer(5000) };
        var csv = new StringBuilder("First name,Last name,Email,Phone,Postcode,Date of birth,Roles\n");
        await using var db = new SqliteCormDbContext(options);
        var known = await db.Constituents.AsNoTracking().Where(c => c.Email != null && c.BirthDate != null).OrderBy(c => c.Id)
            .Select(c => new { c.FirstName, c.LastName, c.Email, c.BirthDate }).Take(rows * 3 / 100).ToListAsync();
        var onRecord = rows * 2 / 100;
        for (var i = 0; i < known.Count; i++)
        {
            var k = known[i];
            var date = k.BirthDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            csv.Append(i < onRecord ? $"{k.FirstName},{k.LastName},{k.Email!.ToUpperInvariant()},,,,Donor\n" : $"{k.FirstName},{k.LastName}x,,,,{date},Donor\n");
        }
        for (var i = known.Count; i < rows; i++)
        {
            var (first, last) = (f.Name.FirstName(), f.Name.LastName() + " " + f.Name.LastName());
            csv.Append(CultureInfo.InvariantCulture, $"{first},{last},import{i}@example.org,9{f.Random.Number(10_000_000, 99_999_999)},{f.Random.Number(1000, 9999)}-{f.Random.Number(100, 999)},{DateOnly.FromDateTime(f.Date.Past(60, new DateTime(2008, 1, 1))):yyyy-MM-dd},Alumnus\n");
        }
        return csv.ToString();
    }
}
