using System.Net.Mail;

namespace CoRM.Domain.Constituents;

public static class EmailAddress
{
    /// <summary>Trimmed, lower-cased and checked; throws a <see cref="DomainException"/> with a readable message.</summary>
    public static string Normalise(string email)
    {
        var trimmed = email.Trim().ToLowerInvariant();
        if (trimmed.Length > Constituent.EmailMaxLength || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || !trimmed.Contains('.', StringComparison.Ordinal))
            throw new DomainException($"'{email.Trim()}' is not a valid e-mail address.");
        return trimmed;
    }
}
