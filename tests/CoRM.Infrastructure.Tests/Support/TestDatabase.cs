using Npgsql;

namespace CoRM.Infrastructure.Tests.Support;

/// <summary>
/// Which database the integration suite runs on: SQLite files by default; a PostgreSQL server when
/// CORM_TEST_POSTGRES names one (an administrator's connection string, e.g. "Host=127.0.0.1;Port=55432;Username=postgres",
/// set by tests/run.sh, which starts a private cluster). Each test then gets its own database, cloned from a seeded
/// template database with CREATE DATABASE … TEMPLATE, as each SQLite test gets a copy of a seeded file.
/// </summary>
public static class TestDatabase
{
    public const string Variable = "CORM_TEST_POSTGRES";

    public static string? PostgreSqlServer => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? server : null;

    public static bool IsPostgreSql => PostgreSqlServer is not null;

    /// <summary>The connection string of one database on the test server.</summary>
    public static string PostgreSqlDatabase(string name) => new NpgsqlConnectionStringBuilder(PostgreSqlServer) { Database = name, Pooling = true }.ToString();

    private static readonly SemaphoreSlim Cloning = new(1, 1);

    public static async Task CreateAsync(string name, string? template = null)
    {
        // One clone at a time: PostgreSQL refuses to copy a template while another session is connected to it.
        await Cloning.WaitAsync();
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgreSqlServer) { Database = "postgres", Pooling = false }.ToString());
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            Cloning.Release();
        }
    }

    public static async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgreSqlServer) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A test that reads the SQLite file itself (its query plans, a second file): skipped when the suite runs on PostgreSQL.</summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute()
    {
        if (TestDatabase.IsPostgreSql) Skip = "Reads the embedded SQLite database itself; the suite is running on PostgreSQL.";
    }
}

/// <summary>A test of what only a server database can show (several processes on one database): runs on PostgreSQL only.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (!TestDatabase.IsPostgreSql) Skip = $"Needs a PostgreSQL server ({TestDatabase.Variable}); tests/run.sh runs it in its PostgreSQL pass.";
    }
}
