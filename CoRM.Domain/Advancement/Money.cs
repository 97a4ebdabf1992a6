namespace CoRM.Domain.Advancement;

/// <summary>Currency codes and the rounding every amount in advancement follows (two decimals, half away from zero).</summary>
public static class Money
{
    public const int CurrencyLength = 3;
    public const string DefaultCurrency = "EUR";

    public static string Currency(string? code)
    {
        var c = (code ?? DefaultCurrency).Trim().ToUpperInvariant();
        if (c.Length != CurrencyLength || !c.All(char.IsAsciiLetterUpper)) throw new DomainException($"'{code}' is not a three-letter currency code (e.g. EUR).");
        return c;
    }

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static decimal Positive(decimal amount, string what)
    {
        if (amount <= 0) throw new DomainException($"{what} must be more than zero.");
        if (amount != Round(amount)) throw new DomainException($"{what} has at most two decimals.");
        return amount;
    }
}
