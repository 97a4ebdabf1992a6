using Bunit;
using CoRM.Infrastructure.Constituents;
using CoRM.Portal.Components.Pages.Constituents;
using CoRM.Portal.Tests.Support;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Portal.Tests;

public sealed class IdentityComponentTests : PortalComponentTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(new InMemoryStorage()));
    }

    [Fact]
    public async Task The_queue_shows_both_records_side_by_side_with_the_reasons_and_filters_by_reason()
    {
        await SignInAsAsync(Personas.DataSteward);
        var page = Render<DuplicatesPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=duplicates] tbody tr [data-testid=compare]")), TimeSpan.FromSeconds(10));
        var rows = page.FindAll("[data-testid=duplicates] tbody tr");
        Assert.Contains(rows, r => r.TextContent.Contains("swapped", StringComparison.Ordinal));
        Assert.All(page.FindAll("[data-testid=compare]"), a => Assert.Matches(@"/constituents/merge\?keep=\d+&merge=\d+&candidate=\d+", a.GetAttribute("href")));

        await page.InvokeAsync(() => page.FindComponents<MudBlazor.MudTextField<string>>().Single().Instance.ValueChanged.InvokeAsync("swapped"));
        page.WaitForAssertion(() => Assert.All(page.FindAll("[data-testid=duplicates] tbody tr"), r => Assert.Contains("swapped", r.TextContent, StringComparison.Ordinal)), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Not_a_duplicate_takes_the_pair_off_the_queue()
    {
        await SignInAsAsync(Personas.DataSteward);
        var page = Render<DuplicatesPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=not-duplicate]")), TimeSpan.FromSeconds(10));
        var before = page.FindAll("[data-testid=not-duplicate]").Count;
        await page.InvokeAsync(() => page.FindAll("[data-testid=not-duplicate]")[0].Click());
        page.WaitForAssertion(() => Assert.Equal(before - 1, page.FindAll("[data-testid=not-duplicate]").Count), TimeSpan.FromSeconds(10));
        await using var db = await Institution.OpenAsync();
        Assert.Equal(1, await db.DuplicateCandidates.CountAsync(d => d.Status == Domain.Constituents.DuplicateStatus.NotDuplicate));
    }

    [Fact]
    public async Task The_merge_screen_shows_what_moves_keeps_the_name_of_the_record_that_stays_and_merges()
    {
        await SignInAsAsync(Personas.DataSteward);
        int keep, merge;
        await using (var db = await Institution.OpenAsync())
        {
            var pair = await db.DuplicateCandidates.Where(d => d.Reasons.Contains("swapped")).SingleAsync();
            (keep, merge) = (pair.FirstId, pair.SecondId);
        }
        // The busy original merged into the newer copy, so the screen has rows to show moving.
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/constituents/merge?keep={merge}&merge={keep}");
        var page = Render<MergePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=merge-moves] .mud-list-item")), TimeSpan.FromSeconds(10));
        Assert.Contains("×", page.Find("[data-testid=merge-moves]").TextContent, StringComparison.Ordinal);
        Assert.Contains($"Merge C-{keep} into C-{merge}", page.Find("[data-testid=merge]").TextContent, StringComparison.Ordinal);

        await page.InvokeAsync(() => page.Find("[data-testid=merge]").Click());
        page.WaitForAssertion(() => Assert.EndsWith($"/constituents/{merge}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        await using var check = await Institution.OpenAsync();
        Assert.Equal(merge, (await check.Constituents.SingleAsync(c => c.Id == keep)).MergedIntoId);
    }

    [Fact]
    public async Task Anyone_but_a_steward_sees_an_empty_queue_and_no_merge()
    {
        await SignInAsAsync(Personas.Advancement);
        var queue = Render<DuplicatesPage>();
        queue.WaitForAssertion(() => Assert.Contains("Nothing to review", queue.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/constituents/merge?keep=1&merge=2");
        var merge = Render<MergePage>();
        merge.WaitForAssertion(() => Assert.Contains("Nothing to merge", merge.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_contact_import_asks_for_a_source_then_previews_each_row_with_its_verdict_and_a_decision_for_the_possible_duplicate()
    {
        await SignInAsAsync(Personas.DataSteward);
        string first, last, email;
        await using (var db = await Institution.OpenAsync())
        {
            var known = await db.Constituents.Where(c => c.Kind == Domain.Constituents.ConstituentKind.Person && c.Email != null && c.StudentNumber == null).OrderBy(c => c.Id).FirstAsync();
            (first, last, email) = (known.FirstName, known.LastName, known.Email!);
        }
        var page = Render<ContactImportPage>();
        Assert.True(page.Find("[data-testid=choose-file]").HasAttribute("disabled")); // a source first

        await page.InvokeAsync(() => page.FindComponents<MudBlazor.MudTextField<string>>().Single().Instance.ValueChanged.InvokeAsync("Chapter list"));
        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromText(
            $"Given name,Family name,Email\n{first},{last},{email}\nRosa,Nova-Bunit,rosa@example.org\nNo,,x\n", "chapter.csv"));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=column-mapping]")), TimeSpan.FromSeconds(10));
        await page.InvokeAsync(() => page.Find("[data-testid=check-file]").Click());

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=preview-rows] tbody tr").Count), TimeSpan.FromSeconds(10));
        var rows = page.FindAll("[data-testid=preview-rows] tbody tr");
        Assert.Contains("same e-mail", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("New", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("LastName is empty", rows[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("Import 2 rows", page.Find("[data-testid=commit-contact-import]").TextContent, StringComparison.Ordinal);

        await page.InvokeAsync(() => page.Find("[data-testid=cancel-import]").Click());
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=contact-preview]")));
        await using var after = await Institution.OpenAsync();
        Assert.False(await after.Constituents.AnyAsync(c => c.LastName == "Nova-Bunit")); // a preview and a cancel write nothing
    }

    [Fact]
    public async Task The_inquiry_form_names_the_person_already_on_record_before_saving_and_offers_their_record_for_a_look_alike()
    {
        await SignInAsAsync(Personas.Admissions);
        Domain.Constituents.Constituent known;
        await using (var db = await Institution.OpenAsync())
            known = await db.Constituents.Where(c => c.Kind == Domain.Constituents.ConstituentKind.Person && c.Email != null && c.BirthDate != null && c.MergedIntoId == null).OrderBy(c => c.Id).Skip(3).FirstAsync();
        var person = new Infrastructure.Admissions.PersonDetails("", "", null, null, null);
        var fields = Render<Components.Pages.Admissions.PersonFields>(p => p.Add(x => x.Person, person).Add(x => x.PersonChanged, v => person = v));

        // Same e-mail: the same person, named with the reason.
        await fields.InvokeAsync(() => fields.FindComponents<MudBlazor.MudTextField<string>>()[0].Instance.ValueChanged.InvokeAsync(known.FirstName));
        fields.Render(p => p.Add(x => x.Person, person)); // as the dialog re-renders with the bound value
        await fields.InvokeAsync(() => fields.FindComponents<MudBlazor.MudTextField<string>>()[2].Instance.ValueChanged.InvokeAsync(known.Email));
        fields.Render(p => p.Add(x => x.Person, person));
        await fields.InvokeAsync(() => fields.FindComponents<MudBlazor.MudTextField<string>>()[1].Instance.ValueChanged.InvokeAsync(known.LastName));
        fields.WaitForAssertion(() => Assert.Contains($"already exists: C-{known.Id}", fields.Find("[data-testid=person-match]").TextContent, StringComparison.Ordinal));

        // A typo and the birth date instead: a look-alike, and "Use C-…" sets the answer on the details.
        fields.Render(p => p.Add(x => x.Person, new Infrastructure.Admissions.PersonDetails(known.FirstName, "", null, known.BirthDate, null)));
        await fields.InvokeAsync(() => fields.FindComponents<MudBlazor.MudTextField<string>>()[1].Instance.ValueChanged.InvokeAsync(known.LastName + "x"));
        fields.WaitForAssertion(() => Assert.Contains($"May be C-{known.Id}", fields.Find("[data-testid=person-match]").TextContent, StringComparison.Ordinal));
        await fields.InvokeAsync(() => fields.Find("[data-testid=use-record]").Click());
        Assert.Equal(known.Id, person.UseRecordId);
    }
}
