namespace CoRM.Domain.Engagement;

/// <summary>The kinds of non-monetary acts an institution counts. E-mail opens and clicks are deliberately not actions.</summary>
public enum ActionCategory
{
    /// <summary>Signed a petition, wrote to an elected official, called a radio show, visited a representative.</summary>
    Advocacy = 0,

    /// <summary>Attended a programme session, took part in a day of service.</summary>
    Participation = 1,

    /// <summary>Completed a course or a workshop.</summary>
    Education = 2,

    /// <summary>Visited a shut-in, mentored a student.</summary>
    Service = 3,
}

/// <summary>A kind of action an administrator offers within a category ("Signed a petition" under advocacy).</summary>
public class ActionType : IVersioned
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 500;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public ActionCategory Category { get; set; }
    public string? Description { get; set; }

    /// <summary>Whether the action names a target (the official written to, the station called).</summary>
    public bool AsksTarget { get; set; }

    /// <summary>Withdrawn types stay on the actions already recorded with them but cannot be chosen again.</summary>
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; }

    public static ActionType Define(string name, ActionCategory category, string? description, bool asksTarget)
    {
        var type = new ActionType();
        type.Describe(name, category, description, asksTarget);
        return type;
    }

    public void Describe(string name, ActionCategory category, string? description, bool asksTarget)
    {
        name = name.Trim();
        description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (name.Length == 0) throw new DomainException("Name the action type.");
        if (name.Length > NameMaxLength) throw new DomainException($"The name is limited to {NameMaxLength} characters.");
        if (description?.Length > DescriptionMaxLength) throw new DomainException($"The description is limited to {DescriptionMaxLength} characters.");
        if (!Enum.IsDefined(category)) throw new DomainException("Choose the category.");
        Name = name;
        Category = category;
        Description = description;
        AsksTarget = asksTarget;
    }

    /// <summary>The types an institution starts with (the three categories of the issue, one example each and more).</summary>
    public static IReadOnlyList<(int Id, string Name, ActionCategory Category, bool AsksTarget)> ReadyMade { get; } =
    [
        (1, "Signed a petition", ActionCategory.Advocacy, false),
        (2, "Wrote to an elected official", ActionCategory.Advocacy, true),
        (3, "Called a radio show", ActionCategory.Advocacy, true),
        (4, "Visited a representative", ActionCategory.Advocacy, true),
        (5, "Attended a programme session", ActionCategory.Participation, false),
        (6, "Completed a course", ActionCategory.Education, false),
        (7, "Visited a shut-in", ActionCategory.Service, false),
        (8, "Mentored", ActionCategory.Service, false),
    ];
}
