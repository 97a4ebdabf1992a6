using CoRM.Domain.Access;
using CoRM.Infrastructure.Cases;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Tests;

/// <summary>
/// The plans SQLite chooses for the lookups people wait on, read with EXPLAIN QUERY PLAN on the seeded database (no
/// statistics, as a new installation has): a name prefix and a dial key are index seeks, never a walk over every record.
/// </summary>
public sealed class QueryPlanTests : InstitutionTest
{
    private static async Task<string> PlanAsync<T>(IQueryable<T> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await command.Connection!.OpenAsync();
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
        return string.Join(Environment.NewLine, lines);
    }

    [SqliteOnlyFact]
    public async Task A_name_prefix_among_current_records_seeks_the_name_indexes_not_the_merged_into_index()
    {
        await using var db = await Institution.OpenAsync();
        var admin = UserScope.Of(1, "plan", Roles.Admin);
        var query = ConstituentSearch.Matching(db, admin, ConstituentSearch.Parse("silva")!, Institution.Time.Today(), Institution.Time.UtcNow())
            .OrderBy(c => c.SortName + "").Take(20); // as SearchAsync orders a page
        var plan = await PlanAsync(query);
        Assert.DoesNotContain("IX_Constituents_MergedIntoId", plan, StringComparison.Ordinal);
        Assert.Contains("IX_Constituents_SortName", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN Constituents", plan, StringComparison.Ordinal);
    }

    [SqliteOnlyFact]
    public async Task A_phone_number_is_one_seek_on_the_dial_key()
    {
        await using var db = await Institution.OpenAsync();
        var plan = await PlanAsync(CallerLookup.Matches(db, "913555017"));
        Assert.Contains("IX_ContactPoints_DialKey", plan, StringComparison.Ordinal);
    }
}
