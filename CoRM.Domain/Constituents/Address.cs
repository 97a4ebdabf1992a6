namespace CoRM.Domain.Constituents;

/// <summary>A postal address; its region feeds analytics by geography.</summary>
public class Address
{
    public const int LineMaxLength = 200;
    public const int CityMaxLength = 100;
    public const int PostalCodeMaxLength = 20;
    public const int CountryMaxLength = 60;

    public int Id { get; set; }
    public int ConstituentId { get; set; }
    public string Street { get; set; } = "";
    public string City { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Region { get; set; } = "";
    public string Country { get; set; } = "";
    public bool IsPrimary { get; set; }

    public override string ToString() => string.Join(", ", new[] { Street, $"{PostalCode} {City}".Trim(), Region, Country }.Where(s => s.Length > 0));
}
