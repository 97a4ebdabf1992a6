using CoRM.Domain.Academics;
using CoRM.Domain.Admissions;
using CoRM.Domain.Advancement;
using CoRM.Domain.Auditing;
using CoRM.Domain.Cases;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Domain.Families;
using CoRM.Domain.Identity;
using CoRM.Domain.Messaging;
using CoRM.Domain.Privacy;
using CoRM.Domain.StudentSuccess;
using CoRM.Domain.Volunteering;

namespace CoRM.Infrastructure.Constituents;

/// <summary>How a row relates to the person a column points at.</summary>
public enum PersonRole
{
    /// <summary>The row is about this person and part of their record: their gift, hat, grade, interaction, shift.</summary>
    Subject,

    /// <summary>This person acted on the row: recorded it, owns the task, read the application, issued the receipt.</summary>
    Actor,
}

/// <summary>A column that holds a constituent's id.</summary>
public sealed record PersonColumn(Type Entity, string Property, PersonRole Role, string Holds)
{
    public string Name => $"{Entity.Name}.{Property}";
}

/// <summary>A text column that copies someone's personal data (a name, an address, what they wrote), and whose it is.</summary>
public sealed record PersonalText(Type Entity, string Property, string WhoseColumn, string Holds)
{
    public string Name => $"{Entity.Name}.{Property}";
}

