namespace CoRM.Domain.Engagement;

/// <summary>
/// A label the engagement office puts on people ("Board prospect", "Coupon sent: seminars") by hand or through a rule,
/// to find them again in a segment. Tags are engagement data: only those who read the Engagement topic see them.
/// </summary>
public class Tag : IVersioned
{
    public const int NameMaxLength = 60;
    public const int DescriptionMaxLength = 300;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; }

    public static Tag Define(string name, string? description, DateTime now)
    {
        name = name.Trim();
        description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (name.Length == 0) throw new DomainException("Name the tag.");
        if (name.Length > NameMaxLength) throw new DomainException($"A tag's name is limited to {NameMaxLength} characters.");
        if (description?.Length > DescriptionMaxLength) throw new DomainException($"The description is limited to {DescriptionMaxLength} characters.");
        return new Tag { Name = name, Description = description, CreatedAt = now };
    }
}

/// <summary>A tag on a person: who or which rule put it there and when. One per tag and person.</summary>
public class PersonTag
{
    public long Id { get; set; }
    public int TagId { get; set; }
    public int ConstituentId { get; set; }
    public DateTime TaggedAt { get; set; }

    /// <summary>The staff member who tagged the person by hand (null when a rule did).</summary>
    public int? TaggedById { get; set; }

    /// <summary>The rule that tagged the person (null when done by hand).</summary>
    public int? RuleId { get; set; }
}
