using System.Globalization;

namespace CoRM.Infrastructure.Imports;

/// <summary>
/// Reading a row's text as CoRM's types, with the message a person needs to fix the cell. A <see cref="FormatException"/>
/// rejects the row; the import goes on to check the others.
/// </summary>
public static class ImportValues
{
    public static string Required(Dictionary<string, string> v, string field) =>
        string.IsNullOrEmpty(v[field]) ? throw new FormatException($"{field} is empty.") : v[field];

    /// <summary>The text, or null when empty; longer than <paramref name="maxLength"/> rejects the row (nothing is cut silently).</summary>
    public static string? Text(Dictionary<string, string> v, string field, int maxLength) =>
        v[field] is { Length: 0 } ? null : v[field].Length <= maxLength ? v[field] : throw new FormatException($"{field} is longer than {maxLength} characters.");

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "yyyy/MM/dd", "dd.MM.yyyy", "dd-MM-yyyy"];

    public static DateOnly? Date(Dictionary<string, string> v, string field, bool optional = false)
    {
        var text = v[field];
        if (string.IsNullOrEmpty(text)) return optional ? null : throw new FormatException($"{field} is empty.");
        return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
            : throw new FormatException($"{field}: '{text}' is not a date (use yyyy-MM-dd or dd/MM/yyyy).");
    }

    public static decimal? Number(Dictionary<string, string> v, string field, bool optional = false)
    {
        var text = v[field];
        if (string.IsNullOrEmpty(text)) return optional ? null : throw new FormatException($"{field} is empty.");
        if (!text.Contains('.', StringComparison.Ordinal)) text = text.Replace(',', '.');
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException($"{field}: '{v[field]}' is not a number.");
    }

    public static int? WholeNumber(Dictionary<string, string> v, string field, bool optional = false)
    {
        var text = v[field];
        if (string.IsNullOrEmpty(text)) return optional ? null : throw new FormatException($"{field} is empty.");
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value
            : throw new FormatException($"{field}: '{text}' is not a whole number of zero or more.");
    }

    public static bool Bool(string field, string text) => text.Trim().ToLowerInvariant() switch
    {
        "1" or "yes" or "y" or "true" or "passed" or "pass" => true,
        "0" or "no" or "n" or "false" or "failed" or "fail" => false,
        _ => throw new FormatException($"{field}: '{text}' is not yes or no."),
    };
}