/// <summary>
/// Where a person's data lives: every column that points to a constituent, and every text column that copies personal
/// data. Merge moves what these columns point at, a subject-access export reads them, erasure scrubs them. A test walks
/// the EF model and fails on a foreign key to <see cref="Constituent"/>, a person-id column or a text column that this
/// registry does not account for, so a new feature cannot forget it.
/// </summary>
public static class PersonRegistry
{
    public static IReadOnlyList<PersonColumn> Columns { get; } =
    [
        // The person's own record.
        Subject<Hat>(nameof(Hat.ConstituentId), "a dated role the person wears"),
        Subject<Address>(nameof(Address.ConstituentId), "a postal address"),
        Subject<ContactPoint>(nameof(ContactPoint.ConstituentId), "a phone number or e-mail address"),
        Subject<Relationship>(nameof(Relationship.SubjectId), "a relationship, as its subject (the child, the employee)"),
        Subject<Relationship>(nameof(Relationship.RelatedId), "a relationship, as the related party (the parent, the employer)"),
        Actor<Relationship>(nameof(Relationship.ConsentGivenById), "who gave consent for a relationship's access grant"),
        Subject<PortalUser>(nameof(PortalUser.ConstituentId), "the person's sign-in to the portal"),
        Subject<DuplicateCandidate>(nameof(DuplicateCandidate.FirstId), "a possible duplicate pair, as its first record"),
        Subject<DuplicateCandidate>(nameof(DuplicateCandidate.SecondId), "a possible duplicate pair, as its second record"),
        Actor<DuplicateCandidate>(nameof(DuplicateCandidate.ReviewedById), "who reviewed a possible duplicate pair"),
        Actor<Constituent>(nameof(Constituent.MergedIntoId), "the record another one was merged into (its old id redirects here)"),
        Subject<MergeRecord>(nameof(MergeRecord.SurvivorId), "a merge, as the surviving record"),
        Subject<MergeRecord>(nameof(MergeRecord.MergedId), "a merge, as the record merged away"),
        Actor<MergeRecord>(nameof(MergeRecord.MergedById), "who merged two records"),
        Actor<MergeRecord>(nameof(MergeRecord.UndoneById), "who undid a merge"),

        // Engagement.
        Subject<Interaction>(nameof(Interaction.ConstituentId), "an interaction on the person's timeline"),
        Actor<Interaction>(nameof(Interaction.RecordedById), "who recorded an interaction"),
        Subject<FollowUp>(nameof(FollowUp.ConstituentId), "a follow-up owed to the person"),
        Actor<FollowUp>(nameof(FollowUp.OwnerId), "who owes a follow-up"),
        Actor<FollowUp>(nameof(FollowUp.CreatedById), "who created a follow-up"),
        Subject<ConstituentAction>(nameof(ConstituentAction.ConstituentId), "an action the person took (a petition signed, a letter written, a session attended)"),
        Actor<ConstituentAction>(nameof(ConstituentAction.RecordedById), "who recorded an action"),
        Subject<EngagementScore>(nameof(EngagementScore.ConstituentId), "the engagement score, its counts and ladder level (recomputed nightly)"),
        Subject<EngagementLevelChange>(nameof(EngagementLevelChange.ConstituentId), "a move up or down the engagement ladder"),
        Actor<EngagementWeight>(nameof(EngagementWeight.ChangedById), "who last set an engagement weight"),
        Subject<FormSubmission>(nameof(FormSubmission.ConstituentId), "a public form the person signed or replied to (petition, list sign-up, RSVP)"),
        Actor<PublicForm>(nameof(PublicForm.CreatedById), "who created a public form"),
        Subject<RuleFiring>(nameof(RuleFiring.ConstituentId), "that an engagement rule acted for the person (a follow-up, an e-mail), once a period"),
        Actor<EngagementRule>(nameof(EngagementRule.OwnerId), "who owns an engagement rule's follow-ups"),
        Actor<EngagementRule>(nameof(EngagementRule.CreatedById), "who defined an engagement rule"),
        Subject<PersonTag>(nameof(PersonTag.ConstituentId), "a tag on the person (\"Board prospect\"), put by hand or by a rule"),
        Actor<PersonTag>(nameof(PersonTag.TaggedById), "who tagged someone by hand"),
        Actor<EventSeries>(nameof(EventSeries.CreatedById), "who planned a recurring programme"),

        // Cases.
        Subject<CaseClient>(nameof(CaseClient.ConstituentId), "a case the person is a client of"),
        Actor<CaseTeamMember>(nameof(CaseTeamMember.MemberId), "a case the person works on (lead, member, supervisor)"),
        Actor<Case>(nameof(Case.OpenedById), "who opened a case"),
        Actor<Case>(nameof(Case.ClosedById), "who closed a case"),
        Actor<CaseReview>(nameof(CaseReview.CompletedById), "who recorded a case review"),
        Subject<ConstituentFlag>(nameof(ConstituentFlag.ConstituentId), "a flag on the person's record (safeguarding, interpreter needed)"),
        Actor<ConstituentFlag>(nameof(ConstituentFlag.RaisedById), "who raised a flag"),
        Actor<ConstituentFlag>(nameof(ConstituentFlag.RemovedById), "who removed a flag"),
        Actor<CaseAccessGrant>(nameof(CaseAccessGrant.UserId), "a worker's break-glass access to a case"),

        // Academics and student success.
        Subject<ProgrammeEnrolment>(nameof(ProgrammeEnrolment.StudentId), "a programme enrolment"),
        Subject<CourseResult>(nameof(CourseResult.StudentId), "a course grade"),
        Subject<AttendanceRecord>(nameof(AttendanceRecord.StudentId), "absences in a course"),
        Subject<AssessmentResult>(nameof(AssessmentResult.StudentId), "an assessment's dates and score"),
        Subject<TuitionInvoice>(nameof(TuitionInvoice.StudentId), "a tuition invoice"),
        Subject<RiskAssessment>(nameof(RiskAssessment.StudentId), "a dropout-risk assessment and its factors"),
        Subject<RiskAlert>(nameof(RiskAlert.StudentId), "an alert that the student's risk rose"),
        Actor<RiskAlert>(nameof(RiskAlert.AssignedToId), "who an alert is assigned to"),

        // Families.
        Subject<FamilyRequest>(nameof(FamilyRequest.ChildId), "a parent's request about the child"),
        Subject<FamilyRequest>(nameof(FamilyRequest.ParentId), "a request the parent sent"),
        Actor<FamilyRequest>(nameof(FamilyRequest.AnsweredById), "who answered a parent's request"),
        Subject<ParentInvitation>(nameof(ParentInvitation.ParentId), "an invitation to the family portal"),
        Actor<ParentInvitation>(nameof(ParentInvitation.CreatedById), "who sent an invitation"),

        // Admissions.
        Subject<InformationRequest>(nameof(InformationRequest.ProspectId), "a request for information"),
        Subject<AdmissionApplication>(nameof(AdmissionApplication.ApplicantId), "an application"),
        Subject<AdmissionApplication>(nameof(AdmissionApplication.GuardianId), "an application the person is the guardian on"),
        Actor<AdmissionApplication>(nameof(AdmissionApplication.CounsellorId), "the counsellor of an application"),
        Actor<AdmissionApplication>(nameof(AdmissionApplication.StartedById), "who started an application"),
        Actor<AdmissionApplication>(nameof(AdmissionApplication.DecidedById), "who decided an application"),
        Actor<ApplicationReview>(nameof(ApplicationReview.ReaderId), "a reader's evaluation"),

        // Volunteering.
        Subject<VolunteerProfile>(nameof(VolunteerProfile.ConstituentId), "skills and availability"),
        Subject<SignUp>(nameof(SignUp.VolunteerId), "a shift sign-up and its hours"),
        Actor<Opportunity>(nameof(Opportunity.CoordinatorId), "the coordinator of an opportunity"),
        Subject<CalendarFeed>(nameof(CalendarFeed.ConstituentId), "the secret address of the volunteer's shift calendar"),

        // Advancement.
        Subject<Gift>(nameof(Gift.DonorId), "a gift"),
        Actor<Gift>(nameof(Gift.RecordedById), "who recorded a gift"),
        Subject<SoftCredit>(nameof(SoftCredit.ConstituentId), "a soft credit for someone else's gift"),
        Subject<Pledge>(nameof(Pledge.DonorId), "a pledge"),
        Subject<RecurringGift>(nameof(RecurringGift.DonorId), "a recurring gift"),
        Subject<DonorScore>(nameof(DonorScore.ConstituentId), "giving totals and RFM scores (recomputed nightly)"),
        Subject<LapsedDonorReminder>(nameof(LapsedDonorReminder.DonorId), "a reminder to renew a lapsed donor"),
        Subject<Receipt>(nameof(Receipt.DonorId), "a tax receipt"),
        Actor<Receipt>(nameof(Receipt.IssuedById), "who issued a receipt"),
        Subject<EventRegistration>(nameof(EventRegistration.ConstituentId), "an event registration"),
        Actor<EventRegistration>(nameof(EventRegistration.CancelledById), "who cancelled a registration"),
        Subject<CampaignRecipient>(nameof(CampaignRecipient.ConstituentId), "an appeal sent to the person"),
        Actor<AppealCampaign>(nameof(AppealCampaign.CreatedById), "who created an appeal campaign"),
        Actor<Segment>(nameof(Segment.CreatedById), "who defined a segment"),

        // Messages and the audit log.
        Subject<OutboxMessage>(nameof(OutboxMessage.RecipientConstituentId), "an e-mail sent to the person"),
        Subject<AuditEntry>(nameof(AuditEntry.SubjectConstituentId), "who read or changed the person's data"),
        Actor<AuditEntry>(nameof(AuditEntry.UserConstituentId), "what the person read or changed as a user"),

        // Privacy.
        Subject<ConsentRecord>(nameof(ConsentRecord.ConstituentId), "a consent given or withdrawn, with its wording and purpose"),
        Actor<ConsentRecord>(nameof(ConsentRecord.RecordedById), "who recorded a consent"),
        Subject<PrivacyRequest>(nameof(PrivacyRequest.SubjectId), "a data-subject request (access, erasure, rectification, objection)"),
        Actor<PrivacyRequest>(nameof(PrivacyRequest.CreatedById), "who logged a data-subject request"),
        Actor<PrivacyRequest>(nameof(PrivacyRequest.HandlerId), "who handles a data-subject request"),
        Actor<PrivacyRequest>(nameof(PrivacyRequest.ErasureRequestedById), "who requested an erasure"),
        Actor<PrivacyRequest>(nameof(PrivacyRequest.ApprovedById), "who approved an erasure"),
        Subject<SubjectAccessExport>(nameof(SubjectAccessExport.SubjectId), "a subject-access export waiting for its one download"),
        Actor<SubjectAccessExport>(nameof(SubjectAccessExport.RequestedById), "who produced a subject-access export"),
        Actor<SubjectAccessExport>(nameof(SubjectAccessExport.DownloadedById), "who downloaded a subject-access export"),
        Actor<RetentionRule>(nameof(RetentionRule.ChangedById), "who last set a retention period"),
    ];

