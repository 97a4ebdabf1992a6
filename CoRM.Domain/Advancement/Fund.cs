namespace CoRM.Domain.Advancement;

/// <summary>Where a gift goes: the annual fund, a scholarship, a building.</summary>
public class Fund
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 200;

    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>Restricted funds may only be spent on their purpose.</summary>
    public bool Restricted { get; set; }
}

/// <summary>The solicitation a gift answers ("Spring appeal 2026"), for attribution and cost per unit raised.</summary>
public class Appeal
{
    public const int CodeMaxLength = 30;
    public const int NameMaxLength = 200;

    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public DateOnly StartsOn { get; set; }

    /// <summary>What running the appeal cost (printing, postage, staff time), for cost per unit raised.</summary>
    public decimal Cost { get; set; }
}
