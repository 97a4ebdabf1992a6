using CoRM.Infrastructure.Persistence.Configurations;
using CoRM.Domain.Academics;
using CoRM.Domain.Admissions;
using CoRM.Domain.Advancement;
using CoRM.Domain.Auditing;
using CoRM.Domain.Cases;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Domain.Families;
using CoRM.Domain.Identity;
using CoRM.Domain.Imports;
using CoRM.Domain.Messaging;
using CoRM.Domain.Privacy;
using CoRM.Domain.StudentSuccess;
using CoRM.Domain.Volunteering;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Persistence;

/// <summary>
/// The domain database. Each provider has its own subclass and migrations:
/// <code>
/// dotnet ef migrations add NAME --project CoRM.Infrastructure --startup-project CoRM.Portal --context SqliteCormDbContext --output-dir Persistence/Migrations/Sqlite
/// dotnet ef migrations add NAME --project CoRM.Infrastructure --startup-project CoRM.Portal --context SqlServerCormDbContext --output-dir Persistence/Migrations/SqlServer
/// </code>
/// </summary>
public abstract class CormDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core data-protection keys (sign-in cookies, antiforgery), shared by every portal instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Constituent> Constituents => Set<Constituent>();
    public DbSet<Hat> Hats => Set<Hat>();
    public DbSet<ContactPoint> ContactPoints => Set<ContactPoint>();
    public DbSet<Address> Addresses => Set<Address>();
    public DbSet<Relationship> Relationships => Set<Relationship>();
    public DbSet<Interaction> Interactions => Set<Interaction>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PortalUser> PortalUsers => Set<PortalUser>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Term> Terms => Set<Term>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<ProgrammeEnrolment> ProgrammeEnrolments => Set<ProgrammeEnrolment>();
    public DbSet<CourseResult> CourseResults => Set<CourseResult>();
    public DbSet<AttendanceRecord> AttendanceRecords => Set<AttendanceRecord>();
    public DbSet<AssessmentResult> AssessmentResults => Set<AssessmentResult>();
    public DbSet<TuitionInvoice> TuitionInvoices => Set<TuitionInvoice>();
    public DbSet<TuitionPayment> TuitionPayments => Set<TuitionPayment>();
    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();
    public DbSet<RiskAlert> RiskAlerts => Set<RiskAlert>();
    public DbSet<RiskModelRun> RiskModelRuns => Set<RiskModelRun>();
    public DbSet<RiskModelFile> RiskModelFiles => Set<RiskModelFile>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<Shift> Shifts => Set<Shift>();
    public DbSet<SignUp> SignUps => Set<SignUp>();
    public DbSet<VolunteerProfile> VolunteerProfiles => Set<VolunteerProfile>();
    public DbSet<ParentInvitation> ParentInvitations => Set<ParentInvitation>();
    public DbSet<FamilyRequest> FamilyRequests => Set<FamilyRequest>();
    public DbSet<InformationRequest> InformationRequests => Set<InformationRequest>();
    public DbSet<AdmissionApplication> AdmissionApplications => Set<AdmissionApplication>();
    public DbSet<ApplicationReview> ApplicationReviews => Set<ApplicationReview>();
    public DbSet<ReviewScore> ReviewScores => Set<ReviewScore>();
    public DbSet<Fund> Funds => Set<Fund>();
    public DbSet<Appeal> Appeals => Set<Appeal>();
    public DbSet<Gift> Gifts => Set<Gift>();
    public DbSet<SoftCredit> SoftCredits => Set<SoftCredit>();
    public DbSet<Pledge> Pledges => Set<Pledge>();
    public DbSet<PledgeInstalment> PledgeInstalments => Set<PledgeInstalment>();
    public DbSet<RecurringGift> RecurringGifts => Set<RecurringGift>();
    public DbSet<MissedInstalment> MissedInstalments => Set<MissedInstalment>();
    public DbSet<LapsedDonorReminder> LapsedDonorReminders => Set<LapsedDonorReminder>();
    public DbSet<GivingEvent> GivingEvents => Set<GivingEvent>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();
    public DbSet<DonorScore> DonorScores => Set<DonorScore>();
    public DbSet<Segment> Segments => Set<Segment>();
    public DbSet<AppealCampaign> AppealCampaigns => Set<AppealCampaign>();
    public DbSet<CampaignRecipient> CampaignRecipients => Set<CampaignRecipient>();
    public DbSet<Receipt> Receipts => Set<Receipt>();
    public DbSet<ReceiptLine> ReceiptLines => Set<ReceiptLine>();
    public DbSet<DuplicateCandidate> DuplicateCandidates => Set<DuplicateCandidate>();
    public DbSet<MergeRecord> MergeRecords => Set<MergeRecord>();
    public DbSet<SavedImportMapping> SavedImportMappings => Set<SavedImportMapping>();
    public DbSet<CaseType> CaseTypes => Set<CaseType>();
    public DbSet<CaseOutcome> CaseOutcomes => Set<CaseOutcome>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseClient> CaseClients => Set<CaseClient>();
    public DbSet<CaseTeamMember> CaseTeamMembers => Set<CaseTeamMember>();
    public DbSet<CaseGoal> CaseGoals => Set<CaseGoal>();
    public DbSet<CaseReview> CaseReviews => Set<CaseReview>();
    public DbSet<ConstituentFlag> ConstituentFlags => Set<ConstituentFlag>();
    public DbSet<CaseAccessGrant> CaseAccessGrants => Set<CaseAccessGrant>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();
    public DbSet<PrivacyRequest> PrivacyRequests => Set<PrivacyRequest>();
    public DbSet<SubjectAccessExport> SubjectAccessExports => Set<SubjectAccessExport>();
    public DbSet<RetentionRule> RetentionRules => Set<RetentionRule>();
    public DbSet<RetentionRun> RetentionRuns => Set<RetentionRun>();
    public DbSet<ActionType> ActionTypes => Set<ActionType>();
    public DbSet<ConstituentAction> Actions => Set<ConstituentAction>();
    public DbSet<EngagementWeight> EngagementWeights => Set<EngagementWeight>();
    public DbSet<EngagementLevel> EngagementLevels => Set<EngagementLevel>();
    public DbSet<EngagementScore> EngagementScores => Set<EngagementScore>();
    public DbSet<EngagementLevelChange> EngagementLevelChanges => Set<EngagementLevelChange>();
    public DbSet<PublicForm> PublicForms => Set<PublicForm>();
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();
    public DbSet<EngagementRule> EngagementRules => Set<EngagementRule>();
    public DbSet<RuleFiring> RuleFirings => Set<RuleFiring>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<PersonTag> PersonTags => Set<PersonTag>();
    public DbSet<EventSeries> EventSeries => Set<EventSeries>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CormDbContext).Assembly);
}

