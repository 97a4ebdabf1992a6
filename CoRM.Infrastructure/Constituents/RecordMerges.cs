using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Constituents;
using CoRM.Domain.Identity;
using CoRM.Domain.Volunteering;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoRM.Infrastructure.Constituents;

/// <summary>One field a steward chooses between: the surviving record's value or the merged one's.</summary>
public sealed record MergeField(string Name, string Label, string? SurvivorValue, string? MergedValue, bool TakeMergedByDefault);

/// <summary>How many rows of one kind will move ("312 interactions on the timeline").</summary>
public sealed record MergeMove(string What, int Rows);

public sealed record MergeSide(int Id, string DisplayName, string? Email, DateOnly? BirthDate, DateTime CreatedAt);

public sealed record MergePreview(MergeSide Survivor, MergeSide Merged, IReadOnlyList<MergeField> Fields, IReadOnlyList<MergeMove> Moves, string? Refusal);

/// <param name="TakeFromMerged">Names of the fields (<see cref="RecordMerges.Fields"/>) whose merged value replaces the survivor's.</param>
public sealed record MergeRequest(int SurvivorId, int MergedId, IReadOnlySet<string> TakeFromMerged, int? CandidateId = null);

/// <summary>
/// Merges two records of one person. Everything the person registry lists moves to the survivor in one transaction;
/// rows that would collide on a unique index (both enrolled in the same term, both sent the same appeal) are collapsed
/// into the survivor's; hats' dated ranges are joined, duplicate relationships collapse with the narrower access grant,
/// repeated contact points go, and consent and opt-outs combine to the most restrictive. The merged record stays as a
/// pointer to the survivor, so an old link or id still leads somewhere. A before-image of both records and of every row
/// that moved or was collapsed is kept with the merge. Data stewards and administrators only.
/// </summary>
public sealed class RecordMerges(IDbContextFactory<CormDbContext> dbFactory, CommandRunner runner, AuditTrail audit, TimeProvider time)
{
    public const string NameField = "Name";
    public const string EmailField = "Email";
    public const string BirthDateField = "BirthDate";
    public const string RegionField = "Region";
    public const string StudentNumberField = "StudentNumber";

    /// <summary>Entities whose rows a merge changes beyond the person column, with their person columns.</summary>
    private static readonly (Type Entity, string[] Columns)[] Rewritten =
    [
        (typeof(Hat), [nameof(Hat.ConstituentId)]),
        (typeof(ContactPoint), [nameof(ContactPoint.ConstituentId)]),
        (typeof(Relationship), [nameof(Relationship.SubjectId), nameof(Relationship.RelatedId)]),
        (typeof(VolunteerProfile), [nameof(VolunteerProfile.ConstituentId)]),
    ];

    /// <summary>Columns the merge treats itself rather than moving blindly.</summary>
    private static readonly HashSet<string> Handled = ["DuplicateCandidate.FirstId", "DuplicateCandidate.SecondId", "MergeRecord.SurvivorId", "MergeRecord.MergedId"];

    public async Task<MergePreview?> PreviewAsync(UserScope user, int survivorId, int mergedId, CancellationToken ct = default)
    {
        if (!user.StewardsData) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pair = await db.Constituents.AsNoTracking().Where(Constituent.Current).Where(c => c.Id == survivorId || c.Id == mergedId).ToListAsync(ct);
        if (survivorId == mergedId || pair.Count != 2) return null;
        var (survivor, merged) = (pair.Single(c => c.Id == survivorId), pair.Single(c => c.Id == mergedId));
        var moves = new List<MergeMove>();
        foreach (var column in PersonRegistry.Columns.Where(c => !Handled.Contains(c.Name)))
        {
            var (table, name) = Column(db, column);
            var rows = await CountAsync(db, $"SELECT COUNT(*) FROM {table} WHERE {name} = {mergedId}", ct);
            if (rows > 0) moves.Add(new MergeMove(column.Holds, rows));
        }
        return new MergePreview(Side(survivor), Side(merged), Fields(survivor, merged), moves, await RefusalAsync(db, survivorId, mergedId, ct));
    }

