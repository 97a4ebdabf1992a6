using CoRM.Domain;
using CoRM.Domain.Advancement;
using CoRM.Domain.Auditing;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using CoRM.Infrastructure.Persistence.Configurations;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

/// <summary>Money is exact in the embedded default: stored as cents, summed as integers.</summary>
public sealed class MoneyTests : InstitutionTest
{
    [Fact]
    public async Task Ten_thousand_gifts_of_ten_cents_sum_to_exactly_one_thousand_in_sql_and_on_the_donor_record()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var now = Institution.Time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        int donorId;
        await using (var db = await Institution.OpenAsync())
        {
            var donor = Constituent.Person("Penny", "Many", now, "penny.many@example.org");
            db.Constituents.Add(donor);
            await db.SaveChangesAsync();
            donorId = donor.Id;
            var fund = await db.Funds.Select(f => f.Id).FirstAsync();
            db.Gifts.AddRange(Enumerable.Range(0, 10_000).Select(i => Gift.Receive(donorId, 0.10m, "EUR", today.AddDays(-(i % 300)), fund, PaymentMethod.Card, today, now, tomas.ConstituentId)));
            await db.SaveChangesAsync();
        }

        await using (var db = await Institution.OpenAsync())
        {
            Assert.Equal(1000.00m, await db.Gifts.Where(g => g.DonorId == donorId).SumAsync(g => g.Amount));
            Assert.Equal(1000.00m, await db.Gifts.Where(g => g.DonorId == donorId).SumAsync(g => g.DeductibleAmount));
            Assert.Equal(10_000, await db.Gifts.CountAsync(g => g.DonorId == donorId && g.Amount == 0.10m)); // comparisons are exact too
            if (db.Database.IsSqlite())
            {
                // Stored as whole cents: an INTEGER column, not a REAL that would drift.
                Assert.Equal("integer", await db.Database.SqlQuery<string>($"SELECT typeof(Amount) AS Value FROM Gifts WHERE DonorId = {donorId} LIMIT 1").SingleAsync());
                Assert.Equal(10L, await db.Database.SqlQuery<long>($"SELECT Amount AS Value FROM Gifts WHERE DonorId = {donorId} LIMIT 1").SingleAsync());
            }
            else
            {
                // PostgreSQL: an exact numeric column.
                Assert.Equal("numeric", await db.Database.SqlQuery<string>($"SELECT pg_typeof(\"Amount\")::text AS \"Value\" FROM \"Gifts\" WHERE \"DonorId\" = {donorId} LIMIT 1").SingleAsync());
            }
        }

        var record = await Institution.Get<GivingRecords>().DonorAsync(tomas, donorId);
        Assert.Equal(1000.00m, record!.Lifetime);
    }

    [Fact]
    public void Every_money_column_is_exact_on_every_provider()
    {
        using var sqlite = new SqliteCormDbContext(new DbContextOptionsBuilder<SqliteCormDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var sqlServer = new SqlServerCormDbContext(new DbContextOptionsBuilder<SqlServerCormDbContext>().UseSqlServer("Server=unused;Database=CoRM").Options);
        var money = sqlite.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.IsMoney()).ToList();
        Assert.Contains(money, p => p.DeclaringType.ClrType == typeof(Gift) && p.Name == nameof(Gift.Amount));
        Assert.Contains(money, p => p.DeclaringType.ClrType == typeof(Receipt) && p.Name == nameof(Receipt.Deductible));
        Assert.All(money, p => Assert.Equal(typeof(long), p.GetValueConverter()?.ProviderClrType.UnwrapNullable()));
        var sqlServerMoney = sqlServer.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.IsMoney()).ToList();
        Assert.Equal(money.Count, sqlServerMoney.Count);
        Assert.All(sqlServerMoney, p => Assert.Matches(@"^decimal\(1[246],2\)$", p.GetColumnType()));
        using var postgres = new PostgreSqlCormDbContext(new DbContextOptionsBuilder<PostgreSqlCormDbContext>().UseNpgsql("Host=unused;Database=corm").Options);
        var postgresMoney = postgres.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.IsMoney()).ToList();
        Assert.Equal(money.Count, postgresMoney.Count);
        Assert.All(postgresMoney, p => Assert.Matches(@"^numeric\(1[246],2\)$", p.GetColumnType()));
        // Every decimal amount of money is marked as such; the other decimals are measures (grades, hours, scores).
        var unmarked = sqlite.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => p.ClrType.UnwrapNullable() == typeof(decimal) && !p.IsMoney()).Select(p => $"{p.DeclaringType.ClrType.Name}.{p.Name}").Order().ToList();
        Assert.Equal(["ApplicationReview.WeightedScore", "AssessmentResult.Score", "AssessmentResult.Weight", "CourseResult.Grade", "EngagementScore.VolunteerHours", "EngagementWeight.Points", "ReviewScore.Weight", "SignUp.Hours"], unmarked);
    }
}

