using CoRM.Domain.Access;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;

namespace CoRM.Portal.Endpoints;

/// <summary>
/// Every file the portal hands out goes through here: the export is audited with its row count, and the response is
/// never stored by a browser or proxy (a shared computer must not keep a roster or a receipt in its cache).
/// </summary>
internal static class Downloads
{
    public const string Csv = "text/csv";
    public const string Excel = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pdf = "application/pdf";

    /// <summary>A year a report can be asked for; anything else (a typo of 99999) is a clear 400, not a crash.</summary>
    public static bool IsReportYear(int year) => year is >= 2000 and <= 2100;

    public static IResult BadYear => Results.BadRequest("The year must be between 2000 and 2100.");

    /// <summary>A file already audited by the service that built it (receipts, letter batches).</summary>
    public static IResult Audited(HttpContext http, byte[] content, string contentType, string fileName)
    {
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(content, contentType, fileName);
    }

    public static async Task<IResult> FileAsync(HttpContext http, ExportLog log, UserScope user, string recordType, object recordId, int rows,
        byte[] content, string contentType, string fileName, CancellationToken ct)
    {
        await log.RecordAsync(user, recordType, recordId, rows, fileName, ct);
        return Audited(http, content, contentType, fileName);
    }

    /// <summary>A table as CSV or Excel, by the extension asked for; anything else is not found.</summary>
    public static Task<IResult> TableAsync(HttpContext http, ExportLog log, UserScope user, string format, string name, string sheet, string recordType, object recordId,
        IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<object?>> rows, CancellationToken ct) => format switch
    {
        "csv" => FileAsync(http, log, user, recordType, recordId, rows.Count, System.Text.Encoding.UTF8.GetBytes(TabularExport.ToCsv(headers, rows)), Csv, name + ".csv", ct),
        "xlsx" => FileAsync(http, log, user, recordType, recordId, rows.Count, TabularExport.ToExcel(sheet, headers, rows), Excel, name + ".xlsx", ct),
        _ => Task.FromResult(Results.NotFound()),
    };
}
