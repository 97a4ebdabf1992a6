using Bunit;
using CoRM.Portal.Components.Pages.Volunteering;
using CoRM.Portal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task A_new_shift_starts_empty_offers_Create_only_when_complete_says_what_is_wrong_and_asks_before_discarding()
    {
        await SignInAsAsync(Personas.VolunteerCoordinator);
        Render<MudBlazor.MudPopoverProvider>();
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var opportunities = await Institution.Get<Infrastructure.Volunteering.VolunteerScheduling>().OpportunitiesAsync(await Institution.PersonaAsync(Personas.VolunteerCoordinator));
        int shiftsBefore;
        await using (var db = await Institution.OpenAsync()) shiftsBefore = await db.Shifts.CountAsync();
        var service = Services.GetRequiredService<MudBlazor.IDialogService>();
        await dialogs.InvokeAsync(() => service.ShowAsync<NewShiftDialog>("New shift", new MudBlazor.DialogParameters<NewShiftDialog> { { d => d.Opportunities, opportunities } }));
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=save-shift]")), TimeSpan.FromSeconds(10));

        // Nothing chosen: Create is not offered, so one click cannot make a shift nobody described.
        Assert.True(dialogs.Find("[data-testid=save-shift]").HasAttribute("disabled"));
        var capacity = dialogs.FindComponents<MudBlazor.MudNumericField<int?>>()[0];
        await dialogs.InvokeAsync(() => capacity.Instance.ValueChanged.InvokeAsync(0));
        await dialogs.InvokeAsync(() => capacity.Instance.ValidateAsync());
        dialogs.WaitForAssertion(() => Assert.Contains("Between 1 and 500 volunteers.", dialogs.Markup, StringComparison.Ordinal));
        Assert.True(dialogs.Find("[data-testid=save-shift]").HasAttribute("disabled"));

        // Something typed: Cancel asks first, and keeping on editing keeps the dialog.
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=cancel-shift]").Click());
        dialogs.WaitForAssertion(() => Assert.Contains("Discard what you entered?", dialogs.Markup, StringComparison.Ordinal));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Keep editing").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=save-shift]")));
        await using var check = await Institution.OpenAsync();
        Assert.Equal(shiftsBefore, await check.Shifts.CountAsync());
    }
}
