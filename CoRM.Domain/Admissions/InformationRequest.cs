namespace CoRM.Domain.Admissions;

/// <summary>A prospect's request for information: the first recorded step of the admissions funnel.</summary>
public class InformationRequest
{
    public const int NotesMaxLength = 2000;

    public int Id { get; set; }
    public int ProspectId { get; set; }
    public int? ProgrammeId { get; set; }
    public int? TermId { get; set; }
    public AdmissionSource Source { get; set; }
    public DateTime ReceivedAt { get; set; }
    public string? Notes { get; set; }

    /// <summary>Set when the prospect goes on to apply.</summary>
    public int? ApplicationId { get; set; }

    public static InformationRequest Receive(int prospectId, int? programmeId, int? termId, AdmissionSource source, string? notes, DateTime now)
    {
        notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (notes?.Length > NotesMaxLength) throw new DomainException($"Notes are limited to {NotesMaxLength} characters.");
        return new InformationRequest { ProspectId = prospectId, ProgrammeId = programmeId, TermId = termId, Source = source, ReceivedAt = now, Notes = notes };
    }
}

/// <summary>Where a prospect or applicant came from, for the funnel's filters.</summary>
public enum AdmissionSource
{
    Website = 0,
    EducationFair = 1,
    SchoolVisit = 2,
    Referral = 3,
    Agent = 4,
    Parent = 5,
}