    public Task<CommandResult> MergeAsync(UserScope user, MergeRequest request, CancellationToken ct = default)
    {
        if (!user.StewardsData) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(CommandOptions.About("record", transaction: true), async db =>
        {
            var pair = await db.Constituents.Where(c => c.Id == request.SurvivorId || c.Id == request.MergedId).ToListAsync(ct);
            if (request.SurvivorId == request.MergedId) return CommandResult.Invalid("Choose two different records.");
            if (pair.Count != 2) return CommandResult.NotFound;
            var (survivor, merged) = (pair.Single(c => c.Id == request.SurvivorId), pair.Single(c => c.Id == request.MergedId));
            if (survivor.MergedIntoId is not null || merged.MergedIntoId is not null) return CommandResult.Invalid("One of these records has already been merged.");
            if (await RefusalAsync(db, survivor.Id, merged.Id, ct) is { } refusal) return CommandResult.Invalid(refusal);

            var image = new Dictionary<string, object?>
            {
                ["survivor"] = Snapshot(survivor),
                ["merged"] = Snapshot(merged),
            };
            var moved = new Dictionary<string, List<string>>();
            var collapsed = new List<Dictionary<string, object?>>();
            var now = time.UtcNow();

            // Pairs in the duplicate queue: this one is done; the merged record's other pairs go (a scan raises them again for the survivor).
            foreach (var candidate in await db.DuplicateCandidates.Where(d => d.FirstId == merged.Id || d.SecondId == merged.Id).ToListAsync(ct))
            {
                if (DuplicateCandidate.PairKey(candidate.FirstId, candidate.SecondId) == DuplicateCandidate.PairKey(survivor.Id, merged.Id) && candidate.Status == DuplicateStatus.Open)
                    candidate.MarkMerged(user.ConstituentId, now);
                else if (candidate.Status == DuplicateStatus.Open) db.DuplicateCandidates.Remove(candidate);
            }
            await db.SaveChangesAsync(ct);

            // Rows the merge rewrites beyond moving an id (hats joined, relationships collapsed, contact points deduplicated,
            // volunteer profiles combined), captured whole for both records so an undo can put them back.
            var rewritten = new List<Dictionary<string, object?>>();
            foreach (var (type, columns) in Rewritten)
            {
                var entity = db.Model.FindEntityType(type)!;
                var table = Column(db, PersonRegistry.Columns.First(c => c.Entity == type && c.Property == columns[0])).Table;
                var where = string.Join(" OR ", columns.Select(c => $"{Column(db, PersonRegistry.Columns.Single(x => x.Entity == type && x.Property == c)).Column} IN ({survivor.Id}, {merged.Id})"));
                foreach (var row in await RowsAsync(db, $"SELECT * FROM {table} WHERE {where}", ct))
                {
                    row["_table"] = entity.GetTableName();
                    rewritten.Add(row);
                }
            }
            image["rewritten"] = rewritten;

            // Rows that would collide on a unique index are collapsed into the survivor's, then everything else moves.
            await MergeVolunteerProfilesAsync(db, survivor.Id, merged.Id, ct);
            foreach (var column in PersonRegistry.Columns.Where(c => !Handled.Contains(c.Name)))
            {
                var entity = db.Model.FindEntityType(column.Entity)!;
                var (table, name) = Column(db, column);
                foreach (var key in UniqueKeysWith(entity, column.Property))
                    collapsed.AddRange(await CollapseAsync(db, entity, table, name, key, survivor.Id, merged.Id, ct));
                var ids = await KeysAsync(db, entity, table, $"{name} = {merged.Id}", ct);
                if (ids.Count == 0) continue;
                moved[column.Name] = ids;
                // Identifiers from the EF model, delimited by the provider; the ids are parameters.
                var update = $"UPDATE {table} SET {name} = {{0}} WHERE {name} = {{1}}";
                await db.Database.ExecuteSqlRawAsync(update, [survivor.Id, merged.Id], ct);
            }
            image["moved"] = moved;
            image["collapsed"] = collapsed;

            await JoinHatsAsync(db, survivor.Id, ct);
            await CollapseRelationshipsAsync(db, survivor.Id, ct);
            await DedupeContactPointsAsync(db, survivor.Id, ct);

            // Fields: the steward's choices; then the merged record becomes a pointer (and gives up its student number).
            var studentNumber = request.TakeFromMerged.Contains(StudentNumberField) || survivor.StudentNumber is null ? merged.StudentNumber ?? survivor.StudentNumber : survivor.StudentNumber;
            var externalId = survivor.ExternalId ?? merged.ExternalId;
            merged.MergeInto(survivor);
            await db.SaveChangesAsync(ct);
            if (request.TakeFromMerged.Contains(NameField)) survivor.Rename(merged.FirstName, merged.LastName);
            if (request.TakeFromMerged.Contains(EmailField) && merged.Email is not null) survivor.SetPrimaryEmail(merged.Email);
            if (request.TakeFromMerged.Contains(BirthDateField) && merged.BirthDate is not null) survivor.BirthDate = merged.BirthDate;
            if (request.TakeFromMerged.Contains(RegionField) && merged.Region is not null) survivor.Region = merged.Region;
            survivor.StudentNumber = studentNumber;
            survivor.ExternalId = externalId;

            var summary = Summary(survivor, merged, moved, collapsed.Count);
            var record = new MergeRecord
            {
                SurvivorId = survivor.Id, MergedId = merged.Id, MergedAt = now, MergedById = user.ConstituentId,
                Summary = summary.Length > MergeRecord.SummaryMaxLength ? summary[..MergeRecord.SummaryMaxLength] : summary,
                BeforeImage = JsonSerializer.Serialize(image),
            };
            db.MergeRecords.Add(record);
            await db.SaveChangesAsync(ct);
            audit.Record(db, user, AuditAction.Update, nameof(Constituent), survivor.Id, survivor.Id, $"Merge #{record.Id}: {record.Summary}");
            audit.Record(db, user, AuditAction.Update, nameof(Constituent), merged.Id, merged.Id, $"Merged into C-{survivor.Id} (merge #{record.Id})");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(survivor.Id);
        }, ct);
    }

