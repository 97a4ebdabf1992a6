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
}
