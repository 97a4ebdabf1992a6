namespace CoRM.Infrastructure.Imports;

/// <summary>A field CoRM needs from the file, with the column names it is usually exported under.</summary>
public sealed record ImportField(string Name, bool Required, string Description, params string[] Aliases);

/// <summary>Column mapping shared by every import: suggested from the file's headers, checked against them.</summary>
public static class ImportMapping
{
    /// <summary>
    /// Matches each field to the file's column with the same name or a known alias, ignoring case, spaces and punctuation,
    /// and the order of words in any spelling SIS, LMS and open-data exports use ("student_id", "id_student", "studentId",
    /// "Student ID" are one name).
    /// </summary>
    public static Dictionary<string, string?> Suggest(IReadOnlyList<ImportField> fields, IReadOnlyList<string> headers)
    {
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in headers)
        {
            byKey.TryAdd(Key(header), header);
            byKey.TryAdd(Words(header), header);
        }
        var mapping = new Dictionary<string, string?>();
        foreach (var field in fields)
            mapping[field.Name] = new[] { field.Name }.Concat(field.Aliases).SelectMany(a => new[] { Key(a), Words(a) }).Where(byKey.ContainsKey).Select(k => byKey[k]).FirstOrDefault();
        return mapping;
    }

    /// <summary>Why a mapping cannot be used with a file (a required field unmapped, a column the file lacks), or null.</summary>
    public static string? Problem(IReadOnlyList<ImportField> fields, IReadOnlyDictionary<string, string?> mapping, IReadOnlyList<string> headers)
    {
        var missing = fields.Where(f => f.Required && string.IsNullOrEmpty(mapping.GetValueOrDefault(f.Name))).Select(f => f.Name).ToList();
        if (missing.Count > 0) return "Map a column to: " + string.Join(", ", missing);
        var unknown = mapping.Values.Where(c => c is not null && !headers.Contains(c)).ToList();
        return unknown.Count > 0 ? "The file has no column " + string.Join(", ", unknown) : null;
    }

    private static string Key(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>The words of a name (split at punctuation, spaces and camelCase humps), lower-cased and sorted: "id_student" → "id student".</summary>
    private static string Words(string s)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (!char.IsLetterOrDigit(c) || (char.IsUpper(c) && i > 0 && char.IsLower(s[i - 1])))
            {
                if (current.Length > 0) words.Add(current.ToString());
                current.Clear();
            }
            if (char.IsLetterOrDigit(c)) current.Append(char.ToLowerInvariant(c));
        }
        if (current.Length > 0) words.Add(current.ToString());
        return "w:" + string.Join(' ', words.Order(StringComparer.Ordinal));
    }
}