    public static IReadOnlyList<PersonalText> Texts { get; } =
    [
        Text<AdmissionApplication>(nameof(AdmissionApplication.GuardianName), nameof(AdmissionApplication.ApplicantId), "the guardian's name as given on the application"),
        Text<AdmissionApplication>(nameof(AdmissionApplication.GuardianEmail), nameof(AdmissionApplication.ApplicantId), "the guardian's e-mail as given on the application"),
        Text<ApplicationReview>(nameof(ApplicationReview.Comments), nameof(ApplicationReview.ReaderId), "a reader's comments on an applicant"),
        Text<InformationRequest>(nameof(InformationRequest.Notes), nameof(InformationRequest.ProspectId), "what the prospect asked"),
        Text<Interaction>(nameof(Interaction.Subject), nameof(Interaction.ConstituentId), "an interaction's subject (often names people)"),
        Text<Interaction>(nameof(Interaction.Notes), nameof(Interaction.ConstituentId), "an interaction's notes"),
        Text<ConstituentAction>(nameof(ConstituentAction.Target), nameof(ConstituentAction.ConstituentId), "who an action was aimed at (the official written to)"),
        Text<ConstituentAction>(nameof(ConstituentAction.Notes), nameof(ConstituentAction.ConstituentId), "notes on an action"),
        Text<FormSubmission>(nameof(FormSubmission.PendingDetails), nameof(FormSubmission.ConstituentId), "a list sign-up's name and address waiting for confirmation"),
        Text<FormSubmission>(nameof(FormSubmission.Comment), nameof(FormSubmission.ConstituentId), "the message sent with a form"),
        Text<FormSubmission>(nameof(FormSubmission.EmailKey), nameof(FormSubmission.ConstituentId), "the submitting address, hashed (counts submissions per address)"),
        Text<FollowUp>(nameof(FollowUp.Title), nameof(FollowUp.ConstituentId), "a follow-up's title (often the person's name)"),
        Text<FollowUp>(nameof(FollowUp.Notes), nameof(FollowUp.ConstituentId), "a follow-up's notes"),
        Text<FollowUp>(nameof(FollowUp.Outcome), nameof(FollowUp.ConstituentId), "a follow-up's outcome"),
        Text<FamilyRequest>(nameof(FamilyRequest.Subject), nameof(FamilyRequest.ParentId), "a parent's request, its subject"),
        Text<FamilyRequest>(nameof(FamilyRequest.Message), nameof(FamilyRequest.ParentId), "a parent's request, what they wrote"),
        Text<FamilyRequest>(nameof(FamilyRequest.Answer), nameof(FamilyRequest.ParentId), "the secretariat's answer"),
        Text<ParentInvitation>(nameof(ParentInvitation.SentToEmail), nameof(ParentInvitation.ParentId), "the address an invitation went to"),
        Text<PortalUser>(nameof(PortalUser.Email), nameof(PortalUser.ConstituentId), "the sign-in address"),
        Text<PortalUser>(nameof(PortalUser.DisplayName), nameof(PortalUser.ConstituentId), "the sign-in's display name"),
        Text<PortalUser>(nameof(PortalUser.ExternalObjectId), nameof(PortalUser.ConstituentId), "the Entra object id"),
        Text<PortalUser>(nameof(PortalUser.PersonaDescription), nameof(PortalUser.ConstituentId), "a demo persona's description"),
        Text<PortalUser>(nameof(PortalUser.TimeZone), nameof(PortalUser.ConstituentId), "the time zone they chose to read times in"),
        Text<Gift>(nameof(Gift.Description), nameof(Gift.DonorId), "an in-kind gift's description or a tribute"),
        Text<Receipt>(nameof(Receipt.DonorName), nameof(Receipt.DonorId), "the donor's name as printed on the receipt (kept for tax law)"),
        Text<Receipt>(nameof(Receipt.DonorAddress), nameof(Receipt.DonorId), "the donor's address as printed on the receipt (kept for tax law)"),
        Text<Receipt>(nameof(Receipt.VoidReason), nameof(Receipt.DonorId), "why a receipt was voided"),
        Text<ReceiptLine>(nameof(ReceiptLine.Description), nameof(ReceiptLine.ReceiptId), "a receipted gift's description (through its receipt's donor)"),
        Text<CampaignRecipient>(nameof(CampaignRecipient.MailingAddress), nameof(CampaignRecipient.ConstituentId), "the address a letter was printed for"),
        Text<CampaignRecipient>(nameof(CampaignRecipient.LetterBody), nameof(CampaignRecipient.ConstituentId), "the merged letter (name, giving figures)"),
        Text<OutboxMessage>(nameof(OutboxMessage.ToAddress), nameof(OutboxMessage.RecipientConstituentId), "the address an e-mail went to"),
        Text<OutboxMessage>(nameof(OutboxMessage.ToName), nameof(OutboxMessage.RecipientConstituentId), "the name an e-mail went to"),
        Text<OutboxMessage>(nameof(OutboxMessage.Subject), nameof(OutboxMessage.RecipientConstituentId), "an e-mail's subject"),
        Text<OutboxMessage>(nameof(OutboxMessage.TextBody), nameof(OutboxMessage.RecipientConstituentId), "an e-mail's text"),
        Text<OutboxMessage>(nameof(OutboxMessage.HtmlBody), nameof(OutboxMessage.RecipientConstituentId), "an e-mail's HTML"),
        Text<OutboxMessage>(nameof(OutboxMessage.LastError), nameof(OutboxMessage.RecipientConstituentId), "a delivery error (may quote the address)"),
        Text<AuditEntry>(nameof(AuditEntry.Detail), nameof(AuditEntry.SubjectConstituentId), "what an audited change or read was (may quote names and addresses)"),
        Text<AuditEntry>(nameof(AuditEntry.UserName), nameof(AuditEntry.UserConstituentId), "the user's name at the time"),
        Text<AuditEntry>(nameof(AuditEntry.RemoteAddress), nameof(AuditEntry.UserConstituentId), "the user's network address"),
        Text<ContactPoint>(nameof(ContactPoint.DialKey), nameof(ContactPoint.ConstituentId), "the digits of a phone number, for caller lookup"),
        Text<Case>(nameof(Case.Summary), nameof(Case.Id), "what a case is about (through its clients)"),
        Text<Case>(nameof(Case.ReferralSource), nameof(Case.Id), "who referred a case (through its clients)"),
        Text<Case>(nameof(Case.CloseReason), nameof(Case.Id), "why a case closed (through its clients)"),
        Text<CaseGoal>(nameof(CaseGoal.Title), nameof(CaseGoal.CaseId), "a case goal (through the case's clients)"),
        Text<CaseReview>(nameof(CaseReview.Notes), nameof(CaseReview.CaseId), "what a case review found (through the case's clients)"),
        Text<CaseAccessGrant>(nameof(CaseAccessGrant.Reason), nameof(CaseAccessGrant.CaseId), "why a worker broke the glass on a case"),
        Text<ConstituentFlag>(nameof(ConstituentFlag.Label), nameof(ConstituentFlag.ConstituentId), "what a flag warns of"),
        Text<ConstituentFlag>(nameof(ConstituentFlag.Note), nameof(ConstituentFlag.ConstituentId), "a flag's note"),
        Text<ConstituentFlag>(nameof(ConstituentFlag.RemovalReason), nameof(ConstituentFlag.ConstituentId), "why a flag was removed"),
        Text<MergeRecord>(nameof(MergeRecord.Summary), nameof(MergeRecord.MergedId), "what a merge moved, with both names"),
        Text<PrivacyRequest>(nameof(PrivacyRequest.Details), nameof(PrivacyRequest.SubjectId), "what the person asked (which details are wrong)"),
        Text<PrivacyRequest>(nameof(PrivacyRequest.Outcome), nameof(PrivacyRequest.SubjectId), "how a request ended"),
        Text<SubjectAccessExport>(nameof(SubjectAccessExport.Error), nameof(SubjectAccessExport.SubjectId), "why an export failed"),
        Text<MergeRecord>(nameof(MergeRecord.BeforeImage), nameof(MergeRecord.MergedId), "both records and every moved row before the merge (for undo)"),
    ];