/// <summary>The embedded default: a SQLite file, migrated at start-up.</summary>
public sealed class SqliteCormDbContext(DbContextOptions<SqliteCormDbContext> options) : CormDbContext(options)
{
    // SQLite has no decimal type: EF would store text it cannot sum, average or compare in SQL. Measures (grades,
    // hours, reader scores) are REAL; money is whole minor units, exact in sums (MoneyColumns). SQL Server keeps
    // exact decimal(p,s) columns for both.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<decimal>().HaveConversion<double>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.StoreMoneyAsMinorUnits();
    }
}

/// <summary>The production provider.</summary>
public sealed class SqlServerCormDbContext(DbContextOptions<SqlServerCormDbContext> options) : CormDbContext(options);

/// <summary>
/// A server that runs anywhere: the provider the tests run a real server with (and a production choice of its own).
/// </summary>
public sealed class PostgreSqlCormDbContext(DbContextOptions<PostgreSqlCormDbContext> options) : CormDbContext(options)
{
    // Every time in CoRM is UTC by rule, held in columns without a zone as on the other two providers (SQL Server's
    // datetime2, SQLite's text); "timestamp with time zone" would refuse any value whose Kind is not Utc.
    // Npgsql refuses a Kind=Utc value for such a column, so values (and query parameters) are written without a Kind.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone").HaveConversion<WithoutKind>();
        configurationBuilder.Properties<DateTime?>().HaveColumnType("timestamp without time zone").HaveConversion<WithoutKind>();
    }

    private sealed class WithoutKind() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified), v => v);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        PostgreSqlFilters.Translate(modelBuilder);
    }
}

/// <summary>
/// Filtered indexes are written once, in SQL Server's dialect ("[Voided] = 0"); PostgreSQL quotes names with double
/// quotes and compares booleans with true and false.
/// </summary>
internal static partial class PostgreSqlFilters
{
    public static void Translate(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
            foreach (var index in entity.GetIndexes().Where(i => i.GetFilter() is not null))
            {
                var filter = Bracketed().Replace(index.GetFilter()!, m => $"\"{m.Groups[1].Value}\"");
                foreach (var flag in entity.GetProperties().Where(p => p.ClrType == typeof(bool)))
                    filter = filter.Replace($"\"{flag.Name}\" = 0", $"\"{flag.Name}\" = false", StringComparison.Ordinal)
                        .Replace($"\"{flag.Name}\" = 1", $"\"{flag.Name}\" = true", StringComparison.Ordinal);
                index.SetFilter(filter);
            }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\[(\w+)\]")]
    private static partial System.Text.RegularExpressions.Regex Bracketed();
}