/// <summary>The one way a command runs: rules become messages, races become conflicts, and a failed command leaves nothing.</summary>
public sealed class CommandRunnerTests : InstitutionTest
{
    private async Task<int> InteractionCountAsync(int constituentId)
    {
        await using var db = await Institution.OpenAsync();
        return await db.Interactions.CountAsync(i => i.ConstituentId == constituentId);
    }

    [Fact]
    public async Task A_broken_rule_becomes_the_message_and_a_transaction_leaves_nothing_behind()
    {
        var runner = Institution.Get<CommandRunner>();
        var someone = await Institution.ConstituentIdAsync(Personas.Advancement);
        var before = await InteractionCountAsync(someone);
        var now = Institution.Time.GetUtcNow().UtcDateTime;

        var result = await runner.RunAsync(CommandOptions.About("note", transaction: true), async db =>
        {
            db.Interactions.Add(Interaction.Log(someone, Channel.Phone, Topic.General, "Written, then undone", null, now, someone, now));
            await db.SaveChangesAsync();
            throw new DomainException("The second half broke a rule.");
        }, CancellationToken.None);

        Assert.Equal((CommandStatus.Invalid, "The second half broke a rule."), (result.Status, result.Message));
        Assert.Equal(before, await InteractionCountAsync(someone));
    }

    [Fact]
    public async Task A_refusal_returned_inside_a_transaction_rolls_back_what_was_saved()
    {
        var runner = Institution.Get<CommandRunner>();
        var someone = await Institution.ConstituentIdAsync(Personas.Advancement);
        var before = await InteractionCountAsync(someone);
        var now = Institution.Time.GetUtcNow().UtcDateTime;

        var result = await runner.RunAsync(CommandOptions.About("note", transaction: true), async db =>
        {
            db.Interactions.Add(Interaction.Log(someone, Channel.Phone, Topic.General, "Saved, then refused", null, now, someone, now));
            await db.SaveChangesAsync();
            return CommandResult.Invalid("Refused after saving.");
        }, CancellationToken.None);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal(before, await InteractionCountAsync(someone));
    }

    [Fact]
    public async Task A_stale_version_becomes_a_conflict_naming_the_record()
    {
        var runner = Institution.Get<CommandRunner>();
        var someone = await Institution.ConstituentIdAsync(Personas.Advancement);

        var result = await runner.RunAsync(CommandOptions.About("record"), async db =>
        {
            var person = await db.Constituents.SingleAsync(c => c.Id == someone);
            db.Entry(person).Property(c => c.Version).OriginalValue = Guid.NewGuid(); // as if someone saved meanwhile
            person.Region = "Elsewhere";
            await db.SaveChangesAsync();
            return CommandResult.Ok(someone);
        }, CancellationToken.None);

        Assert.Equal(CommandStatus.Conflict, result.Status);
        Assert.Contains("record", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_unique_index_gets_the_callers_message_and_an_unnamed_one_is_not_swallowed()
    {
        var runner = Institution.Get<CommandRunner>();
        string existing;
        await using (var db = await Institution.OpenAsync()) existing = await db.Segments.Select(s => s.Name).FirstAsync();
        var now = Institution.Time.GetUtcNow().UtcDateTime;
        Func<CormDbContext, Task<CommandResult>> duplicate = async db =>
        {
            db.Segments.Add(Segment.Define(existing, null, [new SegmentRule(SegmentRuleKind.LapsedDonor)], null, now));
            await db.SaveChangesAsync();
            return CommandResult.Ok();
        };

        var named = await runner.RunAsync(new CommandOptions { UniqueIndexMessages = new Dictionary<string, string> { ["IX_Segments_Name"] = "That name is taken." } }, duplicate, CancellationToken.None);
        Assert.Equal((CommandStatus.Invalid, "That name is taken."), (named.Status, named.Message));

        await Assert.ThrowsAsync<DbUpdateException>(() => runner.RunAsync(CommandOptions.Default, duplicate, CancellationToken.None));
    }
}

/// <summary>Every audit entry names the record's own id and the person the data is about.</summary>
public sealed class AuditTrailTests : InstitutionTest
{
    [Fact]
    public async Task A_new_gift_is_audited_as_created_under_its_own_id_with_the_donor_as_subject()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        int donor, fund;
        await using (var db = await Institution.OpenAsync())
        {
            donor = await db.Gifts.Select(g => g.DonorId).FirstAsync();
            fund = await db.Funds.Select(f => f.Id).FirstAsync();
        }
        var today = DateOnly.FromDateTime(Institution.Time.GetUtcNow().UtcDateTime);

        var recorded = await Institution.Get<GivingRecords>().RecordGiftAsync(tomas, new RecordGiftRequest(donor, 42m, null, today, fund, PaymentMethod.Cheque));
        Assert.True(recorded.Succeeded, recorded.Message);

        await using var check = await Institution.OpenAsync();
        var entry = await check.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(a => a.RecordType == nameof(Gift));
        Assert.Equal((AuditAction.Create, recorded.Id!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), (int?)donor),
            (entry.Action, entry.RecordId, entry.SubjectConstituentId));
        // The gift came by cheque: it is on the timeline as a letter, not under a channel it did not use.
        Assert.Equal(Channel.Letter, await check.Interactions.Where(i => i.ConstituentId == donor && i.Subject.StartsWith("Gift of 42.00")).Select(i => i.Channel).SingleAsync());
    }

