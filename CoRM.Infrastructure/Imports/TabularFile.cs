using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;

namespace CoRM.Infrastructure.Imports;

/// <summary>One data row of a file: its line (as a spreadsheet or text editor numbers it) and its cells by column.</summary>
public sealed record TabularRow(int Line, IReadOnlyDictionary<string, string> Cells)
{
    /// <summary>The row's values under a mapping: field name → trimmed cell text ("" when unmapped or empty).</summary>
    public Dictionary<string, string> Values(IReadOnlyList<ImportField> fields, IReadOnlyDictionary<string, string?> mapping) =>
        fields.ToDictionary(f => f.Name, f => mapping.GetValueOrDefault(f.Name) is { } column ? Cells.GetValueOrDefault(column)?.Trim() ?? "" : "");
}

/// <summary>
/// A CSV file (any delimiter) or the first sheet of an Excel workbook, read the same way for every import: a header row,
/// then data rows; blank rows are skipped. Line numbers are the ones a person sees when they open the file.
/// </summary>
public sealed class TabularFile
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public IReadOnlyList<string> Headers { get; }
    public IReadOnlyList<TabularRow> Rows { get; }

    private TabularFile(IReadOnlyList<string> headers, IReadOnlyList<TabularRow> rows) => (Headers, Rows) = (headers, rows);

    public static readonly TabularFile Empty = new([], []);

    /// <summary>An .xlsx by its name or its zip signature; anything else as CSV text (UTF-8, a byte-order mark allowed).</summary>
    public static TabularFile Read(string fileName, byte[] content)
    {
        var isWorkbook = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || (content.Length > 4 && content[0] == (byte)'P' && content[1] == (byte)'K');
        return isWorkbook ? ReadWorkbook(content) : ReadCsv(Encoding.UTF8.GetString(content).TrimStart('\uFEFF'));
    }

    private static readonly CsvConfiguration Config = new(CultureInfo.InvariantCulture)
    {
        DetectDelimiter = true,
        TrimOptions = TrimOptions.Trim,
        MissingFieldFound = null,
        BadDataFound = null,
    };

    public static TabularFile ReadCsv(string csv)
    {
        using var reader = new CsvReader(new StringReader(csv), Config);
        if (!reader.Read() || !reader.ReadHeader()) return Empty;
        var headers = reader.HeaderRecord!.ToList();
        var rows = new List<TabularRow>();
        while (reader.Read())
        {
            var cells = new Dictionary<string, string>(headers.Count, StringComparer.Ordinal);
            for (var i = 0; i < headers.Count; i++) cells.TryAdd(headers[i], reader.TryGetField<string>(i, out var value) ? value ?? "" : "");
            if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new TabularRow(reader.Parser.RawRow, cells));
        }
        return new TabularFile(headers, rows);
    }

    /// <summary>The first worksheet; cells as their formatted text, dates as yyyy-MM-dd so date fields read them.</summary>
    public static TabularFile ReadWorkbook(byte[] content)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(content));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or FormatException or System.Xml.XmlException)
        {
            throw new FormatException("The file is not an Excel workbook CoRM can read (save it as .xlsx or CSV).", e);
        }
        using (workbook)
        {
            var sheet = workbook.Worksheets.First();
            var used = sheet.RangeUsed();
            if (used is null) return Empty;
            var first = used.FirstRow().RowNumber();
            var (left, right) = (used.FirstColumn().ColumnNumber(), used.LastColumn().ColumnNumber());
            var headers = Enumerable.Range(left, right - left + 1).Select(c => Text(sheet.Cell(first, c))).ToList();
            var rows = new List<TabularRow>();
            for (var r = first + 1; r <= used.LastRow().RowNumber(); r++)
            {
                var cells = new Dictionary<string, string>(headers.Count, StringComparer.Ordinal);
                for (var c = left; c <= right; c++) cells.TryAdd(headers[c - left], Text(sheet.Cell(r, c)));
                if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
                rows.Add(new TabularRow(r, cells));
            }
            return new TabularFile(headers, rows);
        }
    }

    private static string Text(IXLCell cell) => cell.DataType switch
    {
        XLDataType.DateTime => DateOnly.FromDateTime(cell.GetDateTime()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        XLDataType.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
        _ => cell.GetString().Trim(),
    };
}
