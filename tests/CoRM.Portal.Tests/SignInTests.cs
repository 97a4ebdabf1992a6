using System.Net;
using CoRM.Portal.Tests.Support;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Portal.Tests;

public sealed class SignInTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_sign_in_page_lists_one_persona_per_role_including_the_parent()
    {
        using var client = await portal.ClientForAsync(null);
        var page = await client.GetStringAsync("/account/sign-in");
        foreach (var email in new[] { Personas.Admin, Personas.Faculty, Personas.Parent, Personas.VolunteerCoordinator, Personas.StudentSuccess, Personas.Admissions, Personas.Advancement, Personas.CaseWorker, Personas.DataSteward })
            Assert.Contains($"sign-in-{email}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        using var client = await portal.ClientForAsync(Personas.Admissions);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);

        var token = PortalFactory.TokenFrom(await client.GetStringAsync("/account/sign-in")); // any page with a form
        var signOut = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal("/account/signed-out", signOut.Headers.Location?.OriginalString);

        var after = await client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_post_without_the_antiforgery_token_is_rejected()
    {
        using var client = await portal.ClientForAsync(null);
        var response = await client.PostAsync("/account/dev-sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["personaId"] = "1" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_persona_goes_back_to_the_sign_in_page_with_a_message()
    {
        using var client = await portal.ClientForAsync(null);
        var token = PortalFactory.TokenFrom(await client.GetStringAsync("/account/sign-in"));
        var response = await client.PostAsync("/account/dev-sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["personaId"] = "987654",
        }));
        Assert.Equal("/account/sign-in?error=unknown-persona", response.Headers.Location?.OriginalString);
        Assert.Contains("no longer exists", await client.GetStringAsync(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example.com/", "/")]
    [InlineData("//evil.example.com", "/")]
    [InlineData("/\\evil.example.com", "/")]
    [InlineData("/\t/evil.example.com", "/")]
    [InlineData("/\r\n/evil.example.com", "/")]
    [InlineData("/follow-ups", "/follow-ups")]
    public void Only_local_return_urls_are_followed(string requested, string followed) =>
        Assert.Equal(followed, Security.AccountEndpoints.SafeReturnUrl(requested));

    [Fact]
    public async Task Outside_development_the_persona_sign_in_is_refused_unless_enabled()
    {
        await using var production = await PortalFactory.CreateAsync("Production");
        using var client = production.CreateBrowserLikeClient();
        var page = await client.GetStringAsync("/account/sign-in");
        Assert.Contains("sign-in-refused", page, StringComparison.Ordinal);
        Assert.DoesNotContain("dev-sign-in", page, StringComparison.Ordinal);

        await using var demo = await PortalFactory.CreateAsync("Production", new Dictionary<string, string?> { ["DevelopmentSignIn:Enabled"] = "true" });
        using var demoClient = demo.CreateBrowserLikeClient();
        await PortalFactory.SignInAsync(demoClient, Personas.Admin);
        Assert.Equal(HttpStatusCode.OK, (await demoClient.GetAsync("/admin/audit")).StatusCode);
    }

    [Fact]
    public async Task With_Entra_configured_the_sign_in_page_offers_Microsoft_and_no_personas()
    {
        await using var entra = await PortalFactory.CreateAsync("Development", new Dictionary<string, string?>
        {
            ["AzureAd:TenantId"] = "11111111-2222-3333-4444-555555555555",
            ["AzureAd:ClientId"] = "66666666-7777-8888-9999-000000000000",
        });
        using var client = entra.CreateBrowserLikeClient();
        var page = await client.GetStringAsync("/account/sign-in");
        Assert.Contains("Sign in with Microsoft", page, StringComparison.Ordinal);
        Assert.DoesNotContain("dev-sign-in", page, StringComparison.Ordinal);
        // Sign-out and invitation forms are answered with a redirect to Microsoft, which form-action must allow.
        var csp = string.Join(' ', (await client.GetAsync("/account/sign-in")).Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("form-action 'self' https://login.microsoftonline.com;", csp, StringComparison.Ordinal);

        var signIn = await client.PostAsync("/account/dev-sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["personaId"] = "1" }));
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.False(signIn.Headers.Contains("Set-Cookie") && signIn.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("corm.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Data_protection_keys_live_in_the_database_so_instances_and_restarts_share_them()
    {
        using var client = await portal.ClientForAsync(Personas.Admin);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(portal.Factory.Directory, "corm.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM DataProtectionKeys";
        Assert.True(Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }
}
