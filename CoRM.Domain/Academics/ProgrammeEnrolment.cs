namespace CoRM.Domain.Academics;

public enum EnrolmentStatus
{
    Enrolled = 0,
    Suspended = 1,
    Withdrawn = 2,
    DroppedOut = 3,
    Graduated = 4,
}

/// <summary>A student's enrolment in a programme for one term, with the date it was made.</summary>
public class ProgrammeEnrolment
{
    public int Id { get; set; }
    public int StudentId { get; set; }
    public int ProgrammeId { get; set; }
    public int TermId { get; set; }
    public EnrolmentStatus Status { get; set; }
    public DateOnly EnrolledOn { get; set; }

    public Programme? Programme { get; set; }
    public Term? Term { get; set; }

    /// <summary>Days after the term's enrolment deadline; zero when on time.</summary>
    public static int DaysLate(DateOnly enrolledOn, DateOnly deadline) => Math.Max(0, enrolledOn.DayNumber - deadline.DayNumber);
}

/// <summary>
/// One course (or module) taken in one term. <see cref="Grade"/> is on the 0–20 scale; null when the student was not
/// evaluated. <see cref="RecordedOn"/> is when the final result became known (the board's date); risk computed as of an
/// earlier date does not see it. Null for results from exports that carry no date: they count from the start.
/// </summary>
public class CourseResult
{
    public const decimal PassMark = 10m;
    public const decimal MaxGrade = 20m;

    public int Id { get; set; }
    public int StudentId { get; set; }
    public int CourseId { get; set; }
    public int TermId { get; set; }
    public decimal? Grade { get; set; }
    public bool Passed { get; set; }
    public DateOnly? RecordedOn { get; set; }

    public static CourseResult Record(int studentId, int courseId, int termId, decimal? grade, bool? passed = null, DateOnly? recordedOn = null)
    {
        if (grade is < 0 or > MaxGrade) throw new DomainException($"A grade is between 0 and {MaxGrade}.");
        return new CourseResult { StudentId = studentId, CourseId = courseId, TermId = termId, Grade = grade, Passed = passed ?? grade >= PassMark, RecordedOn = recordedOn };
    }
}

/// <summary>Absences in one course over one term.</summary>
public class AttendanceRecord
{
    public int Id { get; set; }
    public int StudentId { get; set; }
    public int CourseId { get; set; }
    public int TermId { get; set; }
    public int Absences { get; set; }
    public int SessionsHeld { get; set; }

    public static AttendanceRecord Record(int studentId, int courseId, int termId, int absences, int sessionsHeld)
    {
        if (absences < 0 || sessionsHeld < 0) throw new DomainException("Absences and sessions cannot be negative.");
        if (sessionsHeld > 0 && absences > sessionsHeld) throw new DomainException($"{absences} absences is more than the {sessionsHeld} sessions held.");
        return new AttendanceRecord { StudentId = studentId, CourseId = courseId, TermId = termId, Absences = absences, SessionsHeld = sessionsHeld };
    }
}
