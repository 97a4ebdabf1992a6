namespace CoRM.Infrastructure.Common;

public enum CommandStatus
{
    Ok,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>
/// The outcome of a change a user asked for. "Not found" covers records outside the user's scope
/// too, so a guess at someone else's id learns nothing.
/// </summary>
public sealed record CommandResult(CommandStatus Status, string? Message = null, long? Id = null)
{
    public bool Succeeded => Status == CommandStatus.Ok;

    public static CommandResult Ok(long? id = null) => new(CommandStatus.Ok, null, id);
    public static readonly CommandResult NotFound = new(CommandStatus.NotFound, "That record does not exist or is not yours to see.");
    public static CommandResult Invalid(string message) => new(CommandStatus.Invalid, message);
    public static CommandResult Conflict(string what) =>
        new(CommandStatus.Conflict, $"Someone else changed this {what} while you were editing it. Reload to see their changes, then apply yours again.");
}
