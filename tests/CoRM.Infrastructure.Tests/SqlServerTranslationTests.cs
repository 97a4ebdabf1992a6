using CoRM.Domain.Access;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.StudentSuccess;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Engagement;
using CoRM.Infrastructure.Families;
using CoRM.Infrastructure.Jobs;
using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Admissions;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CoRM.Infrastructure.Tests;

/// <summary>
/// No SQL Server runs here, so these prove the other half of "two providers": every feature query
/// translates to T-SQL (a client-evaluation or untranslatable LINQ throws in ToQueryString), and the
/// SQL Server migrations produce a script.
/// </summary>
public sealed class SqlServerTranslationTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
    private static readonly IReadOnlyList<Topic> AllTopics = Enum.GetValues<Topic>();

    private static SqlServerCormDbContext NewContext() => new(new DbContextOptionsBuilder<SqlServerCormDbContext>()
        .UseSqlServer("Server=unused;Database=CoRM;Trusted_Connection=True;TrustServerCertificate=True").Options);

    public static TheoryData<string> Queries => new(QueriesFor(NewContext()).Keys);

    private static readonly Domain.Advancement.SegmentRule[] AllRules =
    [
        new(Domain.Advancement.SegmentRuleKind.WearsHat, Hat: Domain.Constituents.HatKind.Alumnus),
        new(Domain.Advancement.SegmentRuleKind.InRegion, Text: "Lisbon"),
        new(Domain.Advancement.SegmentRuleKind.GaveWithinMonths, Negate: true, Months: 12),
        new(Domain.Advancement.SegmentRuleKind.LapsedDonor),
        new(Domain.Advancement.SegmentRuleKind.GaveAtLeast, Amount: 500m, Months: 24),
        new(Domain.Advancement.SegmentRuleKind.RfmAtLeast, Recency: 3, Monetary: 4),
        new(Domain.Advancement.SegmentRuleKind.AttendedEvents, Count: 3, Months: 12),
        new(Domain.Advancement.SegmentRuleKind.VolunteeredShifts, Count: 2, Months: 12),
        new(Domain.Advancement.SegmentRuleKind.TookAction, Text: "Signed a petition", Months: 12, Count: 2),
        new(Domain.Advancement.SegmentRuleKind.ActionsInCategory, Category: Domain.Engagement.ActionCategory.Service, Count: 1, Months: 12),
        new(Domain.Advancement.SegmentRuleKind.EngagementScoreAtLeast, Count: 10),
        new(Domain.Advancement.SegmentRuleKind.EngagementLevelAtLeast, Text: "Active"),
        new(Domain.Advancement.SegmentRuleKind.MovedUpLadder, Months: 6),
        new(Domain.Advancement.SegmentRuleKind.MovedDownLadder, Months: 6),
        new(Domain.Advancement.SegmentRuleKind.HasTag, Text: "Advocate"),
        new(Domain.Advancement.SegmentRuleKind.HasRelationship, Relationship: Domain.Constituents.RelationshipKind.Parent),
        new(Domain.Advancement.SegmentRuleKind.MayBeEmailed),
        new(Domain.Advancement.SegmentRuleKind.MayBeWritten),
    ];

    private static Dictionary<string, Func<IQueryable>> QueriesFor(CormDbContext db)
    {
        var admin = UserScope.Of(1, "admin", Roles.Admin);
        var faculty = UserScope.Of(2, "faculty", Roles.Faculty);
        var caseWorker = UserScope.Of(3, "case", Roles.CaseWorker);
        return new()
        {
            ["scope: directory"] = () => ConstituentScope.VisibleTo(db, admin, Today, Now),
            ["cases: openable by a worker"] = () => Cases.CaseAccess.Openable(db, caseWorker, Now),
            ["cases: readable notes"] = () => Cases.CaseAccess.ReadableNotes(db, db.Interactions, caseWorker, Now).Where(i => i.ConstituentId == 5),
            ["cases: visible flags"] = () => Cases.CaseAccess.VisibleFlags(db, caseWorker, Now).Where(f => f.ConstituentId == 5),
            ["cases: caseload"] = () => Cases.Caseloads.Caseload(db, 3, Today).Skip(25).Take(25),
            ["cases: worker roles"] = () => Cases.Caseloads.WorkerRoles(db),
            ["cases: caller lookup by dial key"] = () => Cases.CallerLookup.Matches(db, "913555017"),
            ["risk: students with a recorded outcome"] = () => RiskAssessmentJob.Finished(db),
            ["matching: candidates for incoming data"] = () => PersonLookup.Candidates(db, new Domain.Constituents.PersonFacts("Ana", "Silva", "ana@example.org", null, new DateOnly(2001, 2, 3), null, "S1")).Take(100),
            ["scope: faculty advisees"] = () => ConstituentScope.VisibleTo(db, faculty, Today, Now),
            ["scope: case worker"] = () => ConstituentScope.VisibleTo(db, caseWorker, Today, Now),
            ["scope: faculty who is also a case worker"] = () => ConstituentScope.VisibleTo(db, UserScope.Of(4, "both", Roles.Faculty, Roles.CaseWorker), Today, Now),
            ["search: name prefix"] = () => ConstituentSearch.Project(ConstituentSearch.Matching(db, faculty, ConstituentSearch.Parse("almeida")!, Today, Now).OrderBy(c => c.SortName).Skip(25).Take(25), Today),
            ["search: email"] = () => ConstituentSearch.Matching(db, admin, ConstituentSearch.Parse("a@b.org")!, Today, Now),
            ["search: id"] = () => ConstituentSearch.Matching(db, admin, ConstituentSearch.Parse("C-12")!, Today, Now),
            ["profile: details"] = () => ConstituentRecords.Details(db, faculty, 5, Today, Now),
            ["profile: relationships"] = () => ConstituentRecords.RelationshipsOf(db, 5, Today),
            ["profile: channel counts"] = () => ConstituentRecords.ChannelCounts(db, caseWorker, 5, AllTopics, Now),
            ["profile: timeline"] = () => ConstituentRecords.Timeline(db, caseWorker, 5, AllTopics, Channel.Email, Now).Skip(10).Take(10),
            ["follow-ups: mine open"] = () => FollowUpBoard.OwnedBy(db, 2, FollowUpFilter.Open, Today).Skip(0).Take(25),
            ["follow-ups: mine due"] = () => FollowUpBoard.OwnedBy(db, 2, FollowUpFilter.DueOrOverdue, Today),
            ["follow-ups: mine completed"] = () => FollowUpBoard.OwnedBy(db, 2, FollowUpFilter.Completed, Today),
            ["follow-ups: of constituent"] = () => FollowUpBoard.OfConstituent(db, caseWorker, 5, AllTopics, Now),
            ["dashboard: hats"] = () => StaffDashboard.HatCounts(db, Today),
            ["advising: advisees"] = () => AdviseeList.Query(db, 2, Today, AllTopics).OrderByDescending(a => a.LastContactAt),
            ["family: links"] = () => FamilyDashboard.Links(db, 7),
            ["family: enrolment history"] = () => FamilyDashboard.EnrolmentHistory(db, [5, 6]),
            ["family: applications"] = () => FamilyDashboard.ApplicationsOf(db, [5, 6]),
            ["family: grades"] = () => FamilyDashboard.Results(db, [5, 6]),
            ["family: requests queue"] = () => FamilyRequests.Rows(db, db.FamilyRequests.Where(r => r.AnsweredAt == null).OrderBy(r => r.SentAt).Skip(25).Take(25)),
            ["admissions: board counts"] = () => Admissions.AdmissionsBoard.Applications(db, new Admissions.AdmissionsFilter(1, 2, "Lisbon", Domain.Admissions.AdmissionSource.Website)).GroupBy(a => a.Stage).Select(g => new { g.Key, Count = g.Count() }),
            ["admissions: board cards"] = () => Admissions.AdmissionsBoard.Cards(db, Admissions.AdmissionsBoard.Applications(db, new Admissions.AdmissionsFilter(TermId: 2)).Where(a => a.Stage == Domain.Admissions.AdmissionStage.InReview).OrderBy(a => a.StartedAt).Take(25)),
            ["admissions: a column's next cards"] = () => Admissions.AdmissionsBoard.Cards(db, Admissions.AdmissionsBoard.Applications(db, new Admissions.AdmissionsFilter(TermId: 2)).Where(a => a.Stage == Domain.Admissions.AdmissionStage.Admitted).OrderBy(a => a.StartedAt).ThenBy(a => a.Id).Skip(15).Take(15)),
            ["admissions: inquiry cards"] = () => Admissions.AdmissionsBoard.InquiryCards(db, Admissions.AdmissionsBoard.Inquiries(db, new Admissions.AdmissionsFilter(Region: "North")).Where(r => r.ApplicationId == null).Take(25)),
            ["admissions: funnel"] = () => Admissions.AdmissionsBoard.Reached(Admissions.AdmissionsBoard.Applications(db, new Admissions.AdmissionsFilter(ProgrammeId: 1))),
            ["admissions: deposits paid"] = () => AdmissionsReminderJob.DepositsPaid(db),
            ["advancement: giving totals"] = () => Advancement.GivingRecords.GivingTotals(db, [5]),
            ["advancement: all donors' totals"] = () => Advancement.GivingRecords.GivingTotals(db),
            ["advancement: gift rows"] = () => Advancement.GivingRecords.Rows(db, db.Gifts.Where(g => g.FundId == 1).OrderByDescending(g => g.ReceivedOn).Skip(25).Take(25)),
            ["segments: every rule, negated too"] = () => Advancement.Segments.Members(db, Advancement.SegmentQuery.Apply(db, AllRules, Today, new DateTime(2026, 11, 22)).OrderBy(c => c.SortName).Take(25)),
            ["segments: every rule joined by or"] = () => Advancement.SegmentQuery.Apply(db, AllRules.Select((r, i) => r with { OrWithPrevious = i % 3 != 0 }), Today, new DateTime(2026, 11, 22)).Select(c => c.Id),
            ["campaigns: render batch"] = () => AppealCampaignJob.Batch(db, 3),
            ["advancement: lapsed donors"] = () => GiftOfficerReminderJob.Lapsed(db, Today, 250m),
            ["events: rows with sold, attended and raised"] = () => Advancement.GivingEvents.Rows(db, db.GivingEvents.OrderByDescending(e => e.StartsAt).Take(200)),
            ["campaigns: actions taken by recipients"] = () => Advancement.AppealCampaigns.Actions(db, 3, new DateTime(2026, 11, 1), new DateTime(2027, 1, 30)),
            ["engagement: gifts per person in the window"] = () => Engagement.EngagementScoreJob.GiftCounts(db, Today.AddMonths(-12), Today),
            ["engagement: hours per volunteer in the window"] = () => Engagement.EngagementScoreJob.HoursWorked(db, Now.AddMonths(-12), Now),
            ["engagement: events attended per person"] = () => Engagement.EngagementScoreJob.EventsAttended(db, Now.AddMonths(-12), Now),
            ["engagement: actions per person"] = () => Engagement.EngagementScoreJob.ActionCounts(db, Today.AddMonths(-12), Today),
            ["engagement: resolved cases per client"] = () => Engagement.EngagementScoreJob.CasesResolved(db, Today.AddMonths(-12)),
            ["mission: people engaged"] = () => Engagement.MissionDashboard.Engaged(db, new Engagement.MissionPeriod(Today.AddMonths(-12), Today)),
            ["mission: new people"] = () => Engagement.MissionDashboard.Engaged(db, new Engagement.MissionPeriod(Today.AddMonths(-12), Today))
                .Except(Engagement.MissionDashboard.Engaged(db, new Engagement.MissionPeriod(Today.AddMonths(-24), Today.AddMonths(-12)))),
            ["rules: members due an action this period"] = () => Engagement.EngagementRuleJob.Due(db, new Domain.Engagement.EngagementRule { Id = 3, PeriodDays = 365 }, AllRules.Take(4).ToList(), 0, Today, Now),
            ["events: reminders due"] = () => Engagement.EventReminderJob.Due(db, Now, Now.AddHours(24)),
            ["programmes: rows"] = () => Engagement.RecurringProgrammes.Rows(db, db.EventSeries, Now),
            ["mission: people engaged by hat"] = () => Engagement.MissionDashboard.ByHat(db, new Engagement.MissionPeriod(Today.AddMonths(-12), Today), Today),
            ["mission: people engaged per month"] = () => Engagement.MissionDashboard.MonthlyPeople(db, new Engagement.MissionPeriod(Today.AddMonths(-12), Today)),
            ["campaigns: letter batch"] = () => AppealCampaignJob.LetterBatch(db, 3),
            ["receipts: donors to receipt at year end"] = () => Advancement.Receipts.UnreceiptedDonors(db, 2025, "EUR"),
            ["receipts: unreceipted gifts by year"] = () => Advancement.Receipts.Unreceipted(db, 5).Select(g => g.ReceivedOn.Year).Distinct(),
            ["campaigns: attributed gifts"] = () => Advancement.AppealCampaigns.AttributedGifts(db, SentCampaign(new DateTime(2026, 11, 1))),
            ["advancement: scoring window"] = () => DonorScoreJob.Window(db, Today.AddYears(-5)),
            ["audit: log"] = () => AuditLog.Query(db, new AuditFilter("Constituent")).Skip(50).Take(50),
            ["audit: log filtered by action, person and user"] = () => AuditLog.Query(db, new AuditFilter("Constituent", Domain.Auditing.AuditAction.Denied, 5, "helena", Now)).Take(50),
            ["audit: refused requests per user"] = () => AuditLog.DenialRates(db, Now).Take(50),
            ["privacy: a subject's rows by registry column"] = () => Privacy.SubjectAccess.Matching<Domain.Engagement.Interaction>(db, "ConstituentId", 5),
            ["privacy: a subject's rows by a nullable registry column"] = () => Privacy.SubjectAccess.Matching<Domain.Messaging.OutboxMessage>(db, "RecipientConstituentId", 5),
            ["retention: closed cases past note retention"] = () => Privacy.RetentionJob.ExpiredCases(db, Today, 2190),
            ["retention: inquiries that never became applications"] = () => Privacy.RetentionJob.UnconvertedInquiries(db, Now),
            ["jobs: digest items"] = () => FollowUpDigestJob.DueItems(db, Today),
            ["jobs: previous risk bands"] = () => RiskAssessmentJob.LatestBefore(db, Today),
            ["risk: term results"] = () => RiskInputsQuery.Results(db, db.Constituents.Select(c => c.Id)),
            ["risk: absences"] = () => RiskInputsQuery.Absences(db, db.Constituents.Select(c => c.Id)),
            ["risk: tuition standing"] = () => RiskInputsQuery.Invoices(db, db.Constituents.Select(c => c.Id), Today),
            ["student success: cohort by region"] = () => StudentSuccess.CohortAnalytics.Query(db, StudentSuccess.CohortDimension.Region, 3),
            ["student success: cohort by timing"] = () => StudentSuccess.CohortAnalytics.Query(db, StudentSuccess.CohortDimension.Timing, null),
            ["student success: cohort by programme"] = () => StudentSuccess.CohortAnalytics.Query(db, StudentSuccess.CohortDimension.Programme, null),
            ["student success: cohort by term"] = () => StudentSuccess.CohortAnalytics.Query(db, StudentSuccess.CohortDimension.Term, null),
            ["student success: alerts"] = () => StudentSuccess.RiskAlertQueue.Query(db, open: true),
            ["volunteering: board candidates"] = () => Volunteering.VolunteerRecords.BoardCandidates(db, new DateTime(2026, 11, 22)),
            ["volunteering: calendar"] = () => Volunteering.VolunteerScheduling.Calendar(db, new DateTime(2026, 11, 1), new DateTime(2026, 12, 1)),
            ["risk: latest enrolment"] = () => RiskInputsQuery.Enrolments(db, db.Constituents.Select(c => c.Id), Today),
        };
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Every_feature_query_translates_to_TSQL(string name)
    {
        using var db = NewContext();
        var sql = QueriesFor(db)[name]().ToQueryString();
        Assert.Contains("SELECT", sql, StringComparison.Ordinal);
        Assert.Contains("FROM [", sql, StringComparison.Ordinal); // T-SQL identifiers, not SQLite's
    }

    [Fact]
    public void The_SQL_Server_migration_script_generates()
    {
        using var db = NewContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [Constituents]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX", script, StringComparison.Ordinal);
        Assert.Contains("uniqueidentifier", script, StringComparison.Ordinal); // the concurrency tokens
    }

    [Fact]
    public void Both_providers_have_migrations_for_the_same_model()
    {
        using var sqlServer = NewContext();
        using var sqlite = new SqliteCormDbContext(new DbContextOptionsBuilder<SqliteCormDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.NotEmpty(sqlServer.Database.GetMigrations());
        // The same steps, in the same order, on both (the timestamps differ: each was generated on its own).
        static IEnumerable<string> Names(DatabaseFacade database) => database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(Names(sqlServer.Database), Names(sqlite.Database));
        Assert.False(sqlServer.Database.HasPendingModelChanges(), "The SQL Server model has changes without a migration.");
        Assert.False(sqlite.Database.HasPendingModelChanges(), "The SQLite model has changes without a migration.");

        // PostgreSQL arrived later: its Initial holds the model as of the others' EngagementTagsAndProgrammes; every
        // migration the others gain after that, it gains too, with the same name.
        using var postgres = new PostgreSqlCormDbContext(new DbContextOptionsBuilder<PostgreSqlCormDbContext>().UseNpgsql("Host=unused;Database=corm").Options);
        var since = Names(sqlite.Database).SkipWhile(n => n != "EngagementTagsAndProgrammes").Skip(1);
        Assert.Equal(since.Prepend("Initial"), Names(postgres.Database));
        Assert.False(postgres.Database.HasPendingModelChanges(), "The PostgreSQL model has changes without a migration.");
    }

    [Fact]
    public void The_PostgreSQL_migration_script_generates_with_its_own_dialect()
    {
        using var db = new PostgreSqlCormDbContext(new DbContextOptionsBuilder<PostgreSqlCormDbContext>().UseNpgsql("Host=unused;Database=corm").Options);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE \"Constituents\"", script, StringComparison.Ordinal);
        Assert.Contains("WHERE \"Voided\" = false", script, StringComparison.Ordinal); // filtered indexes translated from T-SQL
        Assert.DoesNotContain("[", script.Split('\n').Where(l => l.Contains("CREATE", StringComparison.Ordinal) && l.Contains("INDEX", StringComparison.Ordinal)).Aggregate("", string.Concat), StringComparison.Ordinal);
        Assert.DoesNotContain("timestamp with time zone", script, StringComparison.Ordinal);
    }

    private static Domain.Advancement.AppealCampaign SentCampaign(DateTime sentAt)
    {
        var campaign = new Domain.Advancement.AppealCampaign { Id = 3, AppealId = 4, ResponseWindowDays = 90, ScheduledFor = sentAt };
        campaign.Schedule(sentAt, sentAt);
        campaign.BeginSending(sentAt);
        campaign.MarkSent(sentAt);
        return campaign;
    }
}
