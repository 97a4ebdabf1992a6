namespace CoRM.Domain.Cases;

/// <summary>Who may read a case note.</summary>
public enum NoteSensitivity
{
    /// <summary>Any case worker who may open the client's record (a worker on another of the client's cases, say).</summary>
    Standard = 0,

    /// <summary>The case's team, case supervisors, and an on-call worker with break-glass access to this case.</summary>
    CaseTeam = 1,

    /// <summary>The lead and supervisors only (the team's supervisor and holders of the case-supervisor role).</summary>
    LeadAndSupervisors = 2,
}

/// <summary>How a user stands towards one case, from which every read decision follows.</summary>
public sealed record CaseStanding(bool OnTeam, bool LeadOrSupervisor, bool BreakGlass, bool SupervisesAllCases, bool CaseWorker)
{
    public static readonly CaseStanding None = new(false, false, false, false, false);

    /// <summary>May open the case itself: its team, plan and notes (as far as their sensitivity allows).</summary>
    public bool MayOpen => OnTeam || BreakGlass || SupervisesAllCases;

    public bool MayRead(NoteSensitivity sensitivity) => sensitivity switch
    {
        NoteSensitivity.Standard => MayOpen || CaseWorker,
        NoteSensitivity.CaseTeam => MayOpen,
        NoteSensitivity.LeadAndSupervisors => LeadOrSupervisor || SupervisesAllCases,
        _ => false,
    };

    /// <summary>Writes notes, tasks, goals and reviews: the team and supervisors; break-glass gives reading, and a note of why.</summary>
    public bool MayWork => OnTeam || SupervisesAllCases || BreakGlass;

    /// <summary>Changes status, team and lead: the lead and supervisors.</summary>
    public bool MayManage => LeadOrSupervisor || SupervisesAllCases;
}
