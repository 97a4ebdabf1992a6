namespace CoRM.Domain.Cases;

/// <summary>Who sees a flag on a record.</summary>
public enum FlagVisibility
{
    /// <summary>Everyone on staff who may open the record ("interpreter needed", "do not contact father").</summary>
    AllStaff = 0,

    /// <summary>Case workers and case supervisors only ("safeguarding concern").</summary>
    CaseWorkers = 1,

    /// <summary>Only the teams of the person's open cases and case supervisors ("history of self-harm").</summary>
    CaseTeam = 2,
}

/// <summary>
/// A warning carried by a record and shown as a banner every time it is opened, to those its visibility allows.
/// Removing a flag keeps it (who, when, why) so the history of what was known stays.
/// </summary>
public class ConstituentFlag
{
    public const int LabelMaxLength = 80;
    public const int NoteMaxLength = 500;

    /// <summary>What workers usually raise; any other label may be typed.</summary>
    public static readonly IReadOnlyList<(string Label, FlagVisibility Visibility)> Suggestions =
    [
        ("Safeguarding concern", FlagVisibility.CaseWorkers),
        ("History of self-harm", FlagVisibility.CaseTeam),
        ("Risk to staff: visit in pairs", FlagVisibility.CaseWorkers),
        ("Do not contact father", FlagVisibility.AllStaff),
        ("Interpreter needed", FlagVisibility.AllStaff),
        ("Deaf: use text or e-mail", FlagVisibility.AllStaff),
    ];

    public int Id { get; set; }
    public int ConstituentId { get; set; }
    public string Label { get; set; } = "";
    public string? Note { get; set; }
    public FlagVisibility Visibility { get; set; }
    public DateTime RaisedAt { get; set; }
    public int? RaisedById { get; set; }
    public DateTime? RemovedAt { get; set; }
    public int? RemovedById { get; set; }
    public string? RemovalReason { get; set; }

    public bool IsActive => RemovedAt is null;

    public static ConstituentFlag Raise(int constituentId, string label, string? note, FlagVisibility visibility, int? raisedById, DateTime now)
    {
        label = label.Trim();
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (label.Length == 0) throw new DomainException("Say what the flag warns of.");
        if (label.Length > LabelMaxLength) throw new DomainException($"A flag's label is limited to {LabelMaxLength} characters.");
        if (note?.Length > NoteMaxLength) throw new DomainException($"A flag's note is limited to {NoteMaxLength} characters.");
        if (!Enum.IsDefined(visibility)) throw new DomainException("Choose who may see the flag.");
        return new ConstituentFlag { ConstituentId = constituentId, Label = label, Note = note, Visibility = visibility, RaisedAt = now, RaisedById = raisedById };
    }

    public void Remove(string reason, int? removedById, DateTime now)
    {
        if (!IsActive) throw new DomainException("This flag is already removed.");
        reason = reason.Trim();
        if (reason.Length == 0) throw new DomainException("Say why the flag no longer applies.");
        if (reason.Length > NoteMaxLength) throw new DomainException($"The reason is limited to {NoteMaxLength} characters.");
        RemovedAt = now;
        RemovedById = removedById;
        RemovalReason = reason;
    }
}

/// <summary>
/// Emergency access to a case by a worker who is not on its team, given with a reason, audited, notified to the lead,
/// and lasting a limited time.
/// </summary>
public class CaseAccessGrant
{
    public const int ReasonMaxLength = 500;
    public const int MinimumReasonLength = 10;

    public int Id { get; set; }
    public int CaseId { get; set; }
    public int UserId { get; set; }
    public string Reason { get; set; } = "";
    public DateTime GrantedAt { get; set; }
    public DateTime ExpiresAt { get; set; }

    public static CaseAccessGrant BreakGlass(int caseId, int userId, string reason, DateTime now, TimeSpan lasts)
    {
        reason = reason.Trim();
        if (reason.Length < MinimumReasonLength) throw new DomainException("Give the reason you need this case now (at least a sentence); it is recorded and sent to the case lead.");
        if (reason.Length > ReasonMaxLength) throw new DomainException($"The reason is limited to {ReasonMaxLength} characters.");
        if (lasts <= TimeSpan.Zero) throw new DomainException("Break-glass access must last some time.");
        return new CaseAccessGrant { CaseId = caseId, UserId = userId, Reason = reason, GrantedAt = now, ExpiresAt = now + lasts };
    }

    public bool IsActiveAt(DateTime now) => GrantedAt <= now && now < ExpiresAt;
}
