namespace CoRM.Domain.Cases;

public enum CaseStatus
{
    /// <summary>Referred or self-referred, not yet taken on.</summary>
    Intake = 0,
    Open = 1,
    OnHold = 2,
    /// <summary>Closed with an outcome that counts as helped.</summary>
    Resolved = 3,
    /// <summary>Closed with any other outcome (withdrew, referred elsewhere, not taken on).</summary>
    Closed = 4,
}

public enum CaseRole
{
    Lead = 0,
    Member = 1,
    Supervisor = 2,
}

/// <summary>
/// Work with one person or one family on one need: its type, clients, team, plan (goals, tasks, reviews) and status from
/// intake to an outcome. Case notes are interactions on each client's timeline that carry the case's id and a sensitivity.
/// </summary>
public class Case : IVersioned
{
    public const int SummaryMaxLength = 200;
    public const int ReferralMaxLength = 120;
    public const int ReasonMaxLength = 2000;
    public const int MaxClients = 12;

    public int Id { get; set; }
    public int CaseTypeId { get; set; }
    public CaseType? Type { get; set; }
    public CaseStatus Status { get; set; }
    public string Summary { get; set; } = "";
    public string? ReferralSource { get; set; }
    public DateOnly OpenedOn { get; set; }
    public DateTime OpenedAt { get; set; }
    public int? OpenedById { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public int? ClosedById { get; set; }
    public int? OutcomeId { get; set; }
    public CaseOutcome? Outcome { get; set; }
    public string? CloseReason { get; set; }

    /// <summary>The earliest open review, kept on the case so a caseload sorts by it through an index.</summary>
    public DateOnly? NextReviewOn { get; set; }
    public Guid Version { get; set; }

    public List<CaseClient> Clients { get; set; } = [];
    public List<CaseTeamMember> Team { get; set; } = [];
    public List<CaseGoal> Goals { get; set; } = [];
    public List<CaseReview> Reviews { get; set; } = [];

    public string Reference => FormatReference(Id);

    public static string FormatReference(int id) => $"CASE-{id:D6}";

    public bool IsActive => Status is CaseStatus.Intake or CaseStatus.Open or CaseStatus.OnHold;

    public static readonly System.Linq.Expressions.Expression<Func<Case, bool>> Active =
        c => c.Status == CaseStatus.Intake || c.Status == CaseStatus.Open || c.Status == CaseStatus.OnHold;

    public static Case Open(CaseType type, string summary, string? referralSource, IReadOnlyList<int> clientIds, int leadId,
        DateOnly today, DateTime now, int? openedById)
    {
        if (!type.IsActive) throw new DomainException($"{type.Name} is retired and takes no new cases.");
        summary = summary.Trim();
        referralSource = string.IsNullOrWhiteSpace(referralSource) ? null : referralSource.Trim();
        if (summary.Length == 0) throw new DomainException("Say in a few words what the case is about.");
        if (summary.Length > SummaryMaxLength) throw new DomainException($"The summary is limited to {SummaryMaxLength} characters.");
        if (referralSource?.Length > ReferralMaxLength) throw new DomainException($"The referral source is limited to {ReferralMaxLength} characters.");
        var clients = clientIds.Distinct().ToList();
        if (clients.Count == 0) throw new DomainException("A case needs at least one client.");
        if (clients.Count > MaxClients) throw new DomainException($"A case has at most {MaxClients} clients.");
        var opened = new Case
        {
            CaseTypeId = type.Id,
            Type = type,
            Status = CaseStatus.Intake,
            Summary = summary,
            ReferralSource = referralSource,
            OpenedOn = today,
            OpenedAt = now,
            OpenedById = openedById,
        };
        for (var i = 0; i < clients.Count; i++) opened.Clients.Add(new CaseClient { ConstituentId = clients[i], IsPrimary = i == 0 });
        opened.Team.Add(new CaseTeamMember { MemberId = leadId, Role = CaseRole.Lead, AddedAt = now });
        opened.ScheduleReview(today.AddDays(type.ReviewIntervalDays), today);
        return opened;
    }

    public IEnumerable<CaseTeamMember> CurrentTeam => Team.Where(m => m.RemovedAt is null);

    public int? LeadId => CurrentTeam.FirstOrDefault(m => m.Role == CaseRole.Lead)?.MemberId;

    /// <summary>The user's current role on the team, or null when they are not on it.</summary>
    public CaseRole? RoleOf(int memberId) =>
        CurrentTeam.Where(m => m.MemberId == memberId).Select(m => (CaseRole?)m.Role).OrderBy(r => r).FirstOrDefault();

    public void Accept()
    {
        if (Status != CaseStatus.Intake) throw new DomainException("Only a case at intake can be taken on.");
        Status = CaseStatus.Open;
    }

    public void PutOnHold()
    {
        if (Status != CaseStatus.Open) throw new DomainException("Only an open case can be put on hold.");
        Status = CaseStatus.OnHold;
    }

    public void Resume()
    {
        if (Status != CaseStatus.OnHold) throw new DomainException("Only a case on hold can be resumed.");
        Status = CaseStatus.Open;
    }

    /// <summary>Ends the case with one of its type's outcomes: resolved when the outcome counts as helped, closed otherwise.</summary>
    public void Close(CaseOutcome outcome, string reason, DateOnly today, int? closedById)
    {
        if (!IsActive) throw new DomainException("This case is already closed.");
        if (outcome.CaseTypeId != CaseTypeId || !outcome.IsActive) throw new DomainException("Choose one of this case type's outcomes.");
        reason = reason.Trim();
        if (reason.Length == 0) throw new DomainException("Say why the case is closing.");
        if (reason.Length > ReasonMaxLength) throw new DomainException($"The reason is limited to {ReasonMaxLength} characters.");
        Status = outcome.Resolves ? CaseStatus.Resolved : CaseStatus.Closed;
        OutcomeId = outcome.Id;
        Outcome = outcome;
        CloseReason = reason;
        ClosedOn = today;
        ClosedById = closedById;
        NextReviewOn = null;
    }

    public void Reopen(int reviewIntervalDays, DateOnly today)
    {
        if (IsActive) throw new DomainException("This case is not closed.");
        Status = CaseStatus.Open;
        OutcomeId = null;
        Outcome = null;
        ClosedOn = null;
        ClosedById = null;
        CloseReason = null;
        // A review still open from before the closing stands when it is not yet due; otherwise one is scheduled.
        if (Reviews.Any(r => r.IsOpen && r.DueOn >= today)) RefreshNextReview();
        else ScheduleReview(today.AddDays(reviewIntervalDays), today);
    }

    public CaseClient AddClient(int constituentId)
    {
        if (!IsActive) throw new DomainException("A closed case takes no new clients.");
        if (Clients.Any(c => c.ConstituentId == constituentId)) throw new DomainException("That person is already a client of this case.");
        if (Clients.Count >= MaxClients) throw new DomainException($"A case has at most {MaxClients} clients.");
        var client = new CaseClient { ConstituentId = constituentId, IsPrimary = Clients.Count == 0 };
        Clients.Add(client);
        return client;
    }

    public void AddToTeam(int memberId, CaseRole role, DateTime now)
    {
        if (RoleOf(memberId) is not null) throw new DomainException("That person is already on the case team.");
        if (role == CaseRole.Lead) throw new DomainException("Make someone lead with 'Hand the lead to'.");
        Team.Add(new CaseTeamMember { MemberId = memberId, Role = role, AddedAt = now });
    }

    public void RemoveFromTeam(int memberId, DateTime now)
    {
        var memberships = CurrentTeam.Where(m => m.MemberId == memberId).ToList();
        if (memberships.Count == 0) throw new DomainException("That person is not on the case team.");
        if (memberships.Any(m => m.Role == CaseRole.Lead)) throw new DomainException("Hand the lead to someone else before removing the lead.");
        foreach (var m in memberships) m.RemovedAt = now;
    }

    /// <summary>Gives the lead to another worker; the former lead stays on the team as a member. History stays with the case.</summary>
    public void HandLeadTo(int newLeadId, DateTime now)
    {
        var lead = CurrentTeam.SingleOrDefault(m => m.Role == CaseRole.Lead);
        if (lead?.MemberId == newLeadId) throw new DomainException("That person already leads the case.");
        foreach (var m in CurrentTeam.Where(m => m.MemberId == newLeadId).ToList()) m.RemovedAt = now;
        if (lead is not null)
        {
            lead.RemovedAt = now;
            Team.Add(new CaseTeamMember { MemberId = lead.MemberId, Role = CaseRole.Member, AddedAt = now });
        }
        Team.Add(new CaseTeamMember { MemberId = newLeadId, Role = CaseRole.Lead, AddedAt = now });
    }

    /// <summary>A handover: every role one worker holds on the team passes to another. History stays with the case.</summary>
    public void Replace(int fromId, int toId, DateTime now)
    {
        if (fromId == toId) throw new DomainException("Hand the work to someone else.");
        foreach (var held in CurrentTeam.Where(m => m.MemberId == fromId).ToList())
        {
            held.RemovedAt = now;
            // A lead holds no second role on the same team.
            if (held.Role == CaseRole.Lead)
                foreach (var other in CurrentTeam.Where(m => m.MemberId == toId).ToList()) other.RemovedAt = now;
            if (!CurrentTeam.Any(m => m.MemberId == toId && (m.Role == held.Role || m.Role == CaseRole.Lead)))
                Team.Add(new CaseTeamMember { MemberId = toId, Role = held.Role, AddedAt = now });
        }
    }

    /// <summary>Whether the worker holds one of the roles on the current team.</summary>
    public bool Holds(int memberId, params CaseRole[] roles) => CurrentTeam.Any(m => m.MemberId == memberId && roles.Contains(m.Role));

    public CaseGoal AddGoal(string title, DateOnly? targetOn, DateOnly today)
    {
        if (!IsActive) throw new DomainException("A closed case takes no new goals.");
        title = title.Trim();
        if (title.Length == 0) throw new DomainException("A goal needs a title.");
        if (title.Length > CaseGoal.TitleMaxLength) throw new DomainException($"A goal's title is limited to {CaseGoal.TitleMaxLength} characters.");
        if (targetOn < today) throw new DomainException("The target date cannot be in the past.");
        var goal = new CaseGoal { Title = title, TargetOn = targetOn, Status = GoalStatus.Open };
        Goals.Add(goal);
        return goal;
    }

    public void SetGoalStatus(int goalId, GoalStatus status, DateOnly today)
    {
        var goal = Goals.SingleOrDefault(g => g.Id == goalId) ?? throw new DomainException("That goal is not part of this case.");
        if (goal.Status == status) throw new DomainException($"The goal is already {status.ToString().ToLowerInvariant()}.");
        goal.Status = status;
        goal.ClosedOn = status == GoalStatus.Open ? null : today;
    }

    public CaseReview ScheduleReview(DateOnly dueOn, DateOnly today)
    {
        if (!IsActive) throw new DomainException("A closed case has no reviews to schedule.");
        if (dueOn < today) throw new DomainException("A review cannot be scheduled in the past.");
        if (Reviews.Any(r => r.IsOpen && r.DueOn == dueOn)) throw new DomainException($"A review is already scheduled for {dueOn:d MMM yyyy}.");
        var review = new CaseReview { DueOn = dueOn };
        Reviews.Add(review);
        RefreshNextReview();
        return review;
    }

    /// <summary>Records a review and, while the case is active, schedules the next one a review interval later.</summary>
    public CaseReview? CompleteReview(int reviewId, string notes, int reviewerId, int reviewIntervalDays, DateOnly today, DateTime now)
    {
        var review = Reviews.SingleOrDefault(r => r.Id == reviewId) ?? throw new DomainException("That review is not part of this case.");
        if (!review.IsOpen) throw new DomainException("This review is already recorded.");
        notes = notes.Trim();
        if (notes.Length == 0) throw new DomainException("Record what the review found.");
        if (notes.Length > CaseReview.NotesMaxLength) throw new DomainException($"Review notes are limited to {CaseReview.NotesMaxLength} characters.");
        review.CompletedAt = now;
        review.CompletedById = reviewerId;
        review.Notes = notes;
        CaseReview? next = null;
        if (IsActive && !Reviews.Any(r => r.IsOpen))
            next = ScheduleReview(today.AddDays(reviewIntervalDays), today);
        RefreshNextReview();
        return next;
    }

    private void RefreshNextReview() =>
        NextReviewOn = IsActive ? Reviews.Where(r => r.IsOpen).Select(r => (DateOnly?)r.DueOn).Min() : null;
}

public class CaseClient
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int ConstituentId { get; set; }
    public bool IsPrimary { get; set; }
}

/// <summary>A worker's place on a case team. Removed memberships stay (RemovedAt) so the case's history names who worked it.</summary>
public class CaseTeamMember
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int MemberId { get; set; }
    public CaseRole Role { get; set; }
    public DateTime AddedAt { get; set; }
    public DateTime? RemovedAt { get; set; }
}

public enum GoalStatus
{
    Open = 0,
    Achieved = 1,
    NotAchieved = 2,
    Dropped = 3,
}

public class CaseGoal
{
    public const int TitleMaxLength = 200;

    public int Id { get; set; }
    public int CaseId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly? TargetOn { get; set; }
    public GoalStatus Status { get; set; }
    public DateOnly? ClosedOn { get; set; }
}

/// <summary>A scheduled look at the whole case; the lead is reminded once when it is overdue.</summary>
public class CaseReview
{
    public const int NotesMaxLength = 4000;

    public int Id { get; set; }
    public int CaseId { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime? CompletedAt { get; set; }
    public int? CompletedById { get; set; }
    public string? Notes { get; set; }
    public DateTime? LeadRemindedAt { get; set; }

    public bool IsOpen => CompletedAt is null;
}
