using System.Globalization;
using ClosedXML.Excel;

namespace CoRM.Infrastructure.Common;

/// <summary>One table written as CSV (CsvHelper) or as an Excel workbook (ClosedXML), for every export in the portal.</summary>
public static class TabularExport
{
    public static string ToCsv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvHelper.CsvWriter(text, CultureInfo.InvariantCulture, leaveOpen: true))
        {
            foreach (var header in headers) csv.WriteField(header);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var value in row) csv.WriteField(Format(value));
                csv.NextRecord();
            }
        }
        return text.ToString();
    }

    public static byte[] ToExcel(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(sheetName);
        for (var c = 0; c < headers.Count; c++) sheet.Cell(1, c + 1).Value = headers[c];
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Count; c++)
                sheet.Cell(r, c + 1).Value = row[c] switch
                {
                    null => "",
                    DateTime d => d,
                    DateOnly d => d.ToDateTime(TimeOnly.MinValue),
                    int i => i,
                    decimal m => m,
                    double x => x,
                    var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
                };
            r++;
        }
        sheet.Row(1).Style.Font.Bold = true;
        // Fixed widths: ClosedXML's AdjustToContents needs System.Drawing (libgdiplus), which servers here lack.
        for (var c = 1; c <= headers.Count; c++) sheet.Column(c).Width = 20;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Neutralised(value.ToString()),
    };

    /// <summary>
    /// Text that a spreadsheet would run as a formula (=, +, -, @, or a tab or return first) gets a leading apostrophe:
    /// a name typed into a public form must not become a formula on a staff member's machine (CSV injection).
    /// </summary>
    internal static string? Neutralised(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
