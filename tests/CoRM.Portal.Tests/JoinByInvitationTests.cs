using System.Net;
using System.Text.RegularExpressions;
using CoRM.Domain.Access;
using CoRM.Domain.Constituents;
using CoRM.Infrastructure.Families;
using CoRM.Infrastructure.Persistence;
using CoRM.Portal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Portal.Tests;

/// <summary>A parent joins with the code from the secretariat's e-mail, through real HTTP and the antiforgery check.</summary>
public sealed partial class JoinByInvitationTests
{
    [GeneratedRegex(@"enter the code ([A-Z0-9]{10})")]
    private static partial Regex CodeInMail();

    [Fact]
    public async Task A_parent_joins_once_with_their_code_and_lands_on_their_children()
    {
        await using var factory = await PortalFactory.CreateAsync();
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<CormDbContext>>();
        int parentId;
        UserScope priya;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            // A parent of a minor: they see the child by default once linked.
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var links = await db.Relationships.Include(r => r.Subject).Include(r => r.Related)
                .Where(r => r.Kind == RelationshipKind.Parent && r.Related!.Email != null && !db.PortalUsers.Any(u => u.ConstituentId == r.RelatedId)).ToListAsync();
            parentId = links.First(l => l.Subject!.IsMinorOn(today)).RelatedId;
            var user = await db.PortalUsers.SingleAsync(u => u.Email == Personas.Admissions);
            priya = UserScope.Of(user.ConstituentId, user.DisplayName, Roles.Admissions);
        }
        Assert.True((await factory.Services.GetRequiredService<ParentInvitations>().SendAsync(priya, parentId)).Succeeded);
        string code;
        await using (var db = await dbFactory.CreateDbContextAsync())
            code = CodeInMail().Match(await db.OutboxMessages.Where(m => m.RecipientConstituentId == parentId).Select(m => m.TextBody).SingleAsync()).Groups[1].Value;

        using var client = factory.CreateBrowserLikeClient();
        var joinPage = await client.GetStringAsync($"/join?code={code}");
        Assert.Contains(code, joinPage, StringComparison.Ordinal);
        var token = PortalFactory.TokenFrom(joinPage);

        var wrong = await client.PostAsync("/account/join", Form(token, "ZZZZZ-ZZZZZ"));
        Assert.StartsWith("/join?code=", wrong.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("not valid", await client.GetStringAsync(wrong.Headers.Location.OriginalString), StringComparison.Ordinal);

        var joined = await client.PostAsync("/account/join", Form(token, code));
        Assert.Equal("/family", joined.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/family")).StatusCode); // the Parent policy lets them in
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var account = await db.PortalUsers.SingleAsync(u => u.ConstituentId == parentId);
            Assert.Equal(Roles.Parent, account.Roles);
            var children = await factory.Services.GetRequiredService<FamilyDashboard>().ForAsync(UserScope.Of(parentId, account.DisplayName, Roles.Parent));
            Assert.NotEmpty(children);
        }

        using var other = factory.CreateBrowserLikeClient();
        var otherToken = PortalFactory.TokenFrom(await other.GetStringAsync("/join"));
        var reused = await other.PostAsync("/account/join", Form(otherToken, code));
        Assert.Contains("already been used", Uri.UnescapeDataString(reused.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/family")).StatusCode);
    }

    [Fact]
    public async Task A_join_post_without_the_antiforgery_token_is_rejected()
    {
        await using var factory = await PortalFactory.CreateAsync();
        using var client = factory.CreateBrowserLikeClient();
        var response = await client.PostAsync("/account/join", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "ABCDE-FGHJK" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static FormUrlEncodedContent Form(string token, string code) =>
        new(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["code"] = code });
}
