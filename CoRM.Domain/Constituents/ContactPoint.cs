namespace CoRM.Domain.Constituents;

public enum ContactPointKind
{
    Email = 0,
    Phone = 1,
    Mobile = 2,
    Website = 3,
}

/// <summary>An e-mail address, phone number or website of a constituent.</summary>
public class ContactPoint
{
    public const int ValueMaxLength = 254;
    public const int LabelMaxLength = 40;

    public int Id { get; set; }
    public int ConstituentId { get; set; }
    public ContactPointKind Kind { get; set; }
    public string Value { get; set; } = "";
    public string? Label { get; set; }
    public bool IsPrimary { get; set; }

    /// <summary>
    /// The last nine digits of a phone number, whatever its format ("+351 912 345 678", "912-345-678", "00351912345678"):
    /// what a caller lookup compares, set on every save. Nine digits carry the subscriber number in most numbering plans
    /// without the country or trunk prefix that people type or leave out.
    /// </summary>
    public string? DialKey { get; set; }

    public const int DialKeyLength = 9;
    public const int DialKeyMinimumDigits = 6;

    public bool IsPhone => Kind is ContactPointKind.Phone or ContactPointKind.Mobile;

    public static string? DialKeyOf(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < DialKeyMinimumDigits) return null;
        return digits.Length > DialKeyLength ? digits[^DialKeyLength..] : digits;
    }
}
