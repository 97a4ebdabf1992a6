using Bunit;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Tests.Support;
using CoRM.Portal.Components.Pages.Constituents;
using CoRM.Portal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Portal.Tests;

public sealed class ConstituentProfileTests : PortalComponentTest
{
    [Fact]
    public async Task Staff_see_hats_relationships_that_click_through_and_a_newest_first_timeline()
    {
        await SignInAsAsync(Personas.Admissions);
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        var rui = await Institution.ConstituentIdAsync(Personas.Parent);
        var admissions = await Institution.PersonaAsync(Personas.Admissions);
        var logged = await Institution.Get<ConstituentRecords>().LogInteractionAsync(admissions, new LogInteractionRequest(
            sofia, Channel.Phone, Topic.Admissions, "Asked about the scholarship deadline", null, TestInstitution.Now.UtcDateTime.AddMinutes(-5), true));
        Assert.True(logged.Succeeded);

        var page = Render<ConstituentProfilePage>(p => p.Add(x => x.Id, sofia));
        page.WaitForAssertion(() => Assert.Equal("Sofia Almeida", page.Find("[data-testid=profile-name]").TextContent.Trim()), TimeSpan.FromSeconds(10));

        Assert.Contains("Student", page.Find("[data-testid=profile-hats]").TextContent, StringComparison.Ordinal);
        var parentLink = page.FindAll("[data-testid=relationship-link]").Single(a => a.TextContent.Contains("Rui Almeida", StringComparison.Ordinal));
        Assert.Equal($"/constituents/{rui}", parentLink.GetAttribute("href"));

        page.WaitForAssertion(() => Assert.Contains("Asked about the scholarship deadline",
            page.FindAll("[data-testid=timeline] tbody tr")[0].TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.NotNull(page.Find("[data-testid=log-interaction]"));
        Assert.NotNull(page.Find("[data-testid=edit-details]"));
    }

    [Fact]
    public async Task A_faculty_member_asking_for_a_student_they_do_not_advise_sees_not_found()
    {
        await SignInAsAsync(Personas.Faculty);
        int student;
        string name;
        await using (var db = await Institution.OpenAsync())
        {
            var someone = await db.Constituents.Where(c => c.Hats.Any(h => h.Kind == HatKind.Student)
                    && !db.Relationships.Any(r => r.SubjectId == c.Id && r.Kind == RelationshipKind.Advisor && r.Related!.Email == Personas.Faculty))
                .Select(c => new { c.Id, c.LastName }).FirstAsync();
            (student, name) = (someone.Id, someone.LastName);
        }

        var page = Render<ConstituentProfilePage>(p => p.Add(x => x.Id, student));
        page.WaitForAssertion(() => Assert.Contains("Constituent not found", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(name, page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=log-interaction]"));
    }

    [Fact]
    public async Task The_channel_filter_narrows_the_timeline()
    {
        await SignInAsAsync(Personas.Admin);
        int busiest;
        await using (var db = await Institution.OpenAsync())
            busiest = await db.Interactions.GroupBy(i => i.ConstituentId)
                .OrderByDescending(g => g.Select(i => i.Channel).Distinct().Count()).ThenByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var page = Render<ConstituentProfilePage>(p => p.Add(x => x.Id, busiest));
        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=channel-filter] .mud-chip").Count > 2), TimeSpan.FromSeconds(10));
        var total = int.Parse(page.FindAll("[data-testid=channel-filter] .mud-chip")[0].TextContent.Split('(', ')')[1], System.Globalization.CultureInfo.InvariantCulture);

        var chips = page.FindAll("[data-testid=channel-filter] .mud-chip");
        var channelChip = chips.Skip(1).First(); // the first is "All"
        var count = int.Parse(channelChip.TextContent.Split('(', ')')[1], System.Globalization.CultureInfo.InvariantCulture);
        channelChip.Click();

        Assert.True(count < total);
        page.WaitForAssertion(() => Assert.Equal(Math.Min(count, 10), page.FindAll("[data-testid=timeline] tbody tr").Count), TimeSpan.FromSeconds(10));
    }
}