    [Fact]
    public async Task A_new_record_cannot_be_audited_before_it_has_an_id()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        await using var db = await Institution.OpenAsync();
        Assert.Throws<InvalidOperationException>(() => Institution.Get<AuditTrail>().Record(db, tomas, AuditAction.Create, nameof(Gift), 0, null));
    }

    [Fact]
    public async Task A_receipt_pdf_is_audited_as_an_export_of_one_row_about_the_donor()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        int receiptId, donor;
        await using (var db = await Institution.OpenAsync())
            (receiptId, donor) = await db.Receipts.OrderBy(r => r.Id).Select(r => new { r.Id, r.DonorId }).FirstAsync() is var first ? (first.Id, first.DonorId) : default;

        Assert.NotNull(await Institution.Get<Receipts>().PdfAsync(tomas, receiptId));

        await using var check = await Institution.OpenAsync();
        var entry = await check.AuditEntries.OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal((AuditAction.Export, nameof(Receipt), receiptId.ToString(System.Globalization.CultureInfo.InvariantCulture), (int?)donor),
            (entry.Action, entry.RecordType, entry.RecordId, entry.SubjectConstituentId));
        Assert.StartsWith("1 row(s)", entry.Detail, StringComparison.Ordinal);
    }
}

internal static class TypeExtensions
{
    public static Type UnwrapNullable(this Type type) => Nullable.GetUnderlyingType(type) ?? type;
}

/// <summary>The migrations were squashed before the first release: a database migrated by an older build is handled, never half-migrated.</summary>
public sealed class SquashedMigrationTests
{
    private static async Task MarkAsOlderBuildsAsync(TestInstitution institution)
    {
        await using var db = await institution.OpenAsync();
        await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('20261122200831_Initial', '10.0.14')");
    }

    [Fact]
    public async Task A_real_database_from_before_the_squash_stops_the_start_with_the_reason()
    {
        await using var institution = await TestInstitution.CreateAsync(new Dictionary<string, string?> { ["Database:SeedDemoData"] = "false" });
        await MarkAsOlderBuildsAsync(institution);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => institution.Services.InitialiseDatabaseAsync());
        Assert.Contains("squashed", error.Message, StringComparison.Ordinal);
        await using var db = await institution.OpenAsync();
        Assert.True(await db.Constituents.AnyAsync()); // nothing was deleted
    }

    [SqliteOnlyFact] // only the embedded demo database is ever recreated
    public async Task A_demo_database_from_before_the_squash_is_recreated_with_fresh_demo_data()
    {
        await using var institution = await TestInstitution.CreateAsync();
        await MarkAsOlderBuildsAsync(institution);
        await institution.Services.InitialiseDatabaseAsync();
        await using var db = await institution.OpenAsync();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.True(await db.Constituents.AnyAsync());
    }
}

public sealed class TabularExportTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1 555", "'+1 555")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Ana Silva", "Ana Silva")]
    public void Text_a_spreadsheet_would_run_as_a_formula_is_neutralised_in_csv(string text, string written)
    {
        var csv = TabularExport.ToCsv(["Name", "Amount"], [[text, -12.5m]]);
        var row = csv.Split('\n')[1];
        Assert.StartsWith(written.Contains('"', StringComparison.Ordinal) ? "\"" + written.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : written, row, StringComparison.Ordinal);
        Assert.Contains(",-12.5", row, StringComparison.Ordinal); // numbers stay numbers
    }
}
