using System.Diagnostics;
using System.Globalization;
using CoRM.Benchmarks;
using CoRM.Domain.Access;
using CoRM.Domain.Constituents;
using CoRM.Infrastructure;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Usage: dotnet run -c Release --project tests/CoRM.Benchmarks -- [--scale 1] [--database path] [--rebuild] [--iterations 200]
var scale = double.Parse(Option("--scale") ?? "1", CultureInfo.InvariantCulture);
var iterations = int.Parse(Option("--iterations") ?? "200", CultureInfo.InvariantCulture);
var path = Path.GetFullPath(Option("--database") ?? Path.Combine("artifacts", "bench", $"large-university-{scale.ToString(CultureInfo.InvariantCulture)}.db"));
Directory.CreateDirectory(Path.GetDirectoryName(path)!);
if (args.Contains("--rebuild") && File.Exists(path)) File.Delete(path);

// Usage: ... -- --only duplicates [--people 600000] [--share 0.02]: the duplicate finder on its own synthetic population.
if (Option("--only") == "duplicates")
{
    await DuplicateBenchmark.RunAsync(Path.GetDirectoryName(path)!, int.Parse(Option("--people") ?? "600000", CultureInfo.InvariantCulture),
        double.Parse(Option("--share") ?? "0.02", CultureInfo.InvariantCulture));
    return;
}

// Usage: ... -- --only import [--people 600000] [--rows 50000]: the general contact import of a large file against a large population.
if (Option("--only") == "import")
{
    await ContactImportBenchmark.RunAsync(Path.GetDirectoryName(path)!, int.Parse(Option("--people") ?? "600000", CultureInfo.InvariantCulture),
        int.Parse(Option("--rows") ?? "50000", CultureInfo.InvariantCulture));
    return;
}

// Usage: ... -- --only cases [--people 600000] [--cases 20000]: caller lookup and caseloads at scale.
if (Option("--only") == "cases")
{
    await CaseBenchmark.RunAsync(Path.GetDirectoryName(path)!, int.Parse(Option("--people") ?? "600000", CultureInfo.InvariantCulture),
        int.Parse(Option("--cases") ?? "20000", CultureInfo.InvariantCulture));
    return;
}

// Usage: ... -- --only coursework [--cohorts 4] [--students 1250] [--current N]: a module university's dated exports imported, then
// the risk job (N students in the presentation under way; default as many as a cohort).
if (Option("--only") == "coursework")
{
    await CourseworkBenchmark.RunAsync(Path.Combine(Path.GetDirectoryName(path)!, "coursework"), int.Parse(Option("--cohorts") ?? "4", CultureInfo.InvariantCulture),
        int.Parse(Option("--students") ?? "1250", CultureInfo.InvariantCulture), Option("--current") is { } current ? int.Parse(current, CultureInfo.InvariantCulture) : null);
    return;
}

// Usage: ... -- --only mail [--messages 100000] [--connections 2] [--kill]: an appeal delivered through SMTP to a local sink.
if (Option("--only") == "mail")
{
    await MailBenchmark.RunAsync(Path.Combine(Path.GetDirectoryName(path)!, "mail"), int.Parse(Option("--messages") ?? "100000", CultureInfo.InvariantCulture),
        int.Parse(Option("--connections") ?? "2", CultureInfo.InvariantCulture), args.Contains("--kill"));
    return;
}
if (Option("--only") == "mail-worker")
{
    await MailBenchmark.WorkAsync(Option("--database")!, int.Parse(Option("--smtp-port")!, CultureInfo.InvariantCulture), int.Parse(Option("--connections") ?? "2", CultureInfo.InvariantCulture));
    return;
}

// Usage: ... -- --postgres "Host=127.0.0.1;Port=55432;Username=postgres": the same university, copied from the SQLite file
// into a PostgreSQL database of its own (corm_bench_<scale>; --reload copies again), and the same measures run there.
var server = Option("--postgres");
var onPostgres = server is not null;
var postgres = onPostgres
    ? new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = $"corm_bench_{scale.ToString(CultureInfo.InvariantCulture).Replace('.', '_')}", CommandTimeout = 0 }.ToString()
    : null;