    /// <summary>Text columns that hold no personal data: codes, names of things, templates, keys.</summary>
    public static IReadOnlySet<string> NotPersonal { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Appeal.Code", "Appeal.Name", "AppealCampaign.Name", "AppealCampaign.SubjectTemplate", "AppealCampaign.BodyTemplate",
        "AuditEntry.RecordType", "AuditEntry.RecordId", "CampaignRecipient.OptOutCode", "Course.Code", "Course.Name",
        "DataProtectionKey.FriendlyName", "DataProtectionKey.Xml", "Fund.Code", "Fund.Name", "Gift.Currency", "GivingEvent.Name",
        "Opportunity.Title", "Opportunity.Description", "Opportunity.Location", "Opportunity.Skills", "OutboxMessage.DedupKey",
        "OutboxMessage.AttachmentRef", "ParentInvitation.CodeHash", "Pledge.Currency", "PortalUser.Roles", "Programme.Code", "Programme.Name",
        "Receipt.Currency", "Receipt.Number", "RecurringGift.Currency", "RiskModelRun.Algorithm", "RiskModelRun.TemporalSplit", "RiskModelRun.Calibration", "RiskModelRun.CalibrationSource", "RiskModelRun.EarlyWarning", "RiskModelRun.EarlyWarningSource", "RiskModelFile.FeatureSet", "RiskModelFile.Means", "Segment.Name", "Segment.Description",
        "Segment.RulesJson", "Shift.Location", "Shift.RequiredSkills", "Term.Code", "Term.Name", "TuitionInvoice.Description", "TuitionInvoice.Number",
        "CaseType.Name", "CaseType.Description", "CaseOutcome.Name", "CasePlanTemplateItem.Title",
        "ConsentRecord.How", "ConsentRecord.Wording", "ConsentRecord.Purpose", "RetentionRun.Report",
        "ActionType.Name", "ActionType.Description", "EngagementLevel.Name", "FormSubmission.ConfirmationTokenHash",
        "EngagementRule.Name", "EngagementRule.Title", "EngagementRule.Body", "EngagementRule.PlanJson", "RuleFiring.Outcome",
        "PublicForm.Slug", "PublicForm.Title", "PublicForm.Text", "PublicForm.FieldsJson", "PublicForm.ConsentWording", "PublicForm.ConsentPurpose",
        "SavedImportMapping.Importer", "SavedImportMapping.Source", "SavedImportMapping.Columns",
        "Tag.Name", "Tag.Description", "EventSeries.Name", "EventSeries.Description",
    };

    /// <summary>The columns of one entity that point at people.</summary>
    public static IEnumerable<PersonColumn> On(Type entity) => Columns.Where(c => c.Entity == entity);

    private static PersonColumn Subject<T>(string property, string holds) => new(typeof(T), property, PersonRole.Subject, holds);
    private static PersonColumn Actor<T>(string property, string holds) => new(typeof(T), property, PersonRole.Actor, holds);
    private static PersonalText Text<T>(string property, string whose, string holds) => new(typeof(T), property, whose, holds);
}
