namespace CoRM.Infrastructure.Imports;

/// <summary>One row an import refused, by its line in the file, and why.</summary>
public sealed record RejectedRow(int Line, string Reason);

/// <summary>What an import did, or would do: rows read, accepted, and every rejected row with its reason.</summary>
public sealed record ImportReport(int RowsRead, int RowsAccepted, IReadOnlyList<RejectedRow> Rejected, bool Committed)
{
    public bool HasRejections => Rejected.Count > 0;
}

/// <summary>A file read against a mapping: its columns, the mapping used, sample rows as CoRM will record them, and every rejection.</summary>
public sealed record ImportPreview(
    IReadOnlyList<string> Headers, IReadOnlyDictionary<string, string?> Mapping, int RowsRead,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Sample, IReadOnlyList<RejectedRow> Rejected)
{
    /// <summary>Rows that are someone already on record, or may be: what the import will do with each.</summary>
    public IReadOnlyList<ImportMatch> Matches { get; init; } = [];
}

/// <summary>A row the matching rule recognised, by line, in words ("Ana Silva is already on record: C-12, same e-mail").</summary>
public sealed record ImportMatch(int Line, string Text);
