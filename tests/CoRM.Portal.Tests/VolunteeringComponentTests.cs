using Bunit;
using CoRM.Portal.Components.Pages.Volunteering;
using CoRM.Portal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Portal.Tests;

public sealed class VolunteeringComponentTests : PortalComponentTest
{
    [Fact]
    public async Task The_week_calendar_shows_each_shift_with_its_fill_status_and_month_view_shows_more()
    {
        await SignInAsAsync(Personas.VolunteerCoordinator);
        var page = Render<ShiftCalendarPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=calendar-shift]")), TimeSpan.FromSeconds(10));
        var week = page.FindAll("[data-testid=calendar-shift]").Count;
        Assert.Equal(7, page.FindAll("[data-testid=calendar-day]").Count);
        Assert.All(page.FindAll("[data-testid=calendar-shift]"), s => Assert.Matches("Understaffed|Open|Full|Waitlisted|Cancelled", s.TextContent));

        page.FindAll("button").First(b => b.TextContent.Trim() == "Month").Click();
        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=calendar-day]").Count >= 28), TimeSpan.FromSeconds(10));
        Assert.True(page.FindAll("[data-testid=calendar-shift]").Count > week);
    }

    [Fact]
    public async Task The_shift_page_lists_the_roster_and_free_volunteers_first()
    {
        await SignInAsAsync(Personas.VolunteerCoordinator);
        var now = TestInstitutionNow;
        int shift;
        await using (var db = await Institution.OpenAsync())
            shift = await db.Shifts.Where(s => s.StartsAt > now && db.SignUps.Any(u => u.ShiftId == s.Id)).OrderBy(s => s.StartsAt).Select(s => s.Id).FirstAsync();
        var page = Render<ShiftPage>(p => p.Add(x => x.Id, shift));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=roster-row]")), TimeSpan.FromSeconds(10));
        Assert.NotEmpty(page.FindAll("[data-testid=candidate]"));
        Assert.NotNull(page.Find("[data-testid=shift-status]"));
    }

    [Fact]
    public async Task A_missing_shift_says_not_found()
    {
        await SignInAsAsync(Personas.VolunteerCoordinator);
        var page = Render<ShiftPage>(p => p.Add(x => x.Id, 987654));
        page.WaitForAssertion(() => Assert.Contains("Shift not found", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    private static DateTime TestInstitutionNow => Infrastructure.Tests.Support.TestInstitution.Now.UtcDateTime;
}
