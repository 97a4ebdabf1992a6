namespace CoRM.Domain.Admissions;

/// <summary>Where an application stands. Stored, so the pipeline board can count by stage in the database.</summary>
public enum AdmissionStage
{
    Started = 0,
    Submitted = 1,
    InReview = 2,
    Admitted = 3,
    Waitlisted = 4,
    Denied = 5,
    Deposited = 6,
    Enrolled = 7,
    Withdrawn = 8,
}

public enum AdmissionDecision
{
    Admit = 0,
    Waitlist = 1,
    Deny = 2,
}

/// <summary>
/// An application for a programme and a term, from start to enrolment. The rules of the pipeline live here:
/// an application is submitted only when its documents are in; it is decided only after enough independent
/// readings; a deposit is owed only by an admitted applicant; and only a paid deposit leads to enrolment.
/// </summary>
public class AdmissionApplication : IVersioned
{
    public const int NameMaxLength = 200;

    public int Id { get; set; }
    public int ApplicantId { get; set; }
    public int ProgrammeId { get; set; }
    public int TermId { get; set; }
    public AdmissionSource Source { get; set; }
    public AdmissionStage Stage { get; private set; }

    /// <summary>The constituent who started it: the applicant, a parent on their behalf, or a staff member.</summary>
    public int? StartedById { get; set; }

    /// <summary>A parent or guardian who started the application, or whom the applicant named.</summary>
    public int? GuardianId { get; set; }
    public string? GuardianName { get; set; }
    public string? GuardianEmail { get; set; }

    /// <summary>The admissions officer who owns the file (follow-ups go to them).</summary>
    public int? CounsellorId { get; set; }

    public bool TranscriptReceived { get; set; }
    public bool StatementReceived { get; set; }
    public bool RecommendationReceived { get; set; }

    public DateTime StartedAt { get; set; }
    public DateTime? SubmittedAt { get; private set; }
    public AdmissionDecision? Decision { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public int? DecidedById { get; set; }

    /// <summary>The deposit invoice issued on admission; paying it secures the place.</summary>
    public int? DepositInvoiceId { get; set; }
    public decimal? DepositAmount { get; set; }
    public DateOnly? DepositDueOn { get; set; }
    public DateTime? DepositPaidAt { get; set; }
    public DateTime? EnrolledAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }

    /// <summary>When the automatic reminders went out, so a rerun of the job sends nothing twice.</summary>
    public DateTime? IncompleteReminderAt { get; set; }
    public DateTime? DepositReminderAt { get; set; }
    public Guid Version { get; set; }

    public List<ApplicationReview> Reviews { get; } = [];

    public static AdmissionApplication Start(int applicantId, int programmeId, int termId, AdmissionSource source, int? startedById, int? counsellorId, DateTime now) =>
        new()
        {
            ApplicantId = applicantId,
            ProgrammeId = programmeId,
            TermId = termId,
            Source = source,
            StartedById = startedById,
            CounsellorId = counsellorId,
            StartedAt = now,
            Stage = AdmissionStage.Started,
        };

    public bool IsComplete => TranscriptReceived && StatementReceived && RecommendationReceived;

    public bool IsClosed => Stage is AdmissionStage.Denied or AdmissionStage.Enrolled or AdmissionStage.Withdrawn;

    public IReadOnlyList<string> MissingDocuments =>
        new[] { (TranscriptReceived, "transcript"), (StatementReceived, "personal statement"), (RecommendationReceived, "recommendation letter") }
            .Where(d => !d.Item1).Select(d => d.Item2).ToList();

    public void NameGuardian(string? name, string? email)
    {
        name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        email = string.IsNullOrWhiteSpace(email) ? null : Constituents.EmailAddress.Normalise(email);
        if (name?.Length > NameMaxLength) throw new DomainException($"The name is limited to {NameMaxLength} characters.");
        if (name is null && email is not null) throw new DomainException("Give the parent's or guardian's name with their e-mail.");
        GuardianName = name;
        GuardianEmail = email;
    }

    public void RecordDocuments(bool transcript, bool statement, bool recommendation)
    {
        if (Stage != AdmissionStage.Started) throw new DomainException("Documents are recorded before the application is submitted.");
        TranscriptReceived = transcript;
        StatementReceived = statement;
        RecommendationReceived = recommendation;
    }

    public void Submit(DateTime now)
    {
        if (Stage != AdmissionStage.Started) throw new DomainException("This application has already been submitted.");
        if (!IsComplete) throw new DomainException($"The application is incomplete: missing {string.Join(", ", MissingDocuments)}.");
        SubmittedAt = now;
        Stage = AdmissionStage.Submitted;
    }

