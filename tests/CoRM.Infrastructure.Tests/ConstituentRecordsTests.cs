using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed class ConstituentRecordsTests : InstitutionTest
{

    [Theory]
    [InlineData("almeida")]
    [InlineData("ALMEIDA")]
    [InlineData("Sofia Alm")]
    [InlineData("sofia.almeida@students.northfield.example.edu")]
    public async Task Search_finds_by_family_name_full_name_prefix_and_email(string term)
    {
        var admissions = await Institution.PersonaAsync(Personas.Admissions);
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        var page = await Institution.Get<ConstituentSearch>().SearchAsync(admissions, term, 0, 50);
        Assert.Contains(page.Items, r => r.Id == sofia);
    }

    [Fact]
    public async Task Search_ignores_accents_and_pages_in_name_order()
    {
        var admissions = await Institution.PersonaAsync(Personas.Admissions);
        await using (var db = await Institution.OpenAsync())
        {
            var someone = await db.Constituents.FirstAsync(c => c.Email == Personas.GrantedChild);
            someone.Rename("Sófia", "Almeida");
            await db.SaveChangesAsync();
        }
        var search = Institution.Get<ConstituentSearch>();
        Assert.Contains((await search.SearchAsync(admissions, "sofia alm", 0, 10)).Items, r => r.DisplayName == "Sófia Almeida");

        var first = await search.SearchAsync(admissions, "a", 0, 10);
        Assert.Empty(first.Items); // one letter is too short to search

        var page0 = await search.SearchAsync(admissions, "ma", 0, 5);
        var page1 = await search.SearchAsync(admissions, "ma", 1, 5);
        Assert.True(page0.TotalCount > 5);
        Assert.Empty(page0.Items.Select(r => r.Id).Intersect(page1.Items.Select(r => r.Id)));
    }

    [Fact]
    public async Task The_timeline_is_newest_first_and_filters_by_channel()
    {
        var admin = await Institution.PersonaAsync(Personas.Admin);
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        var records = Institution.Get<ConstituentRecords>();
        var when = TestInstitution.Now.UtcDateTime.AddMinutes(-10);
        Assert.True((await records.LogInteractionAsync(admin, new LogInteractionRequest(sofia, Channel.Sms, Topic.General, "Texted about the open day", null, when, false))).Succeeded);

        var all = await records.GetTimelineAsync(admin, sofia, null, 0, 100);
        Assert.Equal("Texted about the open day", all.Items[0].Subject);
        Assert.Equal(all.Items.OrderByDescending(e => e.OccurredAt).Select(e => e.Id), all.Items.Select(e => e.Id));

        var sms = await records.GetTimelineAsync(admin, sofia, Channel.Sms, 0, 100);
        Assert.All(sms.Items, e => Assert.Equal(Channel.Sms, e.Channel));
        Assert.True(sms.TotalCount >= 1);
    }

    [Fact]
    public async Task Bad_interaction_input_is_refused_with_a_message_and_changes_nothing()
    {
        var admin = await Institution.PersonaAsync(Personas.Admin);
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        var records = Institution.Get<ConstituentRecords>();
        var before = (await records.GetTimelineAsync(admin, sofia, null, 0, 1)).TotalCount;

        var blank = await records.LogInteractionAsync(admin, new LogInteractionRequest(sofia, Channel.Phone, Topic.General, "  ", null, TestInstitution.Now.UtcDateTime, false));
        var future = await records.LogInteractionAsync(admin, new LogInteractionRequest(sofia, Channel.Phone, Topic.General, "Call", null, TestInstitution.Now.UtcDateTime.AddDays(2), false));

        Assert.Equal(CommandStatus.Invalid, blank.Status);
        Assert.False(string.IsNullOrWhiteSpace(blank.Message));
        Assert.Equal(CommandStatus.Invalid, future.Status);
        Assert.Equal(before, (await records.GetTimelineAsync(admin, sofia, null, 0, 1)).TotalCount);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_as_a_conflict_and_the_first_edit_stands()
    {
        var admin = await Institution.PersonaAsync(Personas.Admin);
        var admissions = await Institution.PersonaAsync(Personas.Admissions);
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        var records = Institution.Get<ConstituentRecords>();
        var seen = (await records.GetProfileAsync(admin, sofia))!.Details;

        var first = await records.UpdateDetailsAsync(admissions, new UpdateDetailsRequest(sofia, seen.FirstName, seen.LastName, seen.Email, "Algarve", false, false, seen.Version, false));
        var second = await records.UpdateDetailsAsync(admin, new UpdateDetailsRequest(sofia, seen.FirstName, seen.LastName, seen.Email, "Azores", false, false, seen.Version, false));

        Assert.True(first.Succeeded);
        Assert.Equal(CommandStatus.Conflict, second.Status);
        Assert.Contains("changed", second.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Algarve", (await records.GetProfileAsync(admin, sofia))!.Details.Region);
    }

    [Fact]
    public async Task Staff_can_record_no_appeals_by_post_and_it_leaves_email_alone()
    {
        var admin = await Institution.PersonaAsync(Personas.Admin);
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        var records = Institution.Get<ConstituentRecords>();
        var seen = (await records.GetProfileAsync(admin, sofia))!.Details;
        Assert.False(seen.PostOptOut);

        Assert.True((await records.UpdateDetailsAsync(admin, seen.ToRequest() with { PostOptOut = true })).Succeeded);

        var now = (await records.GetProfileAsync(admin, sofia))!.Details;
        Assert.Equal((true, seen.EmailOptOut, seen.DoNotContact), (now.PostOptOut, now.EmailOptOut, now.DoNotContact));
    }

    [Fact]
    public async Task An_edit_cannot_take_another_constituents_email_or_an_invalid_one()
    {
        var admin = await Institution.PersonaAsync(Personas.Admin);
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        var records = Institution.Get<ConstituentRecords>();
        var seen = (await records.GetProfileAsync(admin, sofia))!.Details;

        var taken = await records.UpdateDetailsAsync(admin, seen.ToRequest() with { Email = Personas.UngrantedChild });
        var invalid = await records.UpdateDetailsAsync(admin, seen.ToRequest() with { Email = "not-an-address" });

        Assert.Equal(CommandStatus.Invalid, taken.Status);
        Assert.Equal(CommandStatus.Invalid, invalid.Status);
        Assert.Equal(Personas.GrantedChild, (await records.GetProfileAsync(admin, sofia))!.Details.Email);
    }
}

internal static class DetailsExtensions
{
    public static UpdateDetailsRequest ToRequest(this ConstituentDetails d) =>
        new(d.Id, d.FirstName, d.LastName, d.Email, d.Region, d.DoNotContact, d.EmailOptOut, d.Version, d.PostOptOut);
}
