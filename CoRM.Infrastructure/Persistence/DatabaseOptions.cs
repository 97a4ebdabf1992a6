using System.ComponentModel.DataAnnotations;

namespace CoRM.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,

    /// <summary>A real server that runs anywhere (Debian's postgresql package): the server provider the tests exercise.</summary>
    PostgreSql,
}

/// <summary>Bound from the "Database" section. The provider is always explicit: never guessed from the environment.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, a relative Data Source is resolved against the content root.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=App_Data/corm.db";

    /// <summary>Apply pending migrations at start-up (default for SQLite; production server deploys may run the script instead).</summary>
    public bool MigrateAtStartup { get; set; } = true;

    /// <summary>Seed the demo institution when the database is empty.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>
    /// Optional: a UCI student-dropout CSV imported with the demo data, so the learned risk model has 4,424 students'
    /// history to train on (e.g. "../tests/data/student-dropout/dataset.csv"; relative to the content root).
    /// </summary>
    public string? DemoDropoutDataset { get; set; }
}