    /// <summary>A reader's evaluation; each reader reads an application once.</summary>
    public ApplicationReview Review(int readerId, IReadOnlyDictionary<RubricCriterion, int> scores, AdmissionDecision recommendation, string? comments, DateTime now)
    {
        if (Stage is not (AdmissionStage.Submitted or AdmissionStage.InReview))
            throw new DomainException(Stage == AdmissionStage.Started ? "The application has not been submitted yet." : "The application has already been decided.");
        if (Reviews.Any(r => r.ReaderId == readerId)) throw new DomainException("You have already read this application; each reader scores it once.");
        if (readerId == ApplicantId || readerId == GuardianId) throw new DomainException("This is your own or your family's application: another reader must evaluate it.");
        foreach (var criterion in AdmissionsRubric.Weights.Keys)
        {
            if (!scores.TryGetValue(criterion, out var score)) throw new DomainException($"Score {AdmissionsRubric.Describe(criterion).ToLowerInvariant()}.");
            if (score is < AdmissionsRubric.MinScore or > AdmissionsRubric.MaxScore)
                throw new DomainException($"Scores are from {AdmissionsRubric.MinScore} to {AdmissionsRubric.MaxScore}.");
        }
        comments = string.IsNullOrWhiteSpace(comments) ? null : comments.Trim();
        if (comments?.Length > ApplicationReview.CommentsMaxLength) throw new DomainException($"Comments are limited to {ApplicationReview.CommentsMaxLength} characters.");

        var review = new ApplicationReview { ApplicationId = Id, ReaderId = readerId, SubmittedAt = now, Recommendation = recommendation, Comments = comments };
        foreach (var (criterion, weight) in AdmissionsRubric.Weights)
            review.Scores.Add(new ReviewScore { Criterion = criterion, Score = scores[criterion], Weight = weight });
        review.WeightedScore = AdmissionsRubric.WeightedScore(review.Scores);
        Reviews.Add(review);
        Stage = AdmissionStage.InReview;
        return review;
    }

    /// <summary>The mean of the readers' weighted scores, or null before the first reading.</summary>
    public decimal? AverageScore => Reviews.Count == 0 ? null : Math.Round(Reviews.Average(r => r.WeightedScore), 2);

    public void Decide(AdmissionDecision decision, int decidedById, DateTime now)
    {
        var deciding = Stage is AdmissionStage.InReview || (Stage == AdmissionStage.Waitlisted && decision != AdmissionDecision.Waitlist);
        if (!deciding)
            throw new DomainException(Stage is AdmissionStage.Started or AdmissionStage.Submitted
                ? $"An application is decided after {AdmissionsRubric.RequiredReaders} readings; it has {Reviews.Count}."
                : "This application has already been decided.");
        if (Reviews.Count < AdmissionsRubric.RequiredReaders)
            throw new DomainException($"An application is decided after {AdmissionsRubric.RequiredReaders} readings; it has {Reviews.Count}.");
        Decision = decision;
        DecidedAt = now;
        DecidedById = decidedById;
        Stage = decision switch
        {
            AdmissionDecision.Admit => AdmissionStage.Admitted,
            AdmissionDecision.Waitlist => AdmissionStage.Waitlisted,
            _ => AdmissionStage.Denied,
        };
    }

    /// <summary>Records the deposit invoice issued with an offer.</summary>
    public void OweDeposit(int invoiceId, decimal amount, DateOnly dueOn)
    {
        if (Stage != AdmissionStage.Admitted) throw new DomainException("Only an admitted applicant owes a deposit.");
        if (amount <= 0) throw new DomainException("A deposit is for a positive amount.");
        DepositInvoiceId = invoiceId;
        DepositAmount = amount;
        DepositDueOn = dueOn;
    }

    public void DepositPaid(DateTime now)
    {
        if (Stage != AdmissionStage.Admitted) throw new DomainException("Only an admitted applicant pays a deposit.");
        DepositPaidAt = now;
        Stage = AdmissionStage.Deposited;
    }

    public void Enrol(DateTime now)
    {
        if (Stage != AdmissionStage.Deposited) throw new DomainException("An admitted applicant is enrolled once the deposit is paid.");
        EnrolledAt = now;
        Stage = AdmissionStage.Enrolled;
    }

    public void Withdraw(DateTime now)
    {
        if (IsClosed) throw new DomainException("This application is already closed.");
        WithdrawnAt = now;
        Stage = AdmissionStage.Withdrawn;
    }

    /// <summary>Started and still incomplete this many days later: the applicant needs a nudge.</summary>
    public bool IsStalledOn(DateTime now, int days) => Stage == AdmissionStage.Started && now - StartedAt >= TimeSpan.FromDays(days);

    /// <summary>Admitted, deposit unpaid this many days after the decision.</summary>
    public bool DepositIsLateOn(DateTime now, int days) =>
        Stage == AdmissionStage.Admitted && DecidedAt is { } decided && now - decided >= TimeSpan.FromDays(days);
}