    /// <summary>
    /// Undoes a merge from its before-image (administrators): every row that moved goes back to the merged record, rows
    /// the merge collapsed or rewrote (hats, relationships, contact points, volunteer profiles) are restored as they were,
    /// both records get their own fields back, and the pair is marked "not a duplicate". Rows added to the survivor since
    /// the merge stay with it. Consent never widens here either: each record keeps any opt-out the survivor holds now.
    /// </summary>
    public Task<CommandResult> UnmergeAsync(UserScope user, int mergeId, CancellationToken ct = default)
    {
        if (!user.IsIn(Roles.Admin)) return Task.FromResult(CommandResult.NotFound);
        return runner.RunAsync(CommandOptions.About("merge", transaction: true), async db =>
        {
            var record = await db.MergeRecords.SingleOrDefaultAsync(m => m.Id == mergeId, ct);
            if (record is null) return CommandResult.NotFound;
            if (record.UndoneAt is not null) return CommandResult.Invalid("This merge has already been undone.");
            var pair = await db.Constituents.Where(c => c.Id == record.SurvivorId || c.Id == record.MergedId).ToListAsync(ct);
            var (survivor, merged) = (pair.Single(c => c.Id == record.SurvivorId), pair.Single(c => c.Id == record.MergedId));
            if (survivor.MergedIntoId is { } later) return CommandResult.Invalid($"C-{survivor.Id} has since been merged into C-{later}: undo that merge first.");
            if (merged.MergedIntoId != survivor.Id) return CommandResult.Invalid($"C-{merged.Id} is no longer merged into C-{survivor.Id}.");
            using var image = JsonDocument.Parse(record.BeforeImage);
            var root = image.RootElement;
            var now = time.UtcNow();

            // 1. What moved goes back (rows since moved elsewhere, or deleted, are left alone).
            if (root.TryGetProperty("moved", out var moved))
                foreach (var column in moved.EnumerateObject())
                {
                    var registered = PersonRegistry.Columns.SingleOrDefault(c => c.Name == column.Name);
                    if (registered is null) continue; // a column since removed from the model
                    var entity = db.Model.FindEntityType(registered.Entity)!;
                    var (table, name) = Column(db, registered);
                    var keys = column.Value.EnumerateArray().Select(k => k.GetString()!).ToList();
                    foreach (var chunk in keys.Chunk(500))
                        await MoveBackAsync(db, entity, table, name, chunk, survivor.Id, merged.Id, ct);
                }

            // 2. Rows rewritten or collapsed are restored as they were (the rewritten first: a collapsed row may be among them).
            var restore = new List<JsonElement>();
            if (root.TryGetProperty("rewritten", out var rewritten)) restore.AddRange(rewritten.EnumerateArray());
            if (root.TryGetProperty("collapsed", out var collapsed)) restore.AddRange(collapsed.EnumerateArray());
            var restored = new HashSet<string>();
            foreach (var row in restore)
                await RestoreRowAsync(db, row, restored, ct);

            // 3. Both records' own fields; the merged record stands on its own again.
            var optOuts = (survivor.DoNotContact, survivor.EmailOptOut, survivor.PostOptOut);
            merged.Unmerge();
            await db.SaveChangesAsync(ct);
            // The survivor first: a student number or external id it took from the merged record is free again before
            // the merged record takes it back (both are unique).
            Restore(survivor, root.GetProperty("survivor"), optOuts);
            await db.SaveChangesAsync(ct);
            Restore(merged, root.GetProperty("merged"), optOuts);

            record.UndoneAt = now;
            record.UndoneById = user.ConstituentId;
            var key = DuplicateCandidate.PairKey(survivor.Id, merged.Id);
            foreach (var candidate in await db.DuplicateCandidates.Where(d => d.Status == DuplicateStatus.Merged && (d.FirstId == survivor.Id || d.SecondId == survivor.Id)).ToListAsync(ct))
                if (DuplicateCandidate.PairKey(candidate.FirstId, candidate.SecondId) == key) candidate.MarkUnmerged(user.ConstituentId, now);
            audit.Record(db, user, AuditAction.Update, nameof(Constituent), survivor.Id, survivor.Id, $"Undid merge #{record.Id}: C-{merged.Id} restored");
            audit.Record(db, user, AuditAction.Update, nameof(Constituent), merged.Id, merged.Id, $"Restored from C-{survivor.Id} (merge #{record.Id} undone)");
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(merged.Id);
        }, ct);
    }

