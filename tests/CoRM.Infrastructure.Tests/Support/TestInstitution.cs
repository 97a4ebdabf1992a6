using CoRM.Domain.Access;
using CoRM.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoRM.Infrastructure.Tests.Support;

/// <summary>
/// A real SQLite file holding the seeded demo institution, with the infrastructure services wired as the
/// portal wires them. The file is migrated and seeded once per test run, then copied for each test, so a
/// test may change data freely. On PostgreSQL (<see cref="TestDatabase"/>) the same, with a template database
/// cloned per test.
/// </summary>
public sealed class TestInstitution : IAsyncDisposable
{
    /// <summary>The demo data is built relative to this moment.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);
    private readonly IHost host;

    /// <summary>The PostgreSQL database of this institution (null on SQLite).</summary>
    private readonly string? database;

    private readonly bool ownsFiles;

    private TestInstitution(string directory, IHost host, FixedTimeProvider time, string? database, bool ownsFiles)
    {
        this.ownsFiles = ownsFiles;
        Directory = directory;
        this.host = host;
        Time = time;
        this.database = database;
    }

    public string Directory { get; }

    /// <summary>Settings that point another process (a portal started beside this one) at this institution's database.</summary>
    public Dictionary<string, string?> DatabaseSettings => SettingsFor(Directory, database);

    /// <summary>
    /// Another instance on the same database: its own services, connection pool and clock (a second portal's, as far as
    /// the database can tell). Disposing it leaves the database alone.
    /// </summary>
    public TestInstitution SecondInstance(IDictionary<string, string?>? settings = null) =>
        Build(Directory, settings, new FixedTimeProvider(Time.GetUtcNow()), database, ownsFiles: false);
    public string DatabasePath => Path.Combine(Directory, "corm.db");
    public string PickupDirectory => Path.Combine(Directory, "mail-pickup");
    public IServiceProvider Services => host.Services;
    public FixedTimeProvider Time { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<TestInstitution> CreateAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var template = await Template.Value;
        var directory = NewDirectory();
        if (!TestDatabase.IsPostgreSql)
        {
            File.Copy(template, Path.Combine(directory, "corm.db"));
            return Build(directory, settings, new FixedTimeProvider(Now), null, services: services);
        }
        var name = $"corm_test_{Guid.NewGuid():N}";
        await TestDatabase.CreateAsync(name, template);
        return Build(directory, settings, new FixedTimeProvider(Now), name, services: services);
    }

    /// <summary>Settings that point the portal or a job at this copy.</summary>
    public static Dictionary<string, string?> SettingsFor(string directory, string? database = null) => new()
    {
        ["Database:Provider"] = database is null ? "Sqlite" : "PostgreSql",
        ["Database:ConnectionString"] = database is null ? $"Data Source={Path.Combine(directory, "corm.db")}" : TestDatabase.PostgreSqlDatabase(database),
        ["Database:MigrateAtStartup"] = "true",
        ["Database:SeedDemoData"] = "true",
        ["Email:Transport"] = "PickupFolder",
        ["Email:PickupDirectory"] = Path.Combine(directory, "mail-pickup"),
    };

    /// <summary>A copy of the seeded database in a fresh folder, for a host the caller builds (the portal under test).</summary>
    public static async Task<string> CopyToNewDirectoryAsync()
    {
        var template = await Template.Value;
        var directory = NewDirectory();
        File.Copy(template, Path.Combine(directory, "corm.db"));
        return directory;
    }

    public async Task<CormDbContext> OpenAsync() =>
        await Get<IDbContextFactory<CormDbContext>>().CreateDbContextAsync();

    /// <summary>The scope of a demo persona, as the portal would build it at sign-in.</summary>
    public async Task<UserScope> PersonaAsync(string email)
    {
        await using var db = await OpenAsync();
        var user = await db.PortalUsers.AsNoTracking().SingleAsync(u => u.Email == email);
        return UserScope.Of(user.ConstituentId, user.DisplayName, [.. user.RoleList]);
    }

    public async Task<int> ConstituentIdAsync(string email)
    {
        await using var db = await OpenAsync();
        return await db.Constituents.Where(c => c.Email == email).Select(c => c.Id).SingleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        host.Dispose();
        if (!ownsFiles) return;
        SqliteConnection.ClearAllPools();
        if (database is not null) await TestDatabase.DropAsync(database);
        await Task.Yield();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown is left in the temp folder; the OS cleans it.
        }
    }

    private static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "corm-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    private static TestInstitution Build(string directory, IDictionary<string, string?>? settings, FixedTimeProvider time, string? database, bool ownsFiles = true,
        Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Testing",
            ContentRootPath = directory,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(SettingsFor(directory, database));
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddInfrastructureServices();
        builder.Services.AddSingleton<TimeProvider>(time);
        services?.Invoke(builder.Services);
        return new TestInstitution(directory, builder.Build(), time, database, ownsFiles);
    }

    /// <summary>The seeded template: a SQLite file's path, or the name of a PostgreSQL database (dropped when the run ends).</summary>
    private static async Task<string> CreateTemplateAsync()
    {
        var directory = NewDirectory();
        string? name = null;
        if (TestDatabase.IsPostgreSql)
        {
            name = $"corm_template_{Guid.NewGuid():N}";
            await TestDatabase.CreateAsync(name);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => TestDatabase.DropAsync(name).GetAwaiter().GetResult();
        }
        var institution = Build(directory, null, new FixedTimeProvider(Now), name);
        await institution.Services.InitialiseDatabaseAsync();
        institution.host.Dispose();
        SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        return name ?? institution.DatabasePath;
    }
}
