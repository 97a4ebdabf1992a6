using System.Net.Mail;

namespace CoRM.Domain.Constituents;

public static class EmailAddress
{
    /// <summary>Trimmed, lower-cased and checked; throws a <see cref="DomainException"/> with a readable message.</summary>
    public static string Normalise(string email) =>
        TryNormalise(email) ?? throw new DomainException($"'{email.Trim()}' is not a valid e-mail address.");

    /// <summary>The same rule without the exception: null for no address or an invalid one (matching ignores those).</summary>
    public static string? TryNormalise(string? email)
    {
        var trimmed = email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > Constituent.EmailMaxLength || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed
            || !trimmed.Contains('.', StringComparison.Ordinal))
            return null;
        return trimmed;
    }
}
