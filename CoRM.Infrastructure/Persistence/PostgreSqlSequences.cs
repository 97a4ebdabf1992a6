using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Persistence;

/// <summary>
/// Rows seeded by migrations (action types, the ladder, case types) carry their ids; PostgreSQL's identity sequences
/// do not move past ids written explicitly, so the next insert would reuse one. After migrating, each sequence is set
/// past the largest id in its table. Idempotent; a no-op on the other providers.
/// </summary>
public static class PostgreSqlSequences
{
    public static async Task RealignAsync(CormDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return;
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            var key = entity.FindPrimaryKey();
            if (table is null || entity.GetSchema() is not null || key is not { Properties: [var id] } || id.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd
                || (id.ClrType != typeof(int) && id.ClrType != typeof(long)))
                continue;
            var column = id.GetColumnName(Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, null))!;
            // Identifiers from the EF model only, never input.
            var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false) " +
                      $"WHERE pg_get_serial_sequence('\"{table}\"', '{column}') IS NOT NULL";
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
    }
}
