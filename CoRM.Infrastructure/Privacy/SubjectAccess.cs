using System.IO.Compression;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using CoRM.Domain.Advancement;
using CoRM.Domain.Cases;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Privacy;

/// <summary>One kind of row the person is the subject of (their gifts, their grades), as registered in the person registry.</summary>
public sealed record SubjectAccessSection(string Entity, string Column, string Holds, IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows);

/// <summary>Where the person acted on someone else's record (recorded a note, owns a task): which rows, not their content.</summary>
public sealed record ActorReference(string Entity, string Column, string Holds, IReadOnlyList<string> RowIds);

public sealed record SubjectAccessData(
    int SubjectId, string Name, DateTime GeneratedAt, string Institution,
    IReadOnlyDictionary<string, object?> Profile, IReadOnlyList<SubjectAccessSection> Sections, IReadOnlyList<ActorReference> ActedOn)
{
    public int Rows => Sections.Sum(s => s.Rows.Count) + 1;
}

/// <summary>
/// Everything CoRM holds about a person (GDPR article 15), gathered by walking the person registry: for every column
/// that names a person as the subject of a row, every such row with every column; for every column that names them
/// as the one who acted, which rows (their content is about other people). A table added to the model without a
/// registry entry fails the registry test, so the export cannot silently miss it. Case notes are marked.
/// </summary>
public static class SubjectAccess
{
    private static readonly MethodInfo RowsOfMethod = typeof(SubjectAccess).GetMethod(nameof(RowsOf), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo IdsOfMethod = typeof(SubjectAccess).GetMethod(nameof(IdsOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Columns that are machinery, not information about the person.</summary>
    private static readonly HashSet<string> Machinery = ["Version", "Content", "ClaimedUntil", "DedupKey"];

    public static async Task<SubjectAccessData?> CollectAsync(CormDbContext db, int subjectId, string institution, DateTime now, CancellationToken ct)
    {
        var person = await db.Constituents.AsNoTracking().SingleOrDefaultAsync(c => c.Id == subjectId, ct);
        if (person is null) return null;
        var profile = Values(db, person);
        var sections = new List<SubjectAccessSection>();
        foreach (var column in PersonRegistry.Columns.Where(c => c.Role == PersonRole.Subject))
        {
            var rows = await (Task<List<Dictionary<string, object?>>>)RowsOfMethod.MakeGenericMethod(column.Entity).Invoke(null, [db, column.Property, subjectId, ct])!;
            sections.Add(new SubjectAccessSection(column.Entity.Name, column.Property, column.Holds, await EnrichAsync(db, column, rows, ct)));
        }
        var acted = new List<ActorReference>();
        foreach (var column in PersonRegistry.Columns.Where(c => c.Role == PersonRole.Actor))
        {
            var ids = await (Task<List<string>>)IdsOfMethod.MakeGenericMethod(column.Entity).Invoke(null, [db, column.Property, subjectId, ct])!;
            if (ids.Count > 0) acted.Add(new ActorReference(column.Entity.Name, column.Property, column.Holds, ids));
        }
        return new SubjectAccessData(subjectId, person.DisplayName, now, institution, profile, sections, acted);
    }

    /// <summary>What a row needs beside its own columns to be understood: a case note says so, a case client sees the case, a receipt its lines.</summary>
    private static async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> EnrichAsync(CormDbContext db, PersonColumn column, List<Dictionary<string, object?>> rows, CancellationToken ct)
    {
        if (column.Entity == typeof(Interaction))
            foreach (var row in rows.Where(r => r[nameof(Interaction.CaseId)] is not null))
                row["CaseNote"] = $"Case note, readable by: {row[nameof(Interaction.Sensitivity)]}";
        if (column.Entity == typeof(CaseClient) && rows.Count > 0)
        {
            var caseIds = rows.Select(r => (int)r[nameof(CaseClient.CaseId)]!).ToList();
            var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
                .Select(c => new { c.Id, Type = c.Type!.Name, c.Status, c.OpenedOn, c.ClosedOn, c.Summary, c.ReferralSource, c.CloseReason }).ToDictionaryAsync(c => c.Id, ct);
            var goals = (await db.CaseGoals.AsNoTracking().Where(g => caseIds.Contains(g.CaseId)).Select(g => new { g.CaseId, g.Title, g.Status }).ToListAsync(ct)).ToLookup(g => g.CaseId);
            foreach (var row in rows)
            {
                var c = cases[(int)row[nameof(CaseClient.CaseId)]!];
                row["Case"] = $"{Case.FormatReference(c.Id)}: {c.Type}, {c.Status}, opened {c.OpenedOn:yyyy-MM-dd}{(c.ClosedOn is { } closed ? $", closed {closed:yyyy-MM-dd}" : "")}";
                row["CaseSummary"] = c.Summary;
                row["ReferralSource"] = c.ReferralSource;
                row["CloseReason"] = c.CloseReason;
                row["Goals"] = string.Join("; ", goals[c.Id].Select(g => $"{g.Title} ({g.Status})"));
            }
        }
        if (column.Entity == typeof(Domain.Admissions.AdmissionApplication) && column.Property == nameof(Domain.Admissions.AdmissionApplication.ApplicantId) && rows.Count > 0)
        {
            // The readings of the person's applications are about them: scores, recommendation and comments (not the reader's name).
            var applicationIds = rows.Select(r => (int)r[nameof(Domain.Admissions.AdmissionApplication.Id)]!).ToList();
            var readings = (await db.ApplicationReviews.AsNoTracking().Include(r => r.Scores).Where(r => applicationIds.Contains(r.ApplicationId)).ToListAsync(ct))
                .ToLookup(r => r.ApplicationId);
            foreach (var row in rows)
                row["Readings"] = string.Join(" | ", readings[(int)row[nameof(Domain.Admissions.AdmissionApplication.Id)]!].Select(r =>
                    $"{r.SubmittedAt:yyyy-MM-dd}: {r.Recommendation}, weighted {r.WeightedScore:0.00} ({string.Join(", ", r.Scores.Select(x => $"{x.Criterion} {x.Score}"))}){(r.Comments is { } c ? $" — {c}" : "")}"));
        }
        if (column.Entity == typeof(Receipt) && rows.Count > 0)
        {
            var receiptIds = rows.Select(r => (int)r[nameof(Receipt.Id)]!).ToList();
            var lines = (await db.ReceiptLines.AsNoTracking().Where(l => receiptIds.Contains(l.ReceiptId)).ToListAsync(ct)).ToLookup(l => l.ReceiptId);
            foreach (var row in rows)
                row["Lines"] = string.Join("; ", lines[(int)row[nameof(Receipt.Id)]!].Select(l => $"{l.ReceivedOn:yyyy-MM-dd} {l.Description}: {l.Amount:0.00} (deductible {l.Deductible:0.00})"));
        }
        return rows;
    }

    private static async Task<List<Dictionary<string, object?>>> RowsOf<T>(CormDbContext db, string property, int id, CancellationToken ct) where T : class
    {
        var rows = await Matching<T>(db, property, id).AsNoTracking().ToListAsync(ct);
        return rows.Select(r => Values(db, r)).ToList();
    }

    private static async Task<List<string>> IdsOf<T>(CormDbContext db, string property, int id, CancellationToken ct) where T : class
    {
        var key = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties[0].Name;
        var keys = await Matching<T>(db, property, id).Select(e => EF.Property<object>(e, key)).ToListAsync(ct);
        return keys.Select(k => Convert.ToString(k, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList();
    }

    internal static IQueryable<T> Matching<T>(CormDbContext db, string property, int id) where T : class =>
        db.Model.FindEntityType(typeof(T))!.FindProperty(property)!.ClrType == typeof(int)
            ? db.Set<T>().Where(e => EF.Property<int>(e, property) == id)
            : db.Set<T>().Where(e => EF.Property<int?>(e, property) == id);

    private static Dictionary<string, object?> Values<T>(CormDbContext db, T row) where T : class
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in db.Model.FindEntityType(row.GetType())!.GetProperties())
        {
            if (Machinery.Contains(p.Name) || p.IsShadowProperty()) continue;
            var value = p.PropertyInfo?.GetValue(row) ?? p.FieldInfo?.GetValue(row);
            values[p.Name] = value is Enum e ? e.ToString() : value;
        }
        return values;
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string ToJson(SubjectAccessData data) => JsonSerializer.Serialize(new
    {
        data.Institution,
        data.GeneratedAt,
        data.SubjectId,
        data.Name,
        data.Profile,
        Sections = data.Sections.Select(s => new { s.Entity, s.Column, s.Holds, s.Rows }),
        ActedOn = data.ActedOn,
    }, Json);

    /// <summary>A readable copy: what each part is, then the rows as tables. Everything is encoded: a note cannot become markup.</summary>
    public static string ToHtml(SubjectAccessData data)
    {
        static string E(object? v) => WebUtility.HtmlEncode(v switch
        {
            null => "",
            DateTime d => d.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => v.ToString() ?? "",
        });
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Personal data held about ").Append(E(data.Name)).Append("</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}")
            .Append("td,th{border:1px solid #bbb;padding:.25rem .5rem;vertical-align:top;text-align:left;max-width:30rem;overflow-wrap:anywhere}th{background:#eee}")
            .Append(".note{background:#fff3cd}.empty{color:#555}</style></head><body>");
        html.Append("<h1>Personal data held about ").Append(E(data.Name)).Append("</h1>");
        html.Append("<p>").Append(E(data.Institution)).Append(" · record C-").Append(data.SubjectId).Append(" · produced ").Append(E(data.GeneratedAt))
            .Append(". This copy answers a subject-access request (GDPR article 15). Every part of the record system that can hold data about a person is listed, with what it holds, even where it holds nothing about you.</p>");
        html.Append("<h2>Your record</h2><table>");
        foreach (var (k, v) in data.Profile) html.Append("<tr><th>").Append(E(k)).Append("</th><td>").Append(E(v)).Append("</td></tr>");
        html.Append("</table><h2>Contents</h2><ul>");
        foreach (var s in data.Sections) html.Append("<li>").Append(E(s.Holds)).Append(": ").Append(s.Rows.Count).Append("</li>");
        html.Append("</ul>");
        foreach (var s in data.Sections.Where(s => s.Rows.Count > 0))
        {
            html.Append("<h2>").Append(E(char.ToUpperInvariant(s.Holds[0]) + s.Holds[1..])).Append(" (").Append(s.Rows.Count).Append(")</h2><table><tr>");
            var columns = s.Rows.SelectMany(r => r.Keys).Distinct().ToList();
            foreach (var c in columns) html.Append("<th>").Append(E(c)).Append("</th>");
            html.Append("</tr>");
            foreach (var row in s.Rows)
            {
                html.Append(row.TryGetValue("CaseNote", out var n) && n is not null ? "<tr class=\"note\">" : "<tr>");
                foreach (var c in columns) html.Append("<td>").Append(E(row.TryGetValue(c, out var v) ? v : null)).Append("</td>");
                html.Append("</tr>");
            }
            html.Append("</table>");
        }
        html.Append("<h2>Where you acted on other records</h2>");
        if (data.ActedOn.Count == 0) html.Append("<p class=\"empty\">None.</p>");
        else
        {
            html.Append("<p>As a member of staff or a user you recorded or handled these; their content is about other people, so only which records is listed.</p><table><tr><th>What</th><th>Records</th></tr>");
            foreach (var a in data.ActedOn) html.Append("<tr><td>").Append(E(a.Holds)).Append("</td><td>").Append(a.RowIds.Count).Append(": ").Append(E(string.Join(", ", a.RowIds.Take(200)))).Append(a.RowIds.Count > 200 ? " …" : "").Append("</td></tr>");
            html.Append("</table>");
        }
        html.Append("</body></html>");
        return html.ToString();
    }

    /// <summary>The download: the readable copy and the machine-readable one in one zip.</summary>
    public static byte[] ToZip(SubjectAccessData data)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, $"C-{data.SubjectId}-personal-data.html", ToHtml(data));
            Add(zip, $"C-{data.SubjectId}-personal-data.json", ToJson(data));
        }
        return stream.ToArray();

        static void Add(ZipArchive zip, string name, string text)
        {
            using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            entry.Write(Encoding.UTF8.GetBytes(text));
        }
    }

    public static string FileName(int subjectId, DateTime at) => $"subject-access-C-{subjectId}-{at:yyyyMMdd}.zip";
}
