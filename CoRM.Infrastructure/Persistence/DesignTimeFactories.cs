using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CoRM.Infrastructure.Persistence;

// Used only by `dotnet ef`: migrations are generated without a running server or portal.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCormDbContext>
{
    public SqliteCormDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCormDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerCormDbContext>
{
    public SqlServerCormDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCormDbContext>().UseSqlServer("Server=.;Database=CoRM;Trusted_Connection=True;TrustServerCertificate=True").Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlCormDbContext>
{
    public PostgreSqlCormDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlCormDbContext>().UseNpgsql("Host=localhost;Database=corm").Options);
}
