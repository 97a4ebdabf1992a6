using CoRM.Infrastructure.Jobs;
using CoRM.Infrastructure.Persistence;
using CoRM.Portal.Components;
using CoRM.Portal.Endpoints;
using CoRM.Portal.Jobs;
using CoRM.Portal.Observability;
using CoRM.Portal.Security;
using Hangfire;
using Hangfire.Common;
using Microsoft.AspNetCore.Components.Server.Circuits;
using MudBlazor.Services;

namespace CoRM.Portal;

public static class DependencyInjection
{
    /// <summary>UI, sign-in, authorization and background jobs.</summary>
    public static WebApplicationBuilder AddPortalServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddOptions<CircuitSettings>().BindConfiguration(CircuitSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Microsoft.AspNetCore.Components.Server.CircuitOptions>().Configure<Microsoft.Extensions.Options.IOptions<CircuitSettings>>((o, settings) =>
        {
            var circuits = settings.Value;
            o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(circuits.DisconnectedRetentionMinutes);
            o.DisconnectedCircuitMaxRetained = circuits.DisconnectedMaxRetained;
            o.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(circuits.JsInteropTimeoutSeconds);
            o.MaxBufferedUnacknowledgedRenderBatches = circuits.MaxBufferedRenderBatches;
        });
        // Every amount on every page carries a currency, written the institution's way.
        Components.Shared.Labels.UseInstitution(builder.Configuration["Institution:Currency"], builder.Configuration["Institution:Culture"]);
        services.AddMudServices(mud =>
        {
            // Bottom centre: clear of the app bar's sign-out, the page's top actions, dialogs' buttons and tables' pagers
            // (bottom right); a few at once, each closable, none repeated.
            mud.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomCenter;
            mud.SnackbarConfiguration.MaxDisplayedSnackbars = 3;
            mud.SnackbarConfiguration.PreventDuplicates = true;
            mud.SnackbarConfiguration.ShowCloseIcon = true;
            mud.SnackbarConfiguration.VisibleStateDuration = 5000;
        });
        Components.Layout.ErrorsFirstSnackbar.Decorate(services);
        services.AddHttpContextAccessor();
        services.AddScoped<ClientOrigin>();
        services.AddScoped<CircuitHandler, ClientOriginCircuitHandler>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<Components.Shared.ViewerClock>();
        builder.AddCormAuthentication();
        builder.AddCodeAttemptLimit();
        builder.AddCormJobs();
        builder.AddCormTelemetry();
        return builder;
    }

