using System.Data;
using System.Data.Common;
using CoRM.Domain;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CoRM.Infrastructure.Common;

/// <summary>How a command runs: in a transaction or not, what its conflicts are about, what a unique index means to the user.</summary>
public sealed record CommandOptions
{
    public static readonly CommandOptions Default = new();

    /// <summary>One transaction for the whole command, committed only when it succeeds: a rule broken half-way leaves nothing.</summary>
    public bool Transaction { get; init; }

    /// <summary>Serializable where two users racing for the last place must not both get it; otherwise the provider's default.</summary>
    public IsolationLevel? Isolation { get; init; }

    /// <summary>What a concurrency conflict is about, for its message ("gift", "shift").</summary>
    public string Record { get; init; } = "record";

    /// <summary>Messages for unique-index violations, by the index's database name (e.g. <c>IX_Segments_Name</c>).</summary>
    public IReadOnlyDictionary<string, string> UniqueIndexMessages { get; init; } = new Dictionary<string, string>();

    /// <summary>Message when the database refuses the command because another transaction held what it needed (a serializable race).</summary>
    public string? RaceMessage { get; init; }

    public static CommandOptions About(string record, bool transaction = false) => new() { Record = record, Transaction = transaction };
}

/// <summary>
/// The one way a user's command runs: a context of its own, optionally a transaction, and the same translation of
/// failures everywhere — a broken domain rule becomes the result's message, a concurrency exception a Conflict,
/// a named unique-index violation the caller's message. Services state the rule; they do not catch.
/// </summary>
public sealed class CommandRunner(IDbContextFactory<CormDbContext> dbFactory)
{
    public Task<CommandResult> RunAsync(Func<CormDbContext, Task<CommandResult>> work, CancellationToken ct) =>
        RunAsync(CommandOptions.Default, work, ct);

    public async Task<CommandResult> RunAsync(CommandOptions options, Func<CormDbContext, Task<CommandResult>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = !options.Transaction ? null
                : options.Isolation is { } level ? await db.Database.BeginTransactionAsync(level, ct)
                : await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await work(db);
                if (result.Succeeded && tx is not null) await tx.CommitAsync(ct);
                return result;
            }
            catch (DomainException e)
            {
                return CommandResult.Invalid(e.Message);
            }
            catch (DbUpdateConcurrencyException)
            {
                return CommandResult.Conflict(options.Record);
            }
            catch (DbUpdateException e) when (UniqueIndexes.Violated(db.Model, e) is { } index && options.UniqueIndexMessages.TryGetValue(index, out var message))
            {
                return CommandResult.Invalid(message);
            }
            catch (Exception e) when (options.Isolation == IsolationLevel.Serializable && attempt < MaxAttempts && IsSerializationFailure(e))
            {
                // A server with snapshot isolation (PostgreSQL) refuses one of two racing serializable transactions
                // instead of making it wait: the standard answer is to run it again, on what the winner committed.
                await Task.Delay(Random.Shared.Next(10, 50) * attempt, ct);
            }
            catch (Exception e) when (options.RaceMessage is not null && Causes(e).Any(x => x is DbException))
            {
                return CommandResult.Invalid(options.RaceMessage);
            }
        }
    }

    private const int MaxAttempts = 4;

    /// <summary>40001 (serialization failure) and 40P01 (deadlock), however deeply EF wrapped them.</summary>
    internal static bool IsSerializationFailure(Exception e) => Causes(e).OfType<DbException>().Any(x => x.SqlState is "40001" or "40P01");

    private static IEnumerable<Exception> Causes(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
    }
}

/// <summary>Which unique index a failed save broke, read from the provider's message and matched against the model.</summary>
public static class UniqueIndexes
{
    /// <summary>
    /// The database name of the violated unique index, or null. SQL Server and PostgreSQL name the index in their message;
    /// SQLite names its columns ("UNIQUE constraint failed: Segments.Name"), so those are matched to the model's indexes.
    /// </summary>
    public static string? Violated(IModel model, DbUpdateException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        foreach (var entity in model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null) continue;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var index in entity.GetIndexes().Where(i => i.IsUnique))
            {
                var name = index.GetDatabaseName(store);
                if (name is null) continue;
                if (message.Contains($"'{name}'", StringComparison.Ordinal) || message.Contains($"\"{name}\"", StringComparison.Ordinal)) return name;
                var columns = string.Join(", ", index.Properties.Select(p => $"{table}.{p.GetColumnName(store)}"));
                if (message.Contains($"UNIQUE constraint failed: {columns}'", StringComparison.Ordinal) || message.EndsWith($"UNIQUE constraint failed: {columns}", StringComparison.Ordinal))
                    return name;
            }
        }
        return null;
    }
}