    /// <summary>Merges a user may undo, newest first: those into a record, or all recent ones.</summary>
    public async Task<IReadOnlyList<MergeRecord>> HistoryAsync(UserScope user, int? survivorId, int take = 50, CancellationToken ct = default)
    {
        if (!user.StewardsData) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var merges = db.MergeRecords.AsNoTracking();
        if (survivorId is { } id) merges = merges.Where(m => m.SurvivorId == id || m.MergedId == id);
        return await merges.OrderByDescending(m => m.MergedAt).ThenByDescending(m => m.Id).Take(take).ToListAsync(ct);
    }

    private static void Restore(Constituent c, JsonElement snapshot, (bool DoNotContact, bool EmailOptOut, bool PostOptOut) now)
    {
        string? Text(string name) => snapshot.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        bool Flag(string name) => snapshot.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
        c.Rename(Text("FirstName") ?? "", Text("LastName") ?? c.LastName);
        c.SetPrimaryEmail(Text("Email"));
        c.BirthDate = Text("BirthDate") is { } born ? DateOnly.ParseExact(born, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        c.Region = Text("Region");
        c.StudentNumber = Text("StudentNumber");
        c.ExternalId = Text("ExternalId");
        c.DoNotContact = Flag("DoNotContact") || now.DoNotContact;
        c.EmailOptOut = Flag("EmailOptOut") || now.EmailOptOut;
        c.PostOptOut = Flag("PostOptOut") || now.PostOptOut;
    }

    private static async Task MoveBackAsync(CormDbContext db, IEntityType entity, string table, string column, string[] keys, int survivorId, int mergedId, CancellationToken ct)
    {
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var keyProperties = entity.FindPrimaryKey()!.Properties;
        var keyColumns = keyProperties.Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!)).ToList();
        var parameters = new List<object> { mergedId, survivorId };
        var match = new List<string>();
        foreach (var key in keys)
        {
            var parts = key.Split('|');
            // A key that contains the person column itself (a donor score keyed by its constituent) now holds the survivor's id.
            match.Add("(" + string.Join(" AND ", keyColumns.Select((c, i) =>
            {
                parameters.Add(c == column ? survivorId.ToString(CultureInfo.InvariantCulture) : parts[i]);
                return $"{c} = {Typed(db, keyProperties[i], $"{{{parameters.Count - 1}}}")}";
            })) + ")");
        }
        // Identifiers from the EF model; every value a parameter.
        var update = $"UPDATE {table} SET {column} = {{0}} WHERE {column} = {{1}} AND ({string.Join(" OR ", match)})";
        await db.Database.ExecuteSqlRawAsync(update, parameters, ct);
    }

    /// <summary>A row from the before-image: updated back to its old values where it still exists, inserted again where it was deleted.</summary>
    private static async Task RestoreRowAsync(CormDbContext db, JsonElement row, HashSet<string> done, CancellationToken ct)
    {
        var tableName = row.GetProperty("_table").GetString()!;
        var entity = db.Model.GetEntityTypes().First(e => e.GetTableName() == tableName);
        var store = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(tableName, entity.GetSchema());
        var values = row.EnumerateObject().Where(p => p.Name != "_table").ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetString());
        var keyColumns = entity.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName(store)!).ToList();
        var identity = tableName + ":" + string.Join("|", keyColumns.Select(k => values[k]));
        if (!done.Add(identity)) return;
        var parameters = new List<object?>();
        string Parameter(string? value, string column)
        {
            if (value is null) return "NULL";
            parameters.Add(value);
            return Typed(db, entity.GetProperties().FirstOrDefault(p => p.GetColumnName(store) == column), $"{{{parameters.Count - 1}}}");
        }
        var where = string.Join(" AND ", keyColumns.Select(k => $"{sql.DelimitIdentifier(k)} = {Parameter(values[k], k)}"));
        var exists = await CountWithAsync(db, $"SELECT COUNT(*) FROM {table} WHERE {where}", parameters, ct) > 0;
        if (exists)
        {
            var set = string.Join(", ", values.Keys.Where(k => !keyColumns.Contains(k)).Select(k => $"{sql.DelimitIdentifier(k)} = {Parameter(values[k], k)}"));
            var update = $"UPDATE {table} SET {set} WHERE {where}"; // identifiers from the EF model; values are parameters
            if (set.Length > 0) await db.Database.ExecuteSqlRawAsync(update, parameters!, ct);
        }
        else
        {
            parameters.Clear();
            var columns = string.Join(", ", values.Keys.Select(k => sql.DelimitIdentifier(k)));
            var inserted = string.Join(", ", values.Keys.Select(k => Parameter(values[k], k)));
            var insert = $"INSERT INTO {table} ({columns}) VALUES ({inserted})";
            // SQL Server keeps identity values to itself unless asked: the restored row gets its old id back.
            if (db.Database.IsSqlServer() && entity.FindPrimaryKey()!.Properties.Any(p => p.ValueGenerated == ValueGenerated.OnAdd))
                insert = $"SET IDENTITY_INSERT {table} ON; {insert}; SET IDENTITY_INSERT {table} OFF;";
            await db.Database.ExecuteSqlRawAsync(insert, parameters!, ct);
        }
    }

    private static async Task<int> CountWithAsync(CormDbContext db, string sql, List<object?> parameters, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<int>(sql.Replace("SELECT COUNT(*)", "SELECT COUNT(*) AS \"Value\"", StringComparison.Ordinal), parameters.ToArray()!).SingleAsync(ct);

    /// <summary>
    /// Where a record now lives: itself, or the record it was merged into (following a chain), provided the user may see
    /// that one. Null when the id is unknown or outside the user's scope.
    /// </summary>
    public async Task<int?> CurrentIdAsync(UserScope user, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        for (var hop = 0; hop < 10; hop++)
        {
            var next = await db.Constituents.Where(c => c.Id == id).Select(c => new { c.MergedIntoId }).SingleOrDefaultAsync(ct);
            if (next is null) return null;
            if (next.MergedIntoId is not { } into) break;
            id = into;
        }
        return await ConstituentScope.VisibleTo(db, user, time).AnyAsync(c => c.Id == id, ct) ? id : null;
    }

    public static IReadOnlyList<MergeField> Fields(Constituent survivor, Constituent merged)
    {
        // The most recent non-empty value by default: the newer record's, where it has one.
        var mergedIsNewer = merged.CreatedAt > survivor.CreatedAt;
        MergeField Field(string name, string label, string? a, string? b) =>
            new(name, label, a, b, b is not null && a != b && (a is null || mergedIsNewer));
        return
        [
            // The name stays the kept record's by default: a second record's name is the field most often mistyped or swapped.
            Field(NameField, "Name", survivor.DisplayName, merged.DisplayName) with { TakeMergedByDefault = false },
            Field(EmailField, "E-mail", survivor.Email, merged.Email),
            Field(BirthDateField, "Date of birth", survivor.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), merged.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Field(RegionField, "Region", survivor.Region, merged.Region),
            Field(StudentNumberField, "Student number", survivor.StudentNumber, merged.StudentNumber),
        ];
    }

    private static async Task<string?> RefusalAsync(CormDbContext db, int survivorId, int mergedId, CancellationToken ct)
    {
        var users = await db.PortalUsers.CountAsync(u => u.ConstituentId == survivorId || u.ConstituentId == mergedId, ct);
        return users > 1 ? "Both records sign in to the portal. Remove one of the sign-ins first (an administrator), then merge." : null;
    }

    private static MergeSide Side(Constituent c) => new(c.Id, c.DisplayName, c.Email, c.BirthDate, c.CreatedAt);

    private static Dictionary<string, object?> Snapshot(Constituent c) => new()
    {
        ["Id"] = c.Id, ["FirstName"] = c.FirstName, ["LastName"] = c.LastName, ["Email"] = c.Email, ["BirthDate"] = c.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Region"] = c.Region, ["StudentNumber"] = c.StudentNumber, ["ExternalId"] = c.ExternalId, ["DoNotContact"] = c.DoNotContact, ["EmailOptOut"] = c.EmailOptOut, ["PostOptOut"] = c.PostOptOut,
    };

    private static string Summary(Constituent survivor, Constituent merged, Dictionary<string, List<string>> moved, int collapsed)
    {
        var parts = moved.Select(m => $"{m.Value.Count} × {PersonRegistry.Columns.Single(c => c.Name == m.Key).Holds}");
        var what = moved.Count == 0 ? "nothing to move" : string.Join("; ", parts);
        return $"C-{merged.Id} {merged.DisplayName} merged into C-{survivor.Id} {survivor.DisplayName}: {what}" + (collapsed > 0 ? $"; {collapsed} duplicate row(s) collapsed" : "");
    }

    /// <summary>The table and column, delimited the provider's way ("Gifts" on SQLite, [Gifts] on SQL Server).</summary>
    internal static (string Table, string Column) Column(CormDbContext db, PersonColumn column)
    {
        var entity = db.Model.FindEntityType(column.Entity)!;
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        return (sql.DelimitIdentifier(store.Name, store.Schema), sql.DelimitIdentifier(entity.FindProperty(column.Property)!.GetColumnName(store)!));
    }

    /// <summary>Unique indexes and keys of the entity that include the column, as the other columns that must also be equal to collide.</summary>
    private static IEnumerable<(IReadOnlyList<IProperty> Others, string? Filter)> UniqueKeysWith(IEntityType entity, string property)
    {
        foreach (var index in entity.GetIndexes().Where(i => i.IsUnique && i.Properties.Any(p => p.Name == property)))
            yield return (index.Properties.Where(p => p.Name != property).ToList(), index.GetFilter());
        var key = entity.FindPrimaryKey();
        if (key is not null && key.Properties.Any(p => p.Name == property))
            yield return (key.Properties.Where(p => p.Name != property).ToList(), null);
    }

    /// <summary>Deletes the merged record's rows that the survivor already has an equal of (same term, same appeal); returns them for the before-image.</summary>
    private static async Task<List<Dictionary<string, object?>>> CollapseAsync(CormDbContext db, IEntityType entity, string table, string column,
        (IReadOnlyList<IProperty> Others, string? Filter) key, int survivorId, int mergedId, CancellationToken ct)
    {
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var equal = string.Concat(key.Others.Select(p => $" AND s.{sql.DelimitIdentifier(p.GetColumnName(store)!)} = {table}.{sql.DelimitIdentifier(p.GetColumnName(store)!)}"));
        var filter = key.Filter is null ? "" : $" AND ({key.Filter})";
        var where = $"{column} = {mergedId}{filter} AND EXISTS (SELECT 1 FROM {table} s WHERE s.{column} = {survivorId}{equal}{(key.Filter is null ? "" : $" AND ({key.Filter.Replace("[", "s.[", StringComparison.Ordinal)})")})";
        var rows = await RowsAsync(db, $"SELECT * FROM {table} WHERE {where}", ct);
        if (rows.Count == 0) return rows;
        foreach (var row in rows) row["_table"] = entity.GetTableName();
        var delete = $"DELETE FROM {table} WHERE {where}"; // identifiers from the EF model and integer ids only
        await db.Database.ExecuteSqlRawAsync(delete, ct);
        return rows;
    }

    /// <summary>Both were volunteers: one profile with both sets of skills and both notes on availability.</summary>
    private static async Task MergeVolunteerProfilesAsync(CormDbContext db, int survivorId, int mergedId, CancellationToken ct)
    {
        var profiles = await db.Set<VolunteerProfile>().Where(p => p.ConstituentId == survivorId || p.ConstituentId == mergedId).ToListAsync(ct);
        if (profiles.Count < 2) return;
        var (keep, other) = (profiles.Single(p => p.ConstituentId == survivorId), profiles.Single(p => p.ConstituentId == mergedId));
        var skills = string.Join(", ", keep.SkillList.Concat(other.SkillList).Distinct(StringComparer.OrdinalIgnoreCase));
        keep.Skills = skills.Length > VolunteerProfile.SkillsMaxLength ? keep.Skills : skills;
        if (other.Availability is { } more && keep.Availability != more)
        {
            var availability = keep.Availability is null ? more : $"{keep.Availability}; {more}";
            if (availability.Length <= VolunteerProfile.AvailabilityMaxLength) keep.Availability = availability;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The same hat twice (a student from two imports): one dated range, from the earlier start to the later end.</summary>
    private static async Task JoinHatsAsync(CormDbContext db, int survivorId, CancellationToken ct)
    {
        var hats = await db.Hats.Where(h => h.ConstituentId == survivorId).OrderBy(h => h.Kind).ThenBy(h => h.StartDate).ToListAsync(ct);
        foreach (var kind in hats.GroupBy(h => h.Kind))
        {
            Hat? current = null;
            foreach (var hat in kind)
            {
                if (current is not null && (current.EndDate is null || hat.StartDate <= current.EndDate.Value.AddDays(1)))
                {
                    current.EndDate = current.EndDate is null || hat.EndDate is null ? null : hat.EndDate > current.EndDate ? hat.EndDate : current.EndDate;
                    db.Hats.Remove(hat);
                }
                else current = hat;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A relationship between the two records goes; the same relationship twice becomes one, keeping only the access
    /// both granted (a merge never widens what a parent may see).
    /// </summary>
    private static async Task CollapseRelationshipsAsync(CormDbContext db, int survivorId, CancellationToken ct)
    {
        var links = await db.Relationships.Where(r => r.SubjectId == survivorId || r.RelatedId == survivorId).OrderBy(r => r.Id).ToListAsync(ct);
        db.Relationships.RemoveRange(links.Where(r => r.SubjectId == r.RelatedId));
        foreach (var same in links.Where(r => r.SubjectId != r.RelatedId).GroupBy(r => (r.SubjectId, r.RelatedId, r.Kind)).Where(g => g.Count() > 1))
        {
            var keep = same.First();
            foreach (var other in same.Skip(1))
            {
                keep.Grants &= other.Grants;
                if (other.StartDate < keep.StartDate) keep.StartDate = other.StartDate;
                db.Relationships.Remove(other);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task DedupeContactPointsAsync(CormDbContext db, int survivorId, CancellationToken ct)
    {
        var points = await db.ContactPoints.Where(p => p.ConstituentId == survivorId).OrderByDescending(p => p.IsPrimary).ThenBy(p => p.Id).ToListAsync(ct);
        var seen = new HashSet<(ContactPointKind, string)>();
        foreach (var point in points)
            if (!seen.Add((point.Kind, point.Value.Trim().ToLowerInvariant()))) db.ContactPoints.Remove(point);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<int> CountAsync(CormDbContext db, string sql, CancellationToken ct)
    {
        await using var command = await CommandAsync(db, sql, ct);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> KeysAsync(CormDbContext db, IEntityType entity, string table, string where, CancellationToken ct)
    {
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var key = string.Join(", ", entity.FindPrimaryKey()!.Properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!)));
        var keys = new List<string>();
        await using var command = await CommandAsync(db, $"SELECT {key} FROM {table} WHERE {where}", ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            keys.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        return keys;
    }

    /// <summary>
    /// A before-image keeps every value as text. SQLite and SQL Server convert text to the column's type on their own;
    /// PostgreSQL does not ("integer = text"), so there the placeholder is cast to the column's store type.
    /// </summary>
    private static string Typed(CormDbContext db, IReadOnlyProperty? property, string placeholder) =>
        db.Database.IsNpgsql() && property?.GetColumnType() is { } type ? $"CAST({placeholder} AS {type})" : placeholder;

    private static async Task<List<Dictionary<string, object?>>> RowsAsync(CormDbContext db, string sql, CancellationToken ct)
    {
        var rows = new List<Dictionary<string, object?>>();
        await using var command = await CommandAsync(db, sql, ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            rows.Add(row);
        }
        return rows;
    }

    private static async Task<DbCommand> CommandAsync(CormDbContext db, string sql, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}