if (!File.Exists(path))
{
    Console.WriteLine($"Building the large university at scale {scale} into {path} ...");
    var clock = Stopwatch.StartNew();
    await using (var db = new SqliteCormDbContext(new DbContextOptionsBuilder<SqliteCormDbContext>().UseSqlite($"Data Source={path}").Options)) await db.Database.MigrateAsync();
    await using var connection = new SqliteConnection($"Data Source={path}");
    await connection.OpenAsync();
    var built = new LargeUniversityGenerator(connection, scale).Generate();
    Console.WriteLine($"Built {built.Constituents:N0} constituents and {built.Interactions:N0} interactions in {clock.Elapsed.TotalSeconds:N0} s ({new FileInfo(path).Length / 1048576:N0} MiB).");
}
if (postgres is not null && (args.Contains("--reload") || args.Contains("--rebuild") || !await PostgreSqlCopy.IsLoadedAsync(postgres)))
{
    Console.WriteLine($"Copying {path} into PostgreSQL ({new Npgsql.NpgsqlConnectionStringBuilder(postgres).Database}) ...");
    await PostgreSqlCopy.LoadAsync(path, postgres);
}

var services = new ServiceCollection()
    .AddCormDatabase(postgres is null
        ? new DatabaseOptions { ConnectionString = $"Data Source={path}" }
        : new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = postgres }, Directory.GetCurrentDirectory())
    .AddSingleton(TimeProvider.System).AddSingleton<AuditTrail>().AddSingleton<CoRM.Infrastructure.Common.CommandRunner>().AddSingleton<ConstituentSearch>().AddSingleton<ConstituentRecords>()
    .BuildServiceProvider();
var dbFactory = services.GetRequiredService<IDbContextFactory<CormDbContext>>();
Console.WriteLine($"Provider: {(onPostgres ? "PostgreSQL" : "SQLite")}.");

// An existing database is brought up to the current schema (a no-op when it is).
await using (var db = await dbFactory.CreateDbContextAsync()) await db.Database.MigrateAsync();

if (onPostgres && Option("--only") is "privacy" or "engagement")
{
    Console.WriteLine($"--only {Option("--only")} reads the SQLite file itself; run it without --postgres.");
    return;
}

// Usage: ... -- --only privacy [--scale 0.1]: subject-access export and erasure on (a copy of) the large university.
if (Option("--only") == "privacy")
{
    await PrivacyBenchmark.RunAsync(path, dbFactory);
    return;
}

// Usage: ... -- --only engagement: the nightly engagement recompute and the mission dashboard on the large university.
if (Option("--only") == "engagement")
{
    await EngagementBenchmark.RunAsync(path, dbFactory);
    return;
}

