namespace CoRM.Portal.Components.Shared;

/// <summary>
/// Length limits said, not enforced by truncation: a field shows "n / max" as the user types and a message when the text
/// is longer, so a pasted 5,000-character message is never cut to 4,000 without a word (the browser's maxlength would).
/// </summary>
public static class TextLimits
{
    public static Func<string?, string?> Within(int max) =>
        text => text is { Length: var length } && length > max ? $"At most {max:N0} characters: this is {length:N0}." : null;
}
