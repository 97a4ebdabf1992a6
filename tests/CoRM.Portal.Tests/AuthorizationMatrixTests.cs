using Microsoft.Extensions.DependencyInjection;
using System.Net;
using CoRM.Portal.Tests.Support;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Portal.Tests;

/// <summary>Every page and endpoint, asked by every role and by nobody, answers as designed.</summary>
public sealed class AuthorizationMatrixTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Anonymous = "anonymous";

    /// <summary>Who may open what. Everyone signed in may open "/", which forwards them to their dashboard.</summary>
    private static readonly Dictionary<string, string[]> MayOpen = new()
    {
        ["/"] = [Personas.Admin, Personas.Faculty, Personas.Parent, Personas.VolunteerCoordinator, Personas.StudentSuccess, Personas.Admissions, Personas.Advancement, Personas.CaseWorker, Personas.Volunteer, Personas.Student, Personas.DataSteward, Personas.CaseSupervisor, Personas.DataProtection],
        ["/volunteer"] = [Personas.Volunteer],
        ["/dashboard"] = Staff,
        ["/constituents"] = Staff,
        ["/constituents/1"] = Staff,
        ["/constituents/duplicates"] = [Personas.DataSteward, Personas.Admin],
        ["/constituents/merge?keep=1&merge=2"] = [Personas.DataSteward, Personas.Admin],
        ["/constituents/import"] = [Personas.DataSteward, Personas.Admin, Personas.Advancement, Personas.Admissions],
        ["/follow-ups"] = Staff,
        ["/advising"] = [Personas.Faculty],
        ["/family"] = [Personas.Parent],
        ["/family/apply"] = [Personas.Parent],
        ["/my/family-access"] = [Personas.Student],
        ["/families/requests"] = [Personas.Admissions, Personas.StudentSuccess, Personas.Admin],
        ["/admissions"] = [Personas.Admissions, Personas.Admin],
        ["/advancement/gifts"] = [Personas.Advancement, Personas.Admin],
        ["/advancement/segments"] = [Personas.Advancement, Personas.Admin],
        ["/advancement/campaigns"] = [Personas.Advancement, Personas.Admin],
        ["/advancement/campaigns/1"] = [Personas.Advancement, Personas.Admin],
        ["/advancement/campaigns/2/letters.pdf"] = [Personas.Advancement, Personas.Admin],
        ["/advancement/receipts/1.pdf"] = [Personas.Advancement, Personas.Admin],
        ["/advancement/events"] = [Personas.Advancement, Personas.Admin],
        ["/advancement/receipts"] = [Personas.Advancement, Personas.Admin],
        ["/advancement/events/1"] = [Personas.Advancement, Personas.Admin],
        ["/advancement/segments/new"] = [Personas.Advancement, Personas.Admin],
        ["/advancement/segments/1"] = [Personas.Advancement, Personas.Admin],
        ["/admissions/funnel"] = [Personas.Admissions, Personas.Admin],
        ["/admissions/applications/1"] = [Personas.Admissions, Personas.Admin],
        ["/admin/audit"] = [Personas.Admin, Personas.DataProtection],
        ["/admin/audit.csv"] = [Personas.Admin, Personas.DataProtection],
        ["/privacy"] = [Personas.Admin, Personas.DataProtection],
        ["/privacy/requests/1"] = [Personas.Admin, Personas.DataProtection],
        ["/privacy/retention"] = [Personas.Admin, Personas.DataProtection],
        ["/jobs"] = [Personas.Admin],
        ["/volunteering"] = [Personas.VolunteerCoordinator, Personas.Admin],
        ["/volunteering/shifts/1"] = [Personas.VolunteerCoordinator, Personas.Admin],
        ["/volunteering/hours.xlsx?year=2026"] = [Personas.VolunteerCoordinator, Personas.Admin],
        ["/volunteering/shifts/1/roster.csv"] = [Personas.VolunteerCoordinator, Personas.Admin],
        ["/volunteering/recognition"] = [Personas.VolunteerCoordinator, Personas.Advancement, Personas.Admin],
        ["/volunteering/board-candidates.csv"] = [Personas.VolunteerCoordinator, Personas.Advancement, Personas.Admin],
        ["/volunteering/board-candidates.xlsx"] = [Personas.VolunteerCoordinator, Personas.Advancement, Personas.Admin],
        ["/student-success/analytics"] = [Personas.StudentSuccess, Personas.Admin],
        ["/student-success/analytics.csv?dimension=Programme"] = [Personas.StudentSuccess, Personas.Admin],
        ["/student-success/alerts"] = [Personas.StudentSuccess, Personas.Admin],
        ["/student-success/model"] = [Personas.StudentSuccess, Personas.Admin],
        ["/student-success/import"] = [Personas.StudentSuccess, Personas.Admin],
        ["/cases"] = [Personas.CaseWorker, Personas.CaseSupervisor],
        ["/cases/lookup"] = [Personas.CaseWorker, Personas.CaseSupervisor],
        ["/cases/new"] = [Personas.CaseWorker, Personas.CaseSupervisor],
        ["/cases/1"] = [Personas.CaseWorker, Personas.CaseSupervisor],
        ["/cases/outcomes"] = [Personas.CaseWorker, Personas.CaseSupervisor, Personas.Admin],
        ["/cases/outcomes.csv?year=2026"] = [Personas.CaseWorker, Personas.CaseSupervisor, Personas.Admin],
        ["/handover"] = [Personas.CaseSupervisor, Personas.StudentSuccess, Personas.Advancement, Personas.Admin],
        ["/admin/case-types"] = [Personas.Admin],
        ["/admin/engagement"] = [Personas.Admin],
        ["/engagement"] = [Personas.Advancement, Personas.VolunteerCoordinator, Personas.StudentSuccess, Personas.Admin],
        ["/engagement/forms"] = [Personas.Advancement, Personas.VolunteerCoordinator, Personas.StudentSuccess, Personas.Admin],
        ["/engagement/check-in"] = [Personas.Advancement, Personas.VolunteerCoordinator, Personas.StudentSuccess, Personas.Admin],
        ["/engagement/rules"] = [Personas.Advancement, Personas.Admin],
        ["/engagement/programmes"] = [Personas.Advancement, Personas.VolunteerCoordinator, Personas.StudentSuccess, Personas.Admin],
        ["/engagement/programmes/1"] = [Personas.Advancement, Personas.VolunteerCoordinator, Personas.StudentSuccess, Personas.Admin],
        ["/engagement/forms/new"] = [Personas.Advancement, Personas.VolunteerCoordinator, Personas.StudentSuccess, Personas.Admin],
        ["/engagement/mission.csv?period=Last90Days"] = [Personas.Advancement, Personas.VolunteerCoordinator, Personas.StudentSuccess, Personas.Admin],
    };

    private static string[] Staff => [Personas.Admin, Personas.Faculty, Personas.VolunteerCoordinator, Personas.StudentSuccess, Personas.Admissions, Personas.Advancement, Personas.CaseWorker, Personas.DataSteward, Personas.CaseSupervisor];

    private static readonly string[] Everyone =
        [Anonymous, Personas.Admin, Personas.Faculty, Personas.Parent, Personas.VolunteerCoordinator, Personas.StudentSuccess, Personas.Admissions, Personas.Advancement, Personas.CaseWorker, Personas.Volunteer, Personas.Student, Personas.DataSteward, Personas.CaseSupervisor, Personas.DataProtection];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var who in Everyone)
            foreach (var path in MayOpen.Keys)
                data.Add(who, path);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_reaches_only_its_own_pages(string who, string path)
    {
        using var client = await portal.ClientForAsync(who == Anonymous ? null : who);
        var response = await client.GetAsync(path);

        if (who == Anonymous)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        else if (MayOpen[path].Contains(who))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/account/sign-in")]
    [InlineData("/account/signed-out")]
    [InlineData("/account/access-denied")]
    [InlineData("/join")]
    [InlineData("/unsubscribe")]
    [InlineData("/unsubscribe?token=forged")]
    [InlineData("/u/00000-00000")]
    [InlineData("/u?code=nonsense")]
    [InlineData("/join?code=ABCDE-FGHJK")]
    [InlineData("/f/keep-the-library-open")]
    [InlineData("/f/newsletter")]
    [InlineData("/f/confirm?token=forged")]
    public async Task Public_endpoints_answer_anyone(string path)
    {
        using var client = await portal.ClientForAsync(null);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_health_check_reports_the_database_the_job_storage_and_the_outbox_without_naming_anyone()
    {
        using var client = await portal.ClientForAsync(null);
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = health.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.True(checks.TryGetProperty("jobs", out var jobs));
        Assert.True(jobs.GetProperty("data").GetProperty("recurring").GetInt32() > 0);
        var outbox = checks.GetProperty("outbox");
        Assert.True(outbox.GetProperty("data").GetProperty("ready").GetInt32() >= 0);
        Assert.DoesNotContain("@", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cohort_export_is_a_csv_with_one_row_per_group()
    {
        using var client = await portal.ClientForAsync(Personas.StudentSuccess);
        var response = await client.GetAsync("/student-success/analytics.csv?dimension=Programme");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Trim().Split('\n');
        Assert.StartsWith("Programme,Students,WithOutcome,DroppedOut,DropoutRate,Current,HighRisk,HighRiskRate", lines[0], StringComparison.Ordinal);
        Assert.Equal(7, lines.Length); // six demo programmes
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData(Personas.StudentSuccess, "/student-success/analytics.csv?dimension=Region", "CohortAnalytics")]
    [InlineData(Personas.VolunteerCoordinator, "/volunteering/shifts/1/roster.xlsx", "ShiftRoster")]
    [InlineData(Personas.VolunteerCoordinator, "/volunteering/board-candidates.csv", "BoardCandidates")]
    [InlineData(Personas.Advancement, "/advancement/receipts/1.pdf", "Receipt")]
    public async Task Every_download_is_audited_as_an_export_with_its_row_count_and_is_never_cached(string persona, string path, string recordType)
    {
        using var client = await portal.ClientForAsync(persona);
        var before = await ExportsAsync(recordType);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var after = await ExportsAsync(recordType);
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Matches(@"^\d+ row\(s\)", after[^1]);
    }

    private async Task<List<string>> ExportsAsync(string recordType)
    {
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(portal.Factory.Directory, "corm.db")};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT Detail FROM AuditEntries WHERE Action = 5 AND RecordType = $t ORDER BY Id";
        command.Parameters.AddWithValue("$t", recordType);
        var details = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) details.Add(reader.GetString(0));
        return details;
    }

    [Theory]
    [InlineData("/advancement/receipts/1.pdf", "receipt-")]
    [InlineData("/advancement/campaigns/2/letters.pdf?part=1", "letters-2-part-1")]
    public async Task Receipts_and_letters_download_as_pdf(string path, string fileName)
    {
        using var client = await portal.ClientForAsync(Personas.Advancement);
        var response = await client.GetAsync(path);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(fileName, response.Content.Headers.ContentDisposition?.FileName ?? "", StringComparison.Ordinal);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync(), 0, 5), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/advancement/receipts/99999.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/advancement/campaigns/1/letters.pdf")).StatusCode); // an e-mail campaign has no letters
    }

    [Fact]
    public async Task A_volunteers_calendar_feed_needs_their_live_secret_address_which_they_can_replace_or_switch_off_and_which_expires()
    {
        var dbPath = Path.Combine(portal.Factory.Directory, "corm.db");
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={dbPath}");
        await db.OpenAsync();
        async Task<object?> Scalar(string sql, params (string, object)[] args)
        {
            await using var command = db.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in args) command.Parameters.AddWithValue(name, value);
            return await command.ExecuteScalarAsync();
        }
        var beatriz = Convert.ToInt32(await Scalar("SELECT ConstituentId FROM PortalUsers WHERE Email = $e", ("$e", Personas.Volunteer)), System.Globalization.CultureInfo.InvariantCulture);
        var volunteer = new CoRM.Domain.Access.UserScope(beatriz, new HashSet<string> { CoRM.Domain.Access.Roles.Volunteer }, Personas.Volunteer);
        var feeds = portal.Factory.Services.GetRequiredService<CoRM.Infrastructure.Volunteering.CalendarFeeds>();
        var protection = portal.Factory.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>();
        string Url(Guid key) => $"/volunteer/calendar.ics?token={Uri.EscapeDataString(Endpoints.VolunteeringEndpoints.CalendarToken(protection, key))}";

        using var client = await portal.ClientForAsync(null);
        var first = (await feeds.CurrentAsync(volunteer))!;
        Assert.Equal(first.Key, (await feeds.CurrentAsync(volunteer))!.Key); // one live address, not a new one per visit
        var feed = await client.GetAsync(Url(first.Key));
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", feed.Headers.CacheControl?.ToString());
        Assert.StartsWith("BEGIN:VCALENDAR", await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await client.GetAsync(Url(first.Key));
        Assert.Equal(1L, await Scalar("SELECT COUNT(*) FROM AuditEntries WHERE RecordType = 'CalendarFeed' AND Action = 5 AND SubjectConstituentId = $c", ("$c", beatriz)));

        var second = (await feeds.ReissueAsync(volunteer))!;
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(first.Key))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url(second.Key))).StatusCode);

        await Scalar("UPDATE CalendarFeeds SET ExpiresAt = '2020-01-01 00:00:00' WHERE Key = $k", ("$k", second.Key.ToString().ToUpperInvariant()));
        Assert.Equal(1L, await Scalar("SELECT changes()"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(second.Key))).StatusCode);
        var third = (await feeds.CurrentAsync(volunteer))!; // the expired one is replaced on the next visit
        Assert.NotEqual(second.Key, third.Key);
        Assert.True(await feeds.RevokeAsync(volunteer));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(third.Key))).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/volunteer/calendar.ics?token=forged")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/volunteer/calendar.ics")).StatusCode);
        Assert.Null(await feeds.CurrentAsync(new CoRM.Domain.Access.UserScope(beatriz, new HashSet<string> { CoRM.Domain.Access.Roles.Faculty }, "x")));
    }

    [Fact]
    public async Task An_unknown_page_is_not_found()
    {
        using var client = await portal.ClientForAsync(Personas.Admin);
        var response = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>One portal for the whole matrix; a signed-in client per persona is cheap.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public PortalFactory Factory { get; private set; } = default!;

    public async Task InitializeAsync() => Factory = await PortalFactory.CreateAsync();

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    public async Task<HttpClient> ClientForAsync(string? email)
    {
        var client = Factory.CreateBrowserLikeClient();
        if (email is not null) await PortalFactory.SignInAsync(client, email);
        return client;
    }
}
