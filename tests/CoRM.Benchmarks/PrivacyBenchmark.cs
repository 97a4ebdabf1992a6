using System.Diagnostics;
using CoRM.Infrastructure.Persistence;
using CoRM.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Benchmarks;

/// <summary>
/// Data-subject rights on the large university: the subject-access export of the busiest record (thousands of
/// interactions) and of an ordinary person, and the erasure of each — the erasure reads every registered text column of
/// every table once, so its cost grows with the institution, not with the person. Runs on a copy: erasure is final.
/// </summary>
internal static class PrivacyBenchmark
{
    public static async Task RunAsync(string source, IDbContextFactory<CormDbContext> sourceFactory)
    {
        int busiest, ordinary;
        await using (var db = await sourceFactory.CreateDbContextAsync())
        {
            busiest = await db.Interactions.GroupBy(i => i.ConstituentId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            ordinary = await db.Interactions.Where(i => i.ConstituentId != busiest).OrderBy(i => i.Id).Select(i => i.ConstituentId).Skip(5000).FirstAsync();
            Console.WriteLine($"{await db.Constituents.CountAsync():N0} constituents, {await db.Interactions.CountAsync():N0} interactions; " +
                              $"the busiest record has {await db.Interactions.CountAsync(i => i.ConstituentId == busiest):N0}.");
        }
        var copy = Path.Combine(Path.GetDirectoryName(source)!, "privacy-copy.db");
        File.Copy(source, copy, overwrite: true);
        var options = new DbContextOptionsBuilder<SqliteCormDbContext>().UseSqlite($"Data Source={copy}").Options;

        foreach (var (label, id) in new[] { ("busiest record", busiest), ("ordinary person", ordinary) })
        {
            await using (var db = new SqliteCormDbContext(options))
            {
                var clock = Stopwatch.StartNew();
                var data = (await SubjectAccess.CollectAsync(db, id, "Bench University", DateTime.UtcNow, CancellationToken.None))!;
                var collected = clock.Elapsed.TotalMilliseconds;
                var zip = SubjectAccess.ToZip(data);
                Console.WriteLine($"Subject-access export, {label}: {data.Rows:N0} rows collected in {collected:N0} ms, zipped ({zip.Length / 1024:N0} KiB) in {clock.Elapsed.TotalMilliseconds:N0} ms in all.");
            }
            await using (var db = new SqliteCormDbContext(options))
            {
                var clock = Stopwatch.StartNew();
                await using var tx = await db.Database.BeginTransactionAsync();
                var report = await PersonErasure.EraseAsync(db, id, DateTime.UtcNow, CancellationToken.None);
                await tx.CommitAsync();
                Console.WriteLine($"Erasure, {label}: {report.Deleted:N0} rows deleted, {report.Scrubbed:N0} scrubbed in {clock.Elapsed.TotalMilliseconds:N0} ms (one transaction: writers wait this long).");
            }
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(copy);
    }
}
