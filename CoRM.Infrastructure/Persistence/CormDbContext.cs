using CoRM.Domain.Auditing;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Domain.Identity;
using CoRM.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Persistence;

/// <summary>
/// The domain database. Each provider has its own subclass and migrations:
/// <code>
/// dotnet ef migrations add NAME --project CoRM.Infrastructure --startup-project CoRM.Portal --context SqliteCormDbContext --output-dir Persistence/Migrations/Sqlite
/// dotnet ef migrations add NAME --project CoRM.Infrastructure --startup-project CoRM.Portal --context SqlServerCormDbContext --output-dir Persistence/Migrations/SqlServer
/// </code>
/// </summary>
public abstract class CormDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Constituent> Constituents => Set<Constituent>();
    public DbSet<Hat> Hats => Set<Hat>();
    public DbSet<ContactPoint> ContactPoints => Set<ContactPoint>();
    public DbSet<Address> Addresses => Set<Address>();
    public DbSet<Relationship> Relationships => Set<Relationship>();
    public DbSet<Interaction> Interactions => Set<Interaction>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PortalUser> PortalUsers => Set<PortalUser>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CormDbContext).Assembly);
}

/// <summary>The embedded default: a SQLite file, migrated at start-up.</summary>
public sealed class SqliteCormDbContext(DbContextOptions<SqliteCormDbContext> options) : CormDbContext(options);

/// <summary>The production provider.</summary>
public sealed class SqlServerCormDbContext(DbContextOptions<SqlServerCormDbContext> options) : CormDbContext(options);
