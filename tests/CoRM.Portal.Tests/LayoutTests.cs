using Bunit;
using Microsoft.Extensions.DependencyInjection;
using CoRM.Portal.Components.Layout;
using CoRM.Portal.Tests.Support;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Portal.Tests;

public sealed class LayoutTests : PortalComponentTest
{
    public static TheoryData<string, string[], string[]> Navigation => new()
    {
        { Personas.Faculty, ["/advising", "/dashboard", "/constituents", "/follow-ups"], ["/family", "/admin/audit", "/jobs"] },
        { Personas.Parent, ["/family"], ["/dashboard", "/advising", "/constituents", "/follow-ups", "/admin/audit", "/jobs"] },
        { Personas.Admissions, ["/dashboard", "/constituents", "/follow-ups"], ["/advising", "/family", "/admin/audit", "/jobs"] },
        { Personas.Admin, ["/dashboard", "/constituents", "/follow-ups", "/admin/audit", "/jobs", "/volunteering"], ["/advising", "/family", "/volunteer"] },
        { Personas.Volunteer, ["/volunteer"], ["/dashboard", "/constituents", "/follow-ups", "/volunteering", "/family", "/advising", "/admin/audit"] },
        { Personas.VolunteerCoordinator, ["/volunteering", "/volunteering/recognition", "/constituents"], ["/volunteer", "/advising", "/student-success/analytics"] },
    };

    [Theory]
    [MemberData(nameof(Navigation))]
    public async Task The_menu_shows_each_role_only_its_own_areas(string persona, string[] shown, string[] hidden)
    {
        await SignInAsAsync(persona);
        var nav = Render<NavMenu>();
        var links = nav.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        foreach (var href in shown) Assert.Contains(href, links);
        foreach (var href in hidden) Assert.DoesNotContain(href, links);
    }

