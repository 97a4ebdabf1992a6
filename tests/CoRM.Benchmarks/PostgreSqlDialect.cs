using System.Text.RegularExpressions;

namespace CoRM.Benchmarks;

/// <summary>
/// The hand-written floor is written once, in SQLite's dialect; this turns it into PostgreSQL's: CoRM's names are
/// PascalCase and PostgreSQL folds unquoted names to lower case, so every PascalCase word outside a string literal is
/// quoted; "$name" parameters become "@name"; and the few SQLite functions the floor uses get their PostgreSQL form.
/// The SQL keywords and functions are upper case and the aliases lower case, so neither is touched.
/// </summary>
internal static partial class PostgreSqlDialect
{
    // Flags compared with 0 and 1 in SQLite; booleans on PostgreSQL.
    private static readonly string[] Flags = ["DoNotContact", "EmailOptOut", "PostOptOut", "Passed", "IsPrimary", "Inbound"];

    public static string Translate(string sql)
    {
        var result = Tokens().Replace(sql, m =>
            m.Value[0] == '\'' ? m.Value
            : m.Value[0] == '$' ? "@" + m.Value[1..]
            : $"\"{m.Value}\"");
        result = result.Replace("date('now')", "CURRENT_DATE", StringComparison.Ordinal)
            .Replace("date(@today, '-18 years')", "(@today - interval '18 years')", StringComparison.Ordinal)
            .Replace("char(10)", "chr(10)", StringComparison.Ordinal);
        result = GroupConcat().Replace(result, "string_agg(($1)::text, ',')");
        result = Printf().Replace(result, "to_char($1, 'FM999999999990.00')");
        foreach (var flag in Flags)
        {
            result = result.Replace($"\"{flag}\" = 0", $"\"{flag}\" = false", StringComparison.Ordinal)
                .Replace($"\"{flag}\" = 1", $"\"{flag}\" = true", StringComparison.Ordinal)
                .Replace($"SUM(\"{flag}\")", $"SUM(\"{flag}\"::int)", StringComparison.Ordinal);
        }
        return result.Replace("SUM(\"Grade\" IS NOT NULL)", "COUNT(\"Grade\")", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"'(?:[^']|'')*'|\$[A-Za-z_]\w*|\b[A-Z][a-z]\w*\b")]
    private static partial Regex Tokens();

    [GeneratedRegex(@"group_concat\(([^)]*)\)")]
    private static partial Regex GroupConcat();

    // printf('%.2f', x) with x itself holding parentheses: the format is matched, the argument runs to the call's end.
    [GeneratedRegex(@"printf\('%\.2f', (COALESCE\(\(.*?\), 0\)(?: / 100\.0)?)\)")]
    private static partial Regex Printf();
}
