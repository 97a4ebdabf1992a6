namespace CoRM.Domain.Cases;

/// <summary>
/// A kind of case an institution works (Youth support, Wellbeing, Financial hardship, Accommodation), configured by an
/// administrator: how often a case of this kind is reviewed, the plan every new case starts with, and the outcomes a
/// case can close with.
/// </summary>
public class CaseType : IVersioned
{
    public const int NameMaxLength = 80;
    public const int DescriptionMaxLength = 500;
    public const int MaxReviewIntervalDays = 365;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int ReviewIntervalDays { get; set; }

    /// <summary>How long this type's notes are kept after a case closes; null: the institution's case-note retention.</summary>
    public int? NoteRetentionDays { get; private set; }

    public const int MaxNoteRetentionDays = 36_500;

    /// <summary>This type's own note retention, or null for the institution's.</summary>
    public void KeepNotesFor(int? days)
    {
        if (days is < 1 or > MaxNoteRetentionDays) throw new DomainException($"Notes are kept 1 to {MaxNoteRetentionDays:N0} days after a case closes (empty: the institution's period).");
        NoteRetentionDays = days;
    }

    /// <summary>Retired types keep their cases and figures but take no new cases.</summary>
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; }

    public List<CaseOutcome> Outcomes { get; set; } = [];
    public List<CasePlanTemplateItem> DefaultPlan { get; set; } = [];

    public static CaseType Define(string name, string? description, int reviewIntervalDays)
    {
        var type = new CaseType();
        type.Describe(name, description, reviewIntervalDays);
        return type;
    }

    public void Describe(string name, string? description, int reviewIntervalDays)
    {
        name = name.Trim();
        description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (name.Length == 0) throw new DomainException("A case type needs a name.");
        if (name.Length > NameMaxLength) throw new DomainException($"The name is limited to {NameMaxLength} characters.");
        if (description?.Length > DescriptionMaxLength) throw new DomainException($"The description is limited to {DescriptionMaxLength} characters.");
        if (reviewIntervalDays is < 1 or > MaxReviewIntervalDays)
            throw new DomainException($"Reviews are due every 1 to {MaxReviewIntervalDays} days.");
        Name = name;
        Description = description;
        ReviewIntervalDays = reviewIntervalDays;
    }

    public CaseOutcome AddOutcome(string name, bool resolves)
    {
        name = name.Trim();
        if (name.Length == 0) throw new DomainException("An outcome needs a name.");
        if (name.Length > CaseOutcome.NameMaxLength) throw new DomainException($"An outcome's name is limited to {CaseOutcome.NameMaxLength} characters.");
        if (Outcomes.Any(o => o.IsActive && string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw new DomainException($"'{name}' is already an outcome of {Name}.");
        var outcome = new CaseOutcome { Name = name, Resolves = resolves, IsActive = true };
        Outcomes.Add(outcome);
        return outcome;
    }

    public CasePlanTemplateItem AddPlanItem(string title, int dueAfterDays)
    {
        title = title.Trim();
        if (title.Length == 0) throw new DomainException("A plan item needs a title.");
        if (title.Length > CasePlanTemplateItem.TitleMaxLength) throw new DomainException($"A plan item's title is limited to {CasePlanTemplateItem.TitleMaxLength} characters.");
        if (dueAfterDays is < 0 or > MaxReviewIntervalDays) throw new DomainException($"A plan item falls due 0 to {MaxReviewIntervalDays} days after the case opens.");
        var item = new CasePlanTemplateItem { Title = title, DueAfterDays = dueAfterDays };
        DefaultPlan.Add(item);
        return item;
    }
}

/// <summary>How a case of a type can end. An outcome that <see cref="Resolves"/> counts the case as resolved (the person was helped); any other closes it.</summary>
public class CaseOutcome
{
    public const int NameMaxLength = 80;

    public int Id { get; set; }
    public int CaseTypeId { get; set; }
    public string Name { get; set; } = "";
    public bool Resolves { get; set; }

    /// <summary>Withdrawn outcomes stay on the cases that closed with them.</summary>
    public bool IsActive { get; set; } = true;
}

/// <summary>A task every new case of the type starts with, due a number of days after the case opens.</summary>
public class CasePlanTemplateItem
{
    public const int TitleMaxLength = 200;

    public int Id { get; set; }
    public int CaseTypeId { get; set; }
    public string Title { get; set; } = "";
    public int DueAfterDays { get; set; }
}
