using System.Diagnostics;
using System.Globalization;
using CoRM.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CoRM.Benchmarks;

/// <summary>
/// Puts the large university, built once into SQLite by <see cref="LargeUniversityGenerator"/>, into a PostgreSQL
/// database migrated by CoRM's own PostgreSQL migrations: every table the two models share, column by column, through
/// binary COPY. The same rows on both providers, so the two runs of the benchmark compare like with like.
/// </summary>
internal static class PostgreSqlCopy
{
    public static async Task LoadAsync(string sqlitePath, string postgres)
    {
        var clock = Stopwatch.StartNew();
        await using var target = new PostgreSqlCormDbContext(new DbContextOptionsBuilder<PostgreSqlCormDbContext>().UseNpgsql(postgres).Options);
        await target.Database.MigrateAsync();
        await using var source = new SqliteCormDbContext(new DbContextOptionsBuilder<SqliteCormDbContext>().UseSqlite($"Data Source={sqlitePath};Mode=ReadOnly").Options);
        var sourceTables = source.Model.GetRelationalModel().Tables.Where(t => t.Schema is null).ToDictionary(t => t.Name);
        var tables = target.Model.GetRelationalModel().Tables.Where(t => t.Schema is null && sourceTables.ContainsKey(t.Name)).ToList();

        await using var sqlite = new SqliteConnection($"Data Source={sqlitePath};Mode=ReadOnly");
        await sqlite.OpenAsync();
        await using var pg = new NpgsqlConnection(postgres);
        await pg.OpenAsync();
        // Tables are copied in name order, not foreign-key order: the server's checks are off for this session only
        // (the rows come from a database that kept the same constraints).
        await Execute(pg, "SET session_replication_role = replica");
        // Names from the EF model only, never input.
        await Execute(pg, "TRUNCATE " + string.Join(", ", tables.Select(t => $"\"{t.Name}\"")) + " CASCADE");
        long total = 0;
        foreach (var table in tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var from = sourceTables[table.Name].Columns.Select(c => c.Name).ToHashSet();
            var columns = table.Columns.Where(c => from.Contains(c.Name) && c.ComputedColumnSql is null).ToList();
            var list = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
            await using var read = sqlite.CreateCommand();
            read.CommandText = $"SELECT {list} FROM \"{table.Name}\"";
            await using var reader = await read.ExecuteReaderAsync();
            await using var writer = await pg.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({list}) FROM STDIN (FORMAT BINARY)");
            var types = columns.Select(c => (Clr: Nullable.GetUnderlyingType(c.ProviderClrType) ?? c.ProviderClrType, Store: StoreName(c.StoreType))).ToArray();
            long rows = 0;
            while (await reader.ReadAsync())
            {
                await writer.StartRowAsync();
                for (var i = 0; i < columns.Count; i++)
                {
                    if (reader.IsDBNull(i)) await writer.WriteNullAsync();
                    else await writer.WriteAsync(Convert(reader, i, types[i].Clr), types[i].Store);
                }
                rows++;
            }
            await writer.CompleteAsync();
            total += rows;
            if (rows > 100_000) Console.WriteLine($"  {table.Name}: {rows:N0} rows ({clock.Elapsed.TotalSeconds:N0} s)");
        }
        await Execute(pg, "SET session_replication_role = DEFAULT");
        await PostgreSqlSequences.RealignAsync(target, CancellationToken.None);
        await Execute(pg, "VACUUM ANALYZE");
        // Marks the copy as whole: a run cut off half-way is copied again next time.
        await Execute(pg, $"COMMENT ON DATABASE \"{pg.Database}\" IS '{Loaded}'");
        Console.WriteLine($"Copied {total:N0} rows of {tables.Count} tables into PostgreSQL in {clock.Elapsed.TotalSeconds:N0} s.");
    }

    private const string Loaded = "CoRM large university, copied whole";

    public static async Task<bool> IsLoadedAsync(string postgres)
    {
        var name = new NpgsqlConnectionStringBuilder(postgres).Database!;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres" }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync() is Loaded;
    }

    /// <summary>"character varying(200)" is written as "character varying": COPY needs the type, not its length.</summary>
    private static string StoreName(string storeType) => storeType.Split('(')[0].Trim();

    // SQLite hands back long, double, string or bytes; the PostgreSQL column wants the model's provider type.
    private static object Convert(SqliteDataReader reader, int i, Type type)
    {
        if (type == typeof(string)) return reader.GetString(i);
        if (type == typeof(int)) return reader.GetInt32(i);
        if (type == typeof(long)) return reader.GetInt64(i);
        if (type == typeof(short)) return reader.GetInt16(i);
        if (type == typeof(byte)) return reader.GetByte(i);
        if (type == typeof(bool)) return reader.GetBoolean(i);
        if (type == typeof(double)) return reader.GetDouble(i);
        if (type == typeof(float)) return reader.GetFloat(i);
        if (type == typeof(decimal)) return reader.GetDecimal(i);
        if (type == typeof(Guid)) return reader.GetGuid(i);
        if (type == typeof(DateTime)) return DateTime.SpecifyKind(reader.GetDateTime(i), DateTimeKind.Unspecified);
        if (type == typeof(DateOnly)) return DateOnly.Parse(reader.GetString(i), CultureInfo.InvariantCulture);
        if (type == typeof(TimeOnly)) return TimeOnly.Parse(reader.GetString(i), CultureInfo.InvariantCulture);
        if (type == typeof(TimeSpan)) return reader.GetTimeSpan(i);
        if (type == typeof(DateTimeOffset)) return reader.GetDateTimeOffset(i);
        if (type == typeof(byte[])) return (byte[])reader.GetValue(i);
        throw new NotSupportedException($"No copy for a {type.Name} column.");
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
