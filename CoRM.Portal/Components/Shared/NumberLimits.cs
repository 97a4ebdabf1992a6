namespace CoRM.Portal.Components.Shared;

/// <summary>
/// Number limits said, not enforced by clamping: a capacity of 0 or a gift of -5 gets a message, never a silent 1 or 0.01
/// (MudNumericField's Min and Max would change the value without a word). One per field type, as MudBlazor needs.
/// </summary>
public static class NumberLimits
{
    public static Func<int, string?> Whole(int? min, int? max) => value => Problem(value, min, max);

    public static Func<int?, string?> OptionalWhole(int? min, int? max) => value => value is { } v ? Problem(v, min, max) : null;

    public static Func<decimal, string?> Amount(decimal? min, decimal? max) => value => Problem(value, min, max);

    public static Func<decimal?, string?> OptionalAmount(decimal? min, decimal? max) => value => value is { } v ? Problem(v, min, max) : null;

    private static string? Problem<T>(T value, T? min, T? max) where T : struct, IComparable<T>, IFormattable =>
        (min, max) switch
        {
            ({ } lo, { } hi) when value.CompareTo(lo) < 0 || value.CompareTo(hi) > 0 => $"Between {Show(lo)} and {Show(hi)}.",
            ({ } lo, null) when value.CompareTo(lo) < 0 => $"At least {Show(lo)}.",
            (null, { } hi) when value.CompareTo(hi) > 0 => $"At most {Show(hi)}.",
            _ => null,
        };

    private static string Show<T>(T value) where T : IFormattable => value.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);
}