    [Fact]
    public async Task The_layout_names_the_signed_in_user_and_offers_sign_out()
    {
        await SignInAsAsync(Personas.Faculty);
        var layout = Render<MainLayout>(p => p.Add(l => l.Body, b => b.AddContent(0, "page body")));
        Assert.Equal("Helena Marques", layout.Find("[data-testid=signed-in-user]").TextContent.Trim());
        Assert.Contains("Faculty", layout.Markup, StringComparison.Ordinal);
        Assert.NotNull(layout.Find("form[action='/account/sign-out']"));
        Assert.Contains("page body", layout.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_profile_menu_opens_on_its_button_offers_the_time_zone_and_closes_on_Escape_or_a_click_elsewhere()
    {
        await SignInAsAsync(Personas.Faculty);
        var layout = Render<MainLayout>(p => p.Add(l => l.Body, b => b.AddContent(0, "page body")));
        layout.WaitForAssertion(() => Assert.NotNull(layout.Find("[data-testid=profile-menu]")), TimeSpan.FromSeconds(10));
        var button = layout.Find("[data-testid=profile-menu]");
        Assert.Equal("false", button.GetAttribute("aria-expanded"));
        Assert.Empty(layout.FindAll("[role=menu]"));

        button.Click();
        Assert.Equal("true", layout.Find("[data-testid=profile-menu]").GetAttribute("aria-expanded"));
        Assert.Contains("Time zone:", layout.Find("[role=menu] [role=menuitem][data-testid=choose-time-zone]").TextContent, StringComparison.Ordinal);

        layout.Find("[role=menu]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });
        Assert.Empty(layout.FindAll("[role=menu]"));
        Assert.Equal("false", layout.Find("[data-testid=profile-menu]").GetAttribute("aria-expanded"));

        layout.Find("[data-testid=profile-menu]").Click();
        layout.Find(".corm-menu-backdrop").Click();
        Assert.Empty(layout.FindAll("[role=menu]"));
    }

    [Fact]
    public async Task Choosing_the_time_zone_from_the_profile_menu_opens_the_time_zone_dialog()
    {
        await SignInAsAsync(Personas.Faculty);
        var layout = Render<MainLayout>(p => p.Add(l => l.Body, b => b.AddContent(0, "page body")));
        layout.WaitForAssertion(() => Assert.NotNull(layout.Find("[data-testid=profile-menu]")), TimeSpan.FromSeconds(10));

        layout.Find("[data-testid=profile-menu]").Click();
        layout.Find("[data-testid=choose-time-zone]").Click();

        layout.WaitForAssertion(() => Assert.NotNull(layout.Find("[data-testid=zone-choice]")), TimeSpan.FromSeconds(10));
        Assert.Empty(layout.FindAll("[role=menu]"));
    }

    [Fact]
    public async Task A_reader_who_chose_Tokyo_reads_every_time_in_Tokyo()
    {
        await SignInAsAsync(Personas.Faculty);
        var helena = await Institution.PersonaAsync(Personas.Faculty);
        var noon = new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc);
        var clock = Services.GetRequiredService<CoRM.Portal.Components.Shared.ViewerClock>();
        var institutionReads = CoRM.Infrastructure.Common.InstitutionFormat.DateTime(noon, Institution.Time.LocalTimeZone);
        Assert.Equal(institutionReads, clock.DateTime(noon));

        Assert.True((await Services.GetRequiredService<CoRM.Infrastructure.Identity.TimeZonePreference>().ChooseAsync(helena, "Asia/Tokyo")).Succeeded);
        var layout = Render<MainLayout>(p => p.Add(l => l.Body, b => b.AddContent(0, "page body")));

        layout.WaitForAssertion(() => Assert.Equal("Tokyo time", clock.ZoneName), TimeSpan.FromSeconds(10));
        Assert.Equal("01/07/2026 21:00", clock.DateTime(noon)); // UTC+9, no summer time
        Assert.NotEqual(institutionReads, clock.DateTime(noon));
        Assert.Equal("Tokyo time", CoRM.Domain.WallClock.Name(clock.Zone));
        // An unknown zone is refused and changes nothing.
        Assert.False((await Services.GetRequiredService<CoRM.Infrastructure.Identity.TimeZonePreference>().ChooseAsync(helena, "Mars/Olympus_Mons")).Succeeded);
        Assert.Equal("Asia/Tokyo", (await Services.GetRequiredService<CoRM.Infrastructure.Identity.TimeZonePreference>().OwnZoneAsync(helena))!.Id);
    }

    [Fact]
    public void Snackbars_of_the_page_left_behind_go_with_it_and_one_shown_just_before_the_move_comes_along()
    {
        Render<SnackbarsFollowPages>();
        var snackbars = Services.GetRequiredService<MudBlazor.ISnackbar>();
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();

        snackbars.Add("Saved the shift");
        Institution.Time.Advance(TimeSpan.FromSeconds(10));
        snackbars.Add("Merged into C-12"); // said just before the page moves to C-12
        navigation.NavigateTo("/constituents/12");

        Assert.Equal(["Merged into C-12"], snackbars.ShownSnackbars.Select(s => s.Message));

        Institution.Time.Advance(TimeSpan.FromSeconds(10));
        navigation.NavigateTo("/dashboard");
        Assert.Empty(snackbars.ShownSnackbars);
    }

    [Fact]
    public void A_refusal_is_shown_at_once_even_behind_three_confirmations_and_the_oldest_confirmation_makes_way()
    {
        var snackbars = Services.GetRequiredService<MudBlazor.ISnackbar>();
        snackbars.Configuration.MaxDisplayedSnackbars = 3; // as the portal sets it
        snackbars.Add("Assigned Ana");
        snackbars.Add("Assigned Bruno");
        snackbars.Add("Assigned Carla");
        snackbars.Add("Assigned Duarte"); // a fourth confirmation waits its turn, as before
        Assert.Equal(["Assigned Ana", "Assigned Bruno", "Assigned Carla"], snackbars.ShownSnackbars.Select(s => s.Message));

        snackbars.Add("The shift is full. Add them to the waitlist instead.", MudBlazor.Severity.Error);

        var shown = snackbars.ShownSnackbars.Select(s => s.Message).ToList();
        Assert.Contains("The shift is full. Add them to the waitlist instead.", shown);
        Assert.DoesNotContain("Assigned Ana", shown);
        Assert.Equal(3, shown.Count);

        // Two refusals in a row both show; confirmations never push a refusal out.
        snackbars.Add("Ana is already on this shift.", MudBlazor.Severity.Warning);
        snackbars.Add("Assigned Eva");
        shown = snackbars.ShownSnackbars.Select(s => s.Message).ToList();
        Assert.Contains("The shift is full. Add them to the waitlist instead.", shown);
        Assert.Contains("Ana is already on this shift.", shown);
        Assert.DoesNotContain("Assigned Eva", shown);
    }
}
