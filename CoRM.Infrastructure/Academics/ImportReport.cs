namespace CoRM.Infrastructure.Academics;

/// <summary>One row an import refused, by its line in the file, and why.</summary>
public sealed record RejectedRow(int Line, string Reason);

/// <summary>What an import did, or would do: rows read, accepted, and every rejected row with its reason.</summary>
public sealed record ImportReport(int RowsRead, int RowsAccepted, IReadOnlyList<RejectedRow> Rejected, bool Committed)
{
    public bool HasRejections => Rejected.Count > 0;
}
