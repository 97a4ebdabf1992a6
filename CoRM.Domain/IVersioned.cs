namespace CoRM.Domain;

/// <summary>
/// An editable record checked for concurrent edits. The version changes on every save, so a
/// stale edit is refused instead of silently overwriting (works the same on SQLite and SQL Server).
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