    /// <summary>
    /// Hangfire storage follows the database and is always durable: a SQLite file beside the embedded database, SQL
    /// Server or PostgreSQL storage on a server, so a job under way survives a restart and several instances share one
    /// queue.
    /// </summary>
    private static void AddCormJobs(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        // This host's own storage instance in DI: Hangfire's static JobStorage.Current is shared by every host in
        // the process (the test hosts), and the dashboard, client and server resolve the storage from DI first.
        builder.Services.AddSingleton<JobStorage>(_ => database.Provider switch
        {
            DatabaseProvider.SqlServer => new Hangfire.SqlServer.SqlServerStorage(database.ConnectionString),
            // Its own schema ("hangfire") in the same database, created on first start.
            // A job whose process died is queued again after Jobs:ServerInvisibilitySeconds (300); a live job keeps
            // extending that while it runs (sliding), so a long run is never started twice.
            DatabaseProvider.PostgreSql => new Hangfire.PostgreSql.PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(database.ConnectionString,
                new Hangfire.PostgreSql.PostgreSqlStorageOptions()), new Hangfire.PostgreSql.PostgreSqlStorageOptions
                {
                    PrepareSchemaIfNecessary = true,
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Jobs:ServerInvisibilitySeconds", 300)),
                }),
            // The embedded default: a SQLite file of its own beside the database (hangfire.db), so a job under way
            // survives a restart; its own file, so job polling never waits on the data's writers.
            // It polls (every 2 s, not its default 15: "Send now" should start at once) and takes a job whose process
            // died back after Jobs:SqliteInvisibilityMinutes (30; it does not extend that while a job runs, so a job
            // longer than that may start twice — every job here is written to be run twice without acting twice).
            _ => new Hangfire.Storage.SQLite.SQLiteStorage(SqliteJobFile(database, builder.Environment.ContentRootPath), new Hangfire.Storage.SQLite.SQLiteStorageOptions
            {
                QueuePollInterval = TimeSpan.FromSeconds(2),
                InvisibilityTimeout = TimeSpan.FromMinutes(builder.Configuration.GetValue("Jobs:SqliteInvisibilityMinutes", 30)),
            }),
        });
        builder.Services.AddHealthChecks().AddCheck<JobStorageHealthCheck>("jobs");
        builder.Services.AddHangfire((services, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings()
            .UseStorage(services.GetRequiredService<JobStorage>())
            .UseLogProvider(AttachedLogBridge(services)));
        if (builder.Configuration.GetValue("Jobs:RunServer", true))
        {
            builder.Services.AddHangfireServer((services, o) =>
            {
                o.Activator = new HostJobActivator(services);
                o.FilterProvider = JobFilters(services);
                o.WorkerCount = Math.Max(2, Environment.ProcessorCount);
                o.Queues = [JobQueues.Default];
            });
            // What a person starts and waits for ("Send now", year-end receipts) has its own worker, so it never
            // queues behind a long scheduled job such as the nightly risk recompute.
            builder.Services.AddHangfireServer((services, o) =>
            {
                o.Activator = new HostJobActivator(services);
                o.FilterProvider = JobFilters(services);
                o.ServerName = $"{Environment.MachineName}:{JobQueues.Interactive}:{Guid.NewGuid():N}";
                o.WorkerCount = 2;
                o.Queues = [JobQueues.Interactive];
            });
        }
    }

    /// <summary>Hangfire's own filters (retries, state changes) and this host's job timing.</summary>
    private static JobFilterProviderCollection JobFilters(IServiceProvider services)
    {
        var own = new JobFilterCollection();
        own.Add(services.GetRequiredService<JobMetricsFilter>());
        return new JobFilterProviderCollection([.. JobFilterProviders.Providers, own]);
    }

    /// <summary>hangfire.db in the folder of the SQLite database (each test host has its own).</summary>
    internal static string SqliteJobFile(DatabaseOptions database, string contentRoot)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        var folder = string.IsNullOrEmpty(file) || file == ":memory:" ? Path.Combine(contentRoot, "App_Data") : Path.GetDirectoryName(Path.GetFullPath(file, contentRoot))!;
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, "hangfire.db");
    }

    private static HangfireLogBridge AttachedLogBridge(IServiceProvider services)
    {
        HangfireLogBridge.Attach(services.GetRequiredService<ILoggerFactory>());
        return HangfireLogBridge.Instance;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseUserLogScope();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapAccountEndpoints();
        app.MapStudentSuccessEndpoints();
        app.MapVolunteeringEndpoints();
        app.MapAdvancementEndpoints();
        app.MapCaseEndpoints();
        app.MapEngagementEndpoints();
        app.MapPrivacyEndpoints();
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        // The dashboard's stats route only takes POST; Hangfire answers any other method with an exception (a 500).
        app.MapMethods("/jobs/stats", ["GET", "HEAD", "PUT", "DELETE", "PATCH"], () => Results.StatusCode(StatusCodes.Status405MethodNotAllowed))
            .RequireAuthorization(Policies.Admin);
        app.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            // Replaces the default local-requests-only filter (see HangfireDashboardAuthorization).
            Authorization = [new HangfireDashboardAuthorization()],
            DisplayStorageConnectionString = false,
            AppPath = "/",
            DashboardTitle = "CoRM jobs",
        }).RequireAuthorization(Policies.Admin);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        RecurringJobSchedule.Register(app.Services.GetRequiredService<IRecurringJobManager>(), app.Services.GetRequiredService<TimeProvider>().LocalTimeZone);
        return app;
    }
}
