using System.Text.Json;
using CoRM.Domain.Imports;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Imports;

/// <summary>Column mappings remembered per importer and source, so the next file from the same place maps itself.</summary>
public sealed class SavedMappings(IDbContextFactory<CormDbContext> dbFactory, TimeProvider time)
{
    public async Task<IReadOnlyList<string>> SourcesAsync(string importer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SavedImportMappings.Where(m => m.Importer == importer).OrderBy(m => m.Source).Select(m => m.Source).ToListAsync(ct);
    }

    /// <summary>
    /// The mapping for a file: the source's remembered one where every column it names is in the file (fields it did not
    /// map are suggested), otherwise the suggestion from the headers.
    /// </summary>
    public async Task<(Dictionary<string, string?> Mapping, bool Remembered)> ForAsync(string importer, string source, IReadOnlyList<ImportField> fields, IReadOnlyList<string> headers, CancellationToken ct = default)
    {
        var suggested = ImportMapping.Suggest(fields, headers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var saved = await db.SavedImportMappings.AsNoTracking().SingleOrDefaultAsync(m => m.Importer == importer && m.Source == source.Trim(), ct);
        if (saved is null) return (suggested, false);
        var columns = JsonSerializer.Deserialize<Dictionary<string, string?>>(saved.Columns) ?? [];
        if (columns.Values.Any(c => c is not null && !headers.Contains(c))) return (suggested, false);
        foreach (var field in fields.Where(f => columns.ContainsKey(f.Name))) suggested[field.Name] = columns[field.Name];
        return (suggested, true);
    }

    /// <summary>Remembers a mapping; false when the source name is empty or too long, or the mapping too large to keep.</summary>
    public async Task<bool> SaveAsync(string importer, string source, IReadOnlyDictionary<string, string?> mapping, CancellationToken ct = default)
    {
        source = source.Trim();
        if (source.Length is 0 or > SavedImportMapping.SourceMaxLength) return false;
        var columns = JsonSerializer.Serialize(mapping);
        if (columns.Length > SavedImportMapping.ColumnsMaxLength) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var saved = await db.SavedImportMappings.SingleOrDefaultAsync(m => m.Importer == importer && m.Source == source, ct);
        if (saved is null) db.SavedImportMappings.Add(saved = new SavedImportMapping { Importer = importer, Source = source });
        (saved.Columns, saved.SavedAt) = (columns, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
