using System.Net;
using System.Text.RegularExpressions;
using CoRM.Portal.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CoRM.Portal.Tests;

/// <summary>The public form through real HTTP: the static page posts natively, with its antiforgery token, and redirects to its thanks.</summary>
public sealed partial class PublicFormHttpTests : IAsyncLifetime
{
    private PortalFactory portal = default!;

    public async Task InitializeAsync() => portal = await PortalFactory.CreateAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(portal.Directory, "corm.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_signature_posted_from_the_page_is_recorded_and_one_without_the_pages_token_is_refused()
    {
        using var client = portal.CreateBrowserLikeClient();
        var page = await client.GetStringAsync("/f/keep-the-library-open");
        var names = InputName().Matches(page).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Contains("Input.LastName", names);
        Assert.Contains("Input.Website", names); // the bot trap is on the page
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "public-form", ["Input.FirstName"] = "Ansel", ["Input.LastName"] = "Whitcombe", ["Input.Email"] = "ansel.whitcombe@example.org",
            ["Input.Consent"] = "true",
        };

        var forged = await client.PostAsync("/f/keep-the-library-open", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM Constituents WHERE Email = 'ansel.whitcombe@example.org'"));

        fields["__RequestVerificationToken"] = PortalFactory.TokenFrom(page);
        var signed = await client.PostAsync("/f/keep-the-library-open", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.EndsWith("/f/keep-the-library-open?done=thanks", signed.Headers.Location?.OriginalString);
        Assert.Equal(1, await CountAsync("""
            SELECT COUNT(*) FROM Actions a JOIN Constituents c ON c.Id = a.ConstituentId
            WHERE c.Email = 'ansel.whitcombe@example.org' AND a.ActionTypeId = 1 AND a.Target = 'Keep the library open at night'
            """));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/f/no-such-form")).StatusCode);
    }

    [GeneratedRegex("name=\"([^\"]+)\"")]
    private static partial Regex InputName();
}
