namespace CoRM.Domain.Academics;

/// <summary>A teaching period (a semester). Enrolments after <see cref="EnrolmentDeadline"/> are late.</summary>
public class Term
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 100;

    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public DateOnly EnrolmentDeadline { get; set; }

    public static Term Create(string code, string name, DateOnly startsOn, DateOnly endsOn, DateOnly enrolmentDeadline)
    {
        code = code.Trim();
        if (code.Length is 0 or > CodeMaxLength) throw new DomainException($"A term code has 1 to {CodeMaxLength} characters.");
        if (endsOn <= startsOn) throw new DomainException($"Term {code} must end after it starts.");
        if (enrolmentDeadline > endsOn) throw new DomainException($"Term {code}'s enrolment deadline falls after the term ends.");
        return new Term { Code = code, Name = string.IsNullOrWhiteSpace(name) ? code : name.Trim(), StartsOn = startsOn, EndsOn = endsOn, EnrolmentDeadline = enrolmentDeadline };
    }
}

public class Programme
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 200;

    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
}

public class Course
{
    public const int CodeMaxLength = 30;
    public const int NameMaxLength = 200;

    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int? ProgrammeId { get; set; }
    public int Credits { get; set; }
}
