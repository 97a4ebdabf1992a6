namespace CoRM.Domain.Constituents;

public enum DuplicateStatus
{
    /// <summary>Waiting for a data steward.</summary>
    Open = 0,

    /// <summary>Reviewed: two different people. The finder does not raise the pair again.</summary>
    NotDuplicate = 1,

    /// <summary>Reviewed and merged into one record.</summary>
    Merged = 2,
}

/// <summary>
/// Two records the duplicate finder thinks may be one person, with the score and the reasons, waiting for review.
/// The pair is stored lower id first, so a pair is found once whichever way round it was scored.
/// </summary>
public class DuplicateCandidate
{
    public const int ReasonsMaxLength = 300;

    public int Id { get; set; }
    public int FirstId { get; private set; }
    public int SecondId { get; private set; }
    public int Score { get; private set; }
    public string Reasons { get; private set; } = "";
    public DateTime FoundAt { get; private set; }
    public DuplicateStatus Status { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    public int? ReviewedById { get; private set; }

    public static DuplicateCandidate Found(int oneId, int otherId, MatchScore score, DateTime at)
    {
        if (oneId == otherId) throw new DomainException("A record is not a duplicate of itself.");
        return new DuplicateCandidate
        {
            FirstId = Math.Min(oneId, otherId), SecondId = Math.Max(oneId, otherId), Score = score.Score, FoundAt = at,
            Reasons = ReasonsOf(score), Status = DuplicateStatus.Open,
        };
    }

    /// <summary>A later scan scored the pair again (a record changed): an open pair shows the new score.</summary>
    public void Rescore(MatchScore score)
    {
        if (Status != DuplicateStatus.Open) return;
        (Score, Reasons) = (score.Score, ReasonsOf(score));
    }

    /// <summary>The pair's key, lower id first, whichever way round it was scored.</summary>
    public static long PairKey(int oneId, int otherId) => ((long)Math.Min(oneId, otherId) << 32) | (uint)Math.Max(oneId, otherId);

    private static string ReasonsOf(MatchScore score) =>
        score.Explanation.Length > ReasonsMaxLength ? score.Explanation[..ReasonsMaxLength] : score.Explanation;

    public void MarkNotDuplicate(int reviewedById, DateTime at)
    {
        if (Status != DuplicateStatus.Open) throw new DomainException("This pair has already been reviewed.");
        (Status, ReviewedById, ReviewedAt) = (DuplicateStatus.NotDuplicate, reviewedById, at);
    }

    public void MarkMerged(int reviewedById, DateTime at)
    {
        if (Status != DuplicateStatus.Open) throw new DomainException("This pair has already been reviewed.");
        (Status, ReviewedById, ReviewedAt) = (DuplicateStatus.Merged, reviewedById, at);
    }

    /// <summary>The merge was undone: an administrator decided these are two people.</summary>
    public void MarkUnmerged(int reviewedById, DateTime at)
    {
        if (Status != DuplicateStatus.Merged) throw new DomainException("This pair was not merged.");
        (Status, ReviewedById, ReviewedAt) = (DuplicateStatus.NotDuplicate, reviewedById, at);
    }
}
