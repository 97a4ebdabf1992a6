namespace CoRM.Domain.Imports;

/// <summary>
/// How one source's files map onto an importer's fields ("Alumni office spreadsheet": Email ← "E-mail address"), remembered
/// so the next file from the same source is mapped without asking. One per importer and source.
/// </summary>
public class SavedImportMapping
{
    public const int ImporterMaxLength = 40;
    public const int SourceMaxLength = 100;
    public const int ColumnsMaxLength = 4000;

    public int Id { get; set; }
    public string Importer { get; set; } = "";
    public string Source { get; set; } = "";

    /// <summary>Field → column, as JSON.</summary>
    public string Columns { get; set; } = "{}";

    public DateTime SavedAt { get; set; }
}