// Who asks, and about whom.
UserScope admin, faculty;
int busiest, advisee;
string busiestEmail;
await using (var db = await dbFactory.CreateDbContextAsync())
{
    var users = await db.PortalUsers.AsNoTracking().Where(u => u.Email == LargeUniversityGenerator.AdminEmail || u.Email == LargeUniversityGenerator.FacultyEmail).ToListAsync();
    admin = UserScope.Of(users.Single(u => u.Email == LargeUniversityGenerator.AdminEmail).ConstituentId, "bench admin", Roles.Admin);
    faculty = UserScope.Of(users.Single(u => u.Email == LargeUniversityGenerator.FacultyEmail).ConstituentId, "bench faculty", Roles.Faculty);
    busiest = await db.Interactions.GroupBy(i => i.ConstituentId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
    busiestEmail = await db.Constituents.Where(c => c.Id == busiest).Select(c => c.Email!).SingleAsync();
    advisee = await db.Relationships.Where(r => r.RelatedId == faculty.ConstituentId && r.Kind == RelationshipKind.Advisor).Select(r => r.SubjectId).FirstAsync();
    Console.WriteLine($"Database: {await db.Constituents.CountAsync():N0} constituents, {await db.Interactions.CountAsync():N0} interactions, busiest record C-{busiest}.");
}

var search = services.GetRequiredService<ConstituentSearch>();
var records = services.GetRequiredService<ConstituentRecords>();
var floor = new HandWrittenQueries(postgres ?? $"Data Source={path}", onPostgres);
var today = DateOnly.FromDateTime(DateTime.UtcNow);

var results = new List<(string Name, double CoRM, double Floor)>();
async Task Compare(string name, Func<Task<IReadOnlyList<int>>> corm, Func<IReadOnlyList<int>> handWritten)
{
    var a = await corm();
    var b = handWritten();
    if (!a.SequenceEqual(b)) throw new InvalidOperationException($"{name}: CoRM and the hand-written SQL disagree ({a.Count} vs {b.Count} rows).");
    var cormMs = await Median(async () => await corm());
    var floorMs = await Median(() => { handWritten(); return Task.CompletedTask; });
    results.Add((name, cormMs, floorMs));
    Console.WriteLine($"{name,-44} CoRM {cormMs,8:N3} ms   SQL {floorMs,8:N3} ms   ratio {cormMs / floorMs,5:N1}   ({a.Count} rows)");
}

async Task<double> Median(Func<Task> action)
{
    for (var i = 0; i < Math.Min(20, iterations); i++) await action();
    var times = new double[iterations];
    for (var i = 0; i < iterations; i++)
    {
        var clock = Stopwatch.StartNew();
        await action();
        times[i] = clock.Elapsed.TotalMilliseconds;
    }
    Array.Sort(times);
    return times[iterations / 2];
}

if (Option("--only") == "receipts")
{
    await YearEndReceiptsAsync();
    return;
}

Console.WriteLine($"Median of {iterations} runs after warm-up:");
await Compare("search 'silva' (directory, page 1 of 25)",
    async () => (await search.SearchAsync(admin, "silva", 0, 25)).Items.Select(r => r.Id).ToList(),
    () => floor.SearchByName(SearchText.Fold("silva"), 25));
await Compare("search 'ana' (directory, page 3 of 25)",
    async () => (await search.SearchAsync(admin, "ana", 2, 25)).Items.Select(r => r.Id).ToList(),
    () => floor.SearchByName(SearchText.Fold("ana"), 25, 50));
await Compare("search by e-mail",
    async () => (await search.SearchAsync(admin, busiestEmail, 0, 25)).Items.Select(r => r.Id).ToList(),
    () => floor.SearchByEmail(busiestEmail));
await Compare("search 'silva' (faculty: own advisees only)",
    async () => (await search.SearchAsync(faculty, "silva", 0, 25)).Items.Select(r => r.Id).ToList(),
    () => floor.SearchAdvisees(faculty.ConstituentId, SearchText.Fold("silva"), 25, today));
// Usage: ... -- --only search: the four searches alone.
if (Option("--only") == "search") return;
await Compare($"profile + timeline page (C-{busiest}, busiest)",
    async () =>
    {
        var profile = await records.GetProfileAsync(admin, busiest);
        var timeline = await records.GetTimelineAsync(admin, busiest, null, 0, 10);
        return [profile!.Details.Id, profile.Hats.Count, profile.Relationships.Count, profile.InteractionsByChannel.Sum(c => c.Count), .. timeline.Items.Select(t => (int)t.Id)];
    },
    () => floor.Profile(busiest, 10, admin.UserName));
await Compare($"profile + timeline page (faculty, advisee C-{advisee})",
    async () =>
    {
        var profile = await records.GetProfileAsync(faculty, advisee);
        var timeline = await records.GetTimelineAsync(faculty, advisee, null, 0, 10);
        return [profile!.Details.Id, profile.Hats.Count, profile.Relationships.Count, profile.InteractionsByChannel.Sum(c => c.Count), .. timeline.Items.Select(t => (int)t.Id)];
    },
    () => floor.Profile(advisee, 10, faculty.UserName, topics: [0, 1, 5]));

// Advising and student success (issue 3).
var adviseeList = new CoRM.Infrastructure.StudentSuccess.AdviseeList(dbFactory, TimeProvider.System);
var cohorts = new CoRM.Infrastructure.StudentSuccess.CohortAnalytics(dbFactory, TimeProvider.System);
var job = new CoRM.Infrastructure.StudentSuccess.RiskAssessmentJob(dbFactory, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<CoRM.Infrastructure.StudentSuccess.RiskAssessmentJob>.Instance);

// The nightly recompute, timed from a clean slate for today (so the first run of the day is what is measured).
async Task ResetTodayAsync()
{
    await using var db = await dbFactory.CreateDbContextAsync();
    await db.RiskAlerts.Where(a => a.RaisedOn == today).ExecuteDeleteAsync();
    await db.FollowUps.Where(f => f.Title.StartsWith("Dropout risk rose") && f.CreatedById == null).ExecuteDeleteAsync();
    await db.RiskAssessments.Where(a => a.AssessedOn == today).ExecuteDeleteAsync();
}
var recomputes = new List<double>();
CoRM.Infrastructure.StudentSuccess.RiskAssessmentJob.Summary? summary = null;
for (var run = 0; run < 3; run++)
{
    await ResetTodayAsync();
    var clock = Stopwatch.StartNew();
    summary = await job.RunAsync();
    recomputes.Add(clock.Elapsed.TotalSeconds);
}
var idempotent = Stopwatch.StartNew();
var second = await job.RunAsync();
Console.WriteLine($"{"nightly risk recompute",-44} {recomputes.Min(),6:N2} s best of 3 ({summary!.Assessed:N0} students assessed, {summary.Alerts:N0} alerts); same-day rerun {idempotent.Elapsed.TotalSeconds:N2} s, {second.Assessed} assessed");

await Compare("advisee dashboard (25 advisees, by risk)",
    async () => (await adviseeList.MineAsync(faculty, CoRM.Infrastructure.StudentSuccess.AdviseeSort.Risk, true, 0, 25)).Items.Select(a => a.Id).ToList(),
    () => floor.AdviseeDashboard(faculty.ConstituentId, today, 25));
await Compare("cohort analytics by programme (all students)",
    async () => (await cohorts.ByAsync(admin, CoRM.Infrastructure.StudentSuccess.CohortDimension.Programme, null)).OrderBy(r => r.Group, StringComparer.Ordinal)
        .SelectMany(r => new[] { r.Students, r.DroppedOut, r.HighRisk }).ToList(),
    () => floor.CohortByProgramme());

// Volunteering (issue 5): the coordinator's month calendar.
// The calendar reads only; it never dispatches mail, so no outbox dispatcher is wired here.
var scheduling = new CoRM.Infrastructure.Volunteering.VolunteerScheduling(dbFactory, new CoRM.Infrastructure.Common.CommandRunner(dbFactory), new AuditTrail(TimeProvider.System), null!, TimeProvider.System);
var december = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
await Compare("month calendar (5,000 shifts, 50,000 sign-ups)",
    async () => (await scheduling.CalendarAsync(admin, december, december.AddMonths(1))).Select(s => s.Id).ToList(),
    () => floor.MonthCalendar(december, december.AddMonths(1)));

// Families and admissions (issue 4): the parent dashboard, the pipeline board and the funnel of a 60,000-application intake.
var audit = new AuditTrail(TimeProvider.System);
var familyDashboard = new CoRM.Infrastructure.Families.FamilyDashboard(dbFactory, audit, TimeProvider.System);
var admissionsBoard = new CoRM.Infrastructure.Admissions.AdmissionsBoard(dbFactory, audit, TimeProvider.System);
UserScope parent, officer;
await using (var db = await dbFactory.CreateDbContextAsync())
{
    parent = UserScope.Of(await db.PortalUsers.Where(u => u.Email == LargeUniversityGenerator.ParentEmail).Select(u => u.ConstituentId).SingleAsync(), "bench parent", Roles.Parent);
    officer = UserScope.Of(await db.PortalUsers.Where(u => u.Email == LargeUniversityGenerator.AdmissionsEmail).Select(u => u.ConstituentId).SingleAsync(), "bench admissions", Roles.Admissions);
}
await Compare("parent dashboard (2 children, 1 granted)",
    async () =>
    {
        var cards = await familyDashboard.ForAsync(parent);
        return [.. cards.Select(c => c.Id), cards.Sum(c => c.Enrolments.Count), cards.Sum(c => c.Balance?.Invoices.Count ?? 0), cards.Sum(c => c.Balance?.Payments.Count ?? 0), cards.Sum(c => c.Grades?.Courses.Count ?? 0)];
    },
    () => floor.ParentDashboard(parent.ConstituentId, today, parent.UserName));
var intake = new CoRM.Infrastructure.Admissions.AdmissionsFilter(TermId: LargeUniversityGenerator.IntakeTermId);
await Compare("admissions funnel (intake of 60,000)",
    async () => (await admissionsBoard.FunnelAsync(officer, intake)).Select(s => s.Count).ToList(),
    () => floor.AdmissionsFunnel(LargeUniversityGenerator.IntakeTermId));
await Compare("admissions board (8 columns, 15 cards each)",
    async () => (await admissionsBoard.BoardAsync(officer, intake)).SelectMany(c => c.Key == "Closed" ? [c.Count] : c.Key == "Inquiry" ? c.Cards.Select(x => x.ApplicantId).Prepend(c.Count) : c.Cards.Select(x => x.Id).Prepend(c.Count)).ToList(),
    () => floor.AdmissionsBoard(LargeUniversityGenerator.IntakeTermId, CoRM.Infrastructure.Admissions.AdmissionsBoard.CardsPerColumn));

// Advancement (issue 6): a segment over every constituent, the nightly RFM recompute, and an appeal to ~100,000.
var advancement = await Scope(LargeUniversityGenerator.AdvancementEmail, Roles.Advancement);
var segments = new CoRM.Infrastructure.Advancement.Segments(dbFactory, new CoRM.Infrastructure.Common.CommandRunner(dbFactory), audit, TimeProvider.System);
var northDonors = new List<CoRM.Domain.Advancement.SegmentRule>
{
    new(CoRM.Domain.Advancement.SegmentRuleKind.WearsHat, Hat: HatKind.Donor), new(CoRM.Domain.Advancement.SegmentRuleKind.GaveWithinMonths, Months: 24),
    new(CoRM.Domain.Advancement.SegmentRuleKind.InRegion, Text: "North"), new(CoRM.Domain.Advancement.SegmentRuleKind.MayBeEmailed),
};
await Compare("segment count (4 rules over every constituent)",
    async () => [(await segments.CountAsync(advancement, northDonors)).Count!.Value],
    () => floor.SegmentCount("North", today.AddMonths(-24), today));
string[] threeRegions = ["North", "Centre", "Lisbon"];
var anyOfThree = northDonors.Where(r => r.Kind != CoRM.Domain.Advancement.SegmentRuleKind.InRegion)
    .Concat(threeRegions.Select((r, i) => new CoRM.Domain.Advancement.SegmentRule(CoRM.Domain.Advancement.SegmentRuleKind.InRegion, Text: r, OrWithPrevious: i > 0))).ToList();
await Compare("segment count (3 rules and a 3-region or group)",
    async () => [(await segments.CountAsync(advancement, anyOfThree)).Count!.Value],
    () => floor.SegmentCountAnyRegion(threeRegions, today.AddMonths(-24), today));
await Compare("segment preview (page 1 of 25, with giving)",
    async () => (await segments.PreviewAsync(advancement, northDonors, 0, 25)).Items.Select(m => m.Id).ToList(),
    () => floor.SegmentPreview("North", today.AddMonths(-24), today, 25));

var scores = new CoRM.Infrastructure.Advancement.DonorScoreJob(dbFactory, TimeProvider.System);
var rfmRuns = new List<double>();
var scored = 0;
for (var run = 0; run < 3; run++)
{
    var clock = Stopwatch.StartNew();
    scored = await scores.RunAsync();
    rfmRuns.Add(clock.Elapsed.TotalSeconds);
}
var rfmFloor = Stopwatch.StartNew();
var floorScored = floor.RfmRecompute(today)[0];
Console.WriteLine($"{"RFM recompute (all donors, delete + insert)",-44} CoRM {rfmRuns.Min(),8:N2} s    SQL {rfmFloor.Elapsed.TotalSeconds,8:N2} s   ratio {rfmRuns.Min() / rfmFloor.Elapsed.TotalSeconds,5:N1}   ({scored:N0} donors; SQL {floorScored:N0})");

// The appeal: alumni of three regions who may be e-mailed, one message each rendered into the outbox, an
// interaction each. Timed from the job's start (snapshot + render, no SMTP), then removed so reruns start clean.
var emailOptions = Microsoft.Extensions.Options.Options.Create(new CoRM.Infrastructure.Email.EmailOptions());
var campaigns = new CoRM.Infrastructure.Advancement.AppealCampaigns(dbFactory, new CoRM.Infrastructure.Common.CommandRunner(dbFactory), audit, Microsoft.Extensions.Options.Options.Create(new CoRM.Infrastructure.Advancement.AdvancementOptions()),
    new CoRM.Infrastructure.Documents.PdfDocuments(Microsoft.Extensions.Options.Options.Create(new CoRM.Infrastructure.Documents.DocumentOptions())), TimeProvider.System);
var appealJob = new CoRM.Infrastructure.Advancement.AppealCampaignJob(dbFactory,
    new CoRM.Infrastructure.Email.OutboxDispatcher(dbFactory, null!, emailOptions, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<CoRM.Infrastructure.Email.OutboxDispatcher>.Instance),
    new CoRM.Infrastructure.Advancement.UnsubscribeLinks(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider(), dbFactory, emailOptions, TimeProvider.System),
    TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<CoRM.Infrastructure.Advancement.AppealCampaignJob>.Instance);
string[] appealRegions = ["North", "Centre", "Lisbon"];
var alumniRules = new List<CoRM.Domain.Advancement.SegmentRule> { new(CoRM.Domain.Advancement.SegmentRuleKind.WearsHat, Hat: HatKind.Alumnus), new(CoRM.Domain.Advancement.SegmentRuleKind.MayBeEmailed) };
alumniRules.AddRange(new[] { "Alentejo", "Algarve", "Azores", "Madeira" }.Select(r => new CoRM.Domain.Advancement.SegmentRule(CoRM.Domain.Advancement.SegmentRuleKind.InRegion, Negate: true, Text: r)));
var saved = await segments.SaveAsync(advancement, null, $"Bench alumni {Guid.NewGuid():N}", null, alumniRules, null);
const string appealBody = "Dear {{FirstName}},\n\nYou have given {{LifetimeGiving}} so far; your last gift was {{LastGiftAmount}}.\n\nNo more e-mails: {{UnsubscribeLink}}";
var appealRuns = new List<double>();
var rendered = 0;
for (var run = 0; run < 2; run++)
{
    var created = await campaigns.CreateAsync(advancement, new CoRM.Infrastructure.Advancement.NewCampaign("Bench appeal", (int)saved.Id!.Value, "{{FirstName}}, will you help a student this winter?", appealBody, DateTime.UtcNow, 0m));
    var clock = Stopwatch.StartNew();
    rendered = (await appealJob.RunAsync(dispatch: false, CancellationToken.None)).Rendered;
    appealRuns.Add(clock.Elapsed.TotalSeconds);
    if (run == 0)
    {
        var id = (int)created.Id!.Value;
        var resultsMs = await Median(async () => await campaigns.ResultsAsync(advancement, id));
        Console.WriteLine($"{"campaign results page (all recipients)",-44} CoRM {resultsMs,8:N3} ms");
    }
    await using var db = await dbFactory.CreateDbContextAsync();
    var prefix = $"appeal:{created.Id}:";
    await db.OutboxMessages.Where(m => m.DedupKey.StartsWith(prefix)).ExecuteDeleteAsync();
    await db.Interactions.Where(i => i.Subject == "Appeal: Bench appeal").ExecuteDeleteAsync();
    await db.AppealCampaigns.Where(c => c.Id == created.Id).ExecuteDeleteAsync();
}
var appealFloor = new List<double>();
var floorRendered = 0;
for (var run = 0; run < 3; run++)
{
    var clock = Stopwatch.StartNew();
    floorRendered = floor.AppealRender(appealRegions, today, DateTime.UtcNow)[0];
    appealFloor.Add(clock.Elapsed.TotalSeconds);
}
if (floorRendered != rendered) throw new InvalidOperationException($"appeal: CoRM rendered {rendered}, the floor {floorRendered}.");
Console.WriteLine($"{"appeal rendered into the outbox",-44} CoRM {appealRuns.Min(),8:N2} s    SQL {appealFloor.Min(),8:N2} s   ratio {appealRuns.Min() / appealFloor.Min(),5:N1}   ({rendered:N0} messages, {rendered / appealRuns.Min():N0}/s)");

await YearEndReceiptsAsync();

// The year-end receipting run for last year: an annual summary for every donor with deductible gifts, one transaction
// each, as the officer's background job runs it. Timed once (it writes tens of thousands of receipts), then removed.
async Task YearEndReceiptsAsync()
{
    var officerScope = await Scope(LargeUniversityGenerator.AdvancementEmail, Roles.Advancement);
    var receipts = new CoRM.Infrastructure.Advancement.Receipts(dbFactory, new CoRM.Infrastructure.Common.CommandRunner(dbFactory), new AuditTrail(TimeProvider.System),
        Microsoft.Extensions.Options.Options.Create(new CoRM.Infrastructure.Advancement.AdvancementOptions()),
        new CoRM.Infrastructure.Documents.PdfDocuments(Microsoft.Extensions.Options.Options.Create(new CoRM.Infrastructure.Documents.DocumentOptions())), TimeProvider.System);
    var year = DateTime.UtcNow.Year - 1;
    var started = DateTime.UtcNow;
    var toReceipt = await receipts.DonorsToReceiptAsync(officerScope, year);
    var clock = Stopwatch.StartNew();
    // With e-mail, as the page starts it by default: each summary is also queued to donors who accept e-mail.
    var (issued, refused, emailed) = await receipts.IssueAnnualSummariesAsync(officerScope, year, email: true);
    var elapsed = clock.Elapsed.TotalSeconds;
    var left = await receipts.DonorsToReceiptAsync(officerScope, year);
    Console.WriteLine($"{$"year-end receipts for {year} (annual summaries)",-44} CoRM {elapsed,8:N1} s    ({issued:N0} issued of {toReceipt:N0} donors, {emailed:N0} queued by e-mail, {refused:N0} refused, {left:N0} left; {issued / elapsed:N0}/s)");
    if (issued != toReceipt || left != 0) throw new InvalidOperationException($"year-end: {issued} issued for {toReceipt} donors, {left} left.");

    // What the dispatcher does per e-mailed receipt besides SMTP: render its PDF.
    await using var db = await dbFactory.CreateDbContextAsync();
    var sample = await db.Receipts.Where(r => r.IssuedAt >= started).OrderByDescending(r => r.Deductible).Select(r => r.Id).FirstAsync();
    var source = (CoRM.Infrastructure.Email.IOutboxAttachmentSource)receipts;
    var renderMs = await Median(async () => await source.LoadAsync(sample, CancellationToken.None));
    Console.WriteLine($"{"receipt PDF rendered for an e-mail",-44} CoRM {renderMs,8:N3} ms   ({(await source.LoadAsync(sample, CancellationToken.None))!.Content.Length / 1024:N0} KiB)");

    var ids = db.Receipts.Where(r => r.IssuedAt >= started).Select(r => r.Id);
    await db.OutboxMessages.Where(m => m.CreatedAt >= started && m.DedupKey.StartsWith("receipt:")).ExecuteDeleteAsync();
    await db.Interactions.Where(i => i.RecordedAt >= started && i.Subject.StartsWith("Receipt ")).ExecuteDeleteAsync();
    await db.ReceiptLines.Where(l => ids.Contains(l.ReceiptId)).ExecuteDeleteAsync();
    await db.Receipts.Where(r => r.IssuedAt >= started).ExecuteDeleteAsync();
    await db.AuditEntries.Where(a => a.At >= started && a.RecordType == "Receipt").ExecuteDeleteAsync();
}

async Task<UserScope> Scope(string email, string role)
{
    await using var db = await dbFactory.CreateDbContextAsync();
    return UserScope.Of(await db.PortalUsers.Where(u => u.Email == email).Select(u => u.ConstituentId).SingleAsync(), email, role);
}

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
