using CoRM.Infrastructure.Academics;
using CoRM.Infrastructure.StudentSuccess;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Families;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Engagement;
using CoRM.Infrastructure.Identity;
using CoRM.Infrastructure.Jobs;
using CoRM.Infrastructure.Volunteering;
using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Admissions;
using CoRM.Infrastructure.Persistence;
using CoRM.Infrastructure.Persistence.Interceptors;
using CoRM.Infrastructure.Seeding;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Database, feature services, e-mail and jobs. Options are validated at start: a bad setting fails fast.</summary>
    public static IHostApplicationBuilder AddInfrastructureServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;

        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Admissions.AdmissionsOptions>().BindConfiguration(Admissions.AdmissionsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Documents.DocumentOptions>().BindConfiguration(Documents.DocumentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Documents.PdfDocuments>();
        services.AddOptions<Advancement.AdvancementOptions>().BindConfiguration(Advancement.AdvancementOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Volunteering.VolunteeringOptions>().BindConfiguration(Volunteering.VolunteeringOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EngagementOptions>().BindConfiguration(EngagementOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Privacy.PrivacyOptions>().BindConfiguration(Privacy.PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Cases.CaseOptions>().BindConfiguration(Cases.CaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Smtp.TimeoutSeconds >= 1 && o.Smtp.TimeoutSeconds < o.ClaimLeaseSeconds, "Email:Smtp:TimeoutSeconds must be at least 1 and below Email:ClaimLeaseSeconds: a send still running must not lose its claim.")
            .Validate(o => o.RateLimit.PerSecond >= 0 && o.RateLimit.PerHour >= 0 && o.RateLimit.PerDay >= 0 && o.RateLimit.TransactionalReservePercent is >= 0 and <= 90,
                "Email:RateLimit: PerSecond, PerHour and PerDay are zero (no limit) or more; TransactionalReservePercent is 0 to 90.")
            .ValidateOnStart()
            .PostConfigure(o => o.PickupDirectory = Path.GetFullPath(o.PickupDirectory, contentRoot));

        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddCormDatabase(database, contentRoot);

        services.AddSingleton<TimeProvider>(new Common.InstitutionClock(Common.InstitutionClock.ZoneFrom(builder.Configuration)));
        Common.InstitutionFormat.UseCulture(builder.Configuration[Common.InstitutionFormat.Setting]);
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<Common.CommandRunner>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ExportLog>();
        services.AddSingleton<ConstituentSearch>();
        services.AddSingleton<ConstituentRecords>();
        services.AddOptions<MatchingOptions>().BindConfiguration(MatchingOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.PossibleDuplicate < o.SamePerson, "Matching:PossibleDuplicate must be below Matching:SamePerson.").ValidateOnStart();
        services.AddSingleton<DuplicateFinder>();
        services.AddSingleton<DuplicateQueue>();
        services.AddSingleton<RecordMerges>();
        services.AddSingleton<PersonLookup>();
        services.AddSingleton<ContactImport>();
        services.AddSingleton<PersonIntake>();
        services.AddSingleton<Imports.SavedMappings>();
        services.AddSingleton<FollowUpBoard>();
        services.AddSingleton<ActionRecords>();
        services.AddSingleton<ActionTypes>();
        services.AddSingleton<EngagementRecords>();
        services.AddSingleton<EngagementSettings>();
        services.AddSingleton<MissionDashboard>();
        services.AddSingleton<PublicForms>();
        services.AddSingleton<PublicFormAdministration>();
        services.AddSingleton<EngagementRules>();
        services.AddSingleton<EventCheckIn>();
        services.AddSingleton<Tags>();
        services.AddSingleton<RecurringProgrammes>();
        services.AddSingleton<DirectMessages>();
        services.AddSingleton<Volunteering.VolunteerScheduling>();
        services.AddSingleton<Volunteering.VolunteerRecords>();
        services.AddSingleton<Volunteering.VolunteerSelfService>();
        services.AddSingleton<Volunteering.CalendarFeeds>();
        services.AddSingleton<Privacy.PrivacyRequests>();
        services.AddSingleton<Privacy.RetentionRules>();
        services.AddSingleton<Privacy.ConsentHistoryQuery>();
        services.AddSingleton<StaffDashboard>();
        services.AddSingleton<AdviseeList>();
        services.AddSingleton<StudentAcademicRecord>();
        services.AddSingleton<CohortAnalytics>();
        services.AddSingleton<RiskAlertQueue>();
        services.AddSingleton<RiskModelCards>();
        services.AddSingleton<FamilyDashboard>();
        services.AddSingleton<FamilyAccess>();
        services.AddSingleton<FamilyRequests>();
        services.AddSingleton<ParentInvitations>();
        services.AddSingleton<Admissions.AdmissionsPipeline>();
        services.AddSingleton<Admissions.AdmissionsBoard>();
        services.AddSingleton<Advancement.GivingRecords>();
        services.AddSingleton<Advancement.Receipts>();
        services.AddSingleton<IOutboxAttachmentSource>(sp => sp.GetRequiredService<Advancement.Receipts>());
        services.AddSingleton<Advancement.GivingEvents>();
        services.AddSingleton<Advancement.Segments>();
        services.AddSingleton<Advancement.AppealCampaigns>();
        services.AddSingleton<Advancement.UnsubscribeLinks>();
        services.AddSingleton<PortalUserDirectory>();
        services.AddSingleton<TimeZonePreference>();
        services.AddSingleton<Cases.CaseTypes>();
        services.AddSingleton<Cases.CaseIntake>();
        services.AddSingleton<Cases.CaseFiles>();
        services.AddSingleton<Cases.CaseFlags>();
        services.AddSingleton<Cases.CallerLookup>();
        services.AddSingleton<Cases.BreakGlass>();
        services.AddSingleton<Cases.Caseloads>();
        services.AddSingleton<Cases.CaseOutcomes>();
        services.AddSingleton<Cases.Handovers>();
        services.AddTransient<DemoSeeder>();
        services.AddSingleton<DropoutDatasetImport>();
        services.AddSingleton<SisImport>();

        services.AddSingleton<IEmailTransport>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Transport switch
        {
            EmailTransportKind.Smtp => ActivatorUtilities.CreateInstance<SmtpTransport>(sp),
            _ => ActivatorUtilities.CreateInstance<PickupFolderTransport>(sp),
        });
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<MailProgress>();
        services.AddTransient<FollowUpDigestJob>();
        services.AddTransient<EngagementScoreJob>();
        services.AddTransient<EngagementRuleJob>();
        services.AddTransient<EventReminderJob>();
        services.AddTransient<OutboxDispatchJob>();
        services.AddTransient<RiskAssessmentJob>();
        services.AddTransient<ShiftReminderJob>();
        services.AddTransient<AdmissionsReminderJob>();
        services.AddTransient<DonorScoreJob>();
        services.AddTransient<AppealCampaignJob>();
        services.AddTransient<GiftOfficerReminderJob>();
        services.AddTransient<DuplicateScanJob>();
        services.AddTransient<AnnualReceiptsJob>();
        services.AddTransient<Cases.CaseReminderJob>();
        services.AddTransient<Privacy.SubjectAccessExportJob>();
        services.AddTransient<Privacy.PrivacyReminderJob>();
        services.AddTransient<Privacy.RetentionJob>();
        services.AddTransient<Privacy.DeniedAccessAlertJob>();

        services.AddSingleton<Email.OutboxHealthCheck>();
        services.AddOptions<Observability.TelemetryOptions>().BindConfiguration(Observability.TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<Observability.CormMetrics>();
        services.AddSingleton<Email.OutboxBacklogSampler>();
        services.AddHostedService(s => s.GetRequiredService<Email.OutboxBacklogSampler>());
        services.AddHealthChecks().AddDbContextCheck<CormDbContext>("database").AddCheck<Email.OutboxHealthCheck>("outbox");

        // Keys in the database: a restart or a second instance still reads yesterday's cookies and forms.
        // Encrypted with a certificate where one is configured (always in Production: KeyProtection refuses to start without).
        var keys = services.AddDataProtection().SetApplicationName("CoRM").PersistKeysToDbContext<CormDbContext>();
        if (Security.KeyProtection.CertificateFrom(builder.Configuration, builder.Environment) is { } certificate) keys.ProtectKeysWithCertificate(certificate);
        return builder;
    }

    /// <summary>One context per operation through <see cref="IDbContextFactory{CormDbContext}"/>, on the configured provider.</summary>
    public static IServiceCollection AddCormDatabase(this IServiceCollection services, DatabaseOptions database, string contentRoot)
    {
        var builtIn = new Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] { new VersionStampInterceptor(), new DialKeyInterceptor() };
        // Interceptors registered as services join the built-in ones (the tests' crash injection is one).
        Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] Interceptors(IServiceProvider sp) =>
            [.. builtIn, .. sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()];
        switch (database.Provider)
        {
            case DatabaseProvider.SqlServer:
                services.AddDbContextFactory<SqlServerCormDbContext>((sp, o) => o.UseSqlServer(database.ConnectionString).AddInterceptors(Interceptors(sp)));
                services.AddSingleton<IDbContextFactory<CormDbContext>, ProviderContextFactory<SqlServerCormDbContext>>();
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContextFactory<PostgreSqlCormDbContext>((sp, o) => o.UseNpgsql(database.ConnectionString).AddInterceptors(Interceptors(sp)));
                services.AddSingleton<IDbContextFactory<CormDbContext>, ProviderContextFactory<PostgreSqlCormDbContext>>();
                break;
            default:
                var connectionString = SqliteFileUnder(database.ConnectionString, contentRoot);
                services.AddDbContextFactory<SqliteCormDbContext>((sp, o) => o.UseSqlite(connectionString).AddInterceptors(Interceptors(sp)));
                services.AddSingleton<IDbContextFactory<CormDbContext>, ProviderContextFactory<SqliteCormDbContext>>();
                break;
        }
        // The health check resolves a context directly; give it a short-lived one from the factory.
        services.AddScoped<CormDbContext>(sp => sp.GetRequiredService<IDbContextFactory<CormDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>Resolves a relative SQLite file against the content root and makes sure its folder exists.</summary>
    internal static string SqliteFileUnder(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal))
        {
            csb.DataSource = Path.GetFullPath(file, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }
        return csb.ToString();
    }
}
