using Bunit;
using CoRM.Domain.Admissions;
using CoRM.Portal.Components.Pages.Admissions;
using CoRM.Portal.Components.Pages.Families;
using CoRM.Portal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Portal.Tests;

public sealed class FamiliesAndAdmissionsComponentTests : PortalComponentTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
    }

    [Fact]
    public async Task The_parent_sees_one_card_with_fees_but_no_grades_tab()
    {
        await SignInAsAsync(Personas.Parent);
        var page = Render<MyChildren>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=child-card]")), TimeSpan.FromSeconds(10));
        Assert.Equal("Sofia Almeida", page.Find("[data-testid=child-name]").TextContent);
        Assert.Contains("Enrolled", page.Find("[data-testid=current-enrolment]").TextContent, StringComparison.Ordinal);
        var tabs = page.FindAll(".mud-tab").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains("Fees", tabs);
        Assert.DoesNotContain("Grades", tabs);
        Assert.DoesNotContain("Tiago", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_without_visible_children_gets_an_empty_state()
    {
        await SignInAsAsync(Personas.Parent);
        await using (var db = await Institution.OpenAsync())
        {
            var sofia = await db.Constituents.Where(c => c.Email == Personas.GrantedChild).Select(c => c.Id).SingleAsync();
            var link = await db.Relationships.SingleAsync(r => r.SubjectId == sofia && r.Kind == Domain.Constituents.RelationshipKind.Parent);
            link.Revoke(DateTime.UtcNow);
            await db.SaveChangesAsync();
        }
        var page = Render<MyChildren>();
        page.WaitForAssertion(() => Assert.Contains("No records are shared with you", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=child-card]"));
    }

    [Fact]
    public async Task The_student_page_lists_her_parent_with_what_he_sees_and_no_portal_column()
    {
        await SignInAsAsync(Personas.Student);
        var page = Render<MyFamilyAccessPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=may-see]")), TimeSpan.FromSeconds(10));
        Assert.Contains("Rui Almeida", page.Find("[data-testid=family-access]").TextContent, StringComparison.Ordinal);
        Assert.Contains("enrolment", page.Find("[data-testid=may-see]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=invite-parent]"));
        Assert.NotEmpty(page.FindAll("[data-testid=revoke-access]"));
    }

    [Fact]
    public async Task The_board_shows_a_column_per_stage_with_the_counts_of_the_open_intake()
    {
        await SignInAsAsync(Personas.Admissions);
        var page = Render<AdmissionsBoardPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=pipeline-card]")), TimeSpan.FromSeconds(10));
        int inReview;
        await using (var db = await Institution.OpenAsync())
        {
            var intake = await db.Terms.OrderByDescending(t => t.StartsOn).Select(t => t.Id).FirstAsync();
            inReview = await db.AdmissionApplications.CountAsync(a => a.TermId == intake && a.Stage == AdmissionStage.InReview);
        }
        Assert.Equal(inReview.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find("[data-testid=column-InReview] [data-testid=column-count]").TextContent.Trim());
        Assert.NotNull(page.Find("[data-testid=column-Inquiry]"));
    }

    [Fact]
    public async Task A_reader_scores_an_application_and_the_other_readings_appear()
    {
        await SignInAsAsync(Personas.Admissions);
        int id;
        await using (var db = await Institution.OpenAsync())
        {
            var priya = await db.PortalUsers.Where(u => u.Email == Personas.Admissions).Select(u => u.ConstituentId).SingleAsync();
            id = await db.AdmissionApplications.Where(a => a.Stage == AdmissionStage.InReview && a.Reviews.Count == 1 && !a.Reviews.Any(r => r.ReaderId == priya)).Select(a => a.Id).FirstAsync();
        }
        var page = Render<ApplicationPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=submit-reading]")), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=reading]")); // blind until she reads

        page.Find("[data-testid=submit-reading]").Click();
        page.WaitForAssertion(() => Assert.Contains("Score academic record", page.Find("[data-testid=application-error]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        foreach (var criterion in AdmissionsRubric.Weights.Keys)
            page.FindAll($"[data-testid=score-{criterion}] .mud-rating-item")[3].Click(); // four stars
        page.Find("[data-testid=submit-reading]").Click();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=reading]").Count), TimeSpan.FromSeconds(10));
        Assert.NotNull(page.Find("[data-testid=decision]"));
    }
}
