using CoRM.Domain.Access;
using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using CoRM.Domain.Volunteering;
using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed class SegmentTests : InstitutionTest
{
    private DateOnly Today => DateOnly.FromDateTime(Institution.Time.GetUtcNow().UtcDateTime);
    private DateTime Now => Institution.Time.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Each_ready_made_segment_matches_a_count_by_hand()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var segments = Institution.Get<Segments>();
        var ready = await segments.ListAsync(tomas);
        Assert.Equal(Segments.ReadyMade.Select(r => r.Name).Order(), ready.Where(s => s.ReadyMade).Select(s => s.Name).Order());

        await using var db = await Institution.OpenAsync();
        var yearAgo = Now.AddMonths(-12);
        var regulars = (await db.EventRegistrations.Where(r => r.Attended == true).Join(db.GivingEvents.Where(e => e.StartsAt >= yearAgo && e.StartsAt <= Now), r => r.EventId, e => e.Id, (r, e) => r.ConstituentId).ToListAsync())
            .GroupBy(id => id).Count(g => g.Count() >= 3);
        Assert.True(regulars > 0);
        Assert.Equal(regulars, (await segments.CountAsync(tomas, ready.Single(s => s.Name == "Regular event attendees").Rules)).Count);

        var volunteers = (await db.SignUps.Where(u => u.Status == SignUpStatus.Attended).Join(db.Shifts.Where(s => s.StartsAt >= yearAgo && s.StartsAt <= Now), u => u.ShiftId, s => s.Id, (u, s) => u.VolunteerId).ToListAsync())
            .GroupBy(id => id).Count(g => g.Count() > 2);
        Assert.Equal(volunteers, (await segments.CountAsync(tomas, ready.Single(s => s.Name == "Committed volunteers").Rules)).Count);

        var lastYear = new DateOnly(Today.Year - 1, 1, 1);
        var thisYear = new DateOnly(Today.Year, 1, 1);
        var gifts = await db.Gifts.Select(g => new { g.DonorId, g.ReceivedOn }).ToListAsync();
        var emailable = (await db.Constituents.Where(Constituent.MayBeEmailed).Select(c => c.Id).ToListAsync()).ToHashSet();
        var lapsed = gifts.GroupBy(g => g.DonorId).Count(g => g.Any(x => x.ReceivedOn >= lastYear && x.ReceivedOn < thisYear) && g.All(x => x.ReceivedOn < thisYear) && emailable.Contains(g.Key));
        Assert.True(lapsed > 0);
        Assert.Equal(lapsed, (await segments.CountAsync(tomas, ready.Single(s => s.Name == "Lapsed donors").Rules)).Count);

        var signers = (await db.Actions.Where(a => a.ActionTypeId == 1 && a.TookOn >= Today.AddMonths(-12)).Select(a => a.ConstituentId).Distinct().ToListAsync())
            .Count(id => !gifts.Any(g => g.DonorId == id && g.ReceivedOn >= Today.AddMonths(-60)));
        Assert.Equal(signers, (await segments.CountAsync(tomas, ready.Single(s => s.Name == "Petition signers who have not given").Rules)).Count);
    }

    [Fact]
    public async Task Rules_joined_by_or_match_the_union_and_the_group_still_narrows_with_and()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var segments = Institution.Get<Segments>();
        SegmentRule alumni = new(SegmentRuleKind.WearsHat, Hat: HatKind.Alumnus);
        SegmentRule north = new(SegmentRuleKind.InRegion, Text: "North"), centre = new(SegmentRuleKind.InRegion, Text: "Centre");
        SegmentRule gaveRecently = new(SegmentRuleKind.GaveWithinMonths, Months: 24);

        async Task<int> Count(params SegmentRule[] rules) => (await segments.CountAsync(tomas, rules)).Count!.Value;
        var northAlumni = await Count(alumni, north);
        var centreAlumni = await Count(alumni, centre);
        Assert.True(northAlumni > 0 && centreAlumni > 0);

        // Alumni and (North or Centre): the two disjoint regions add up.
        Assert.Equal(northAlumni + centreAlumni, await Count(alumni, north, centre with { OrWithPrevious = true }));
        // North or Centre, whatever the hat, is at least as many; and "and" after the group narrows it again.
        Assert.True(await Count(north, centre with { OrWithPrevious = true }) >= northAlumni + centreAlumni);
        Assert.Equal(await Count(alumni, north, gaveRecently) + await Count(alumni, centre, gaveRecently),
            await Count(alumni, north, centre with { OrWithPrevious = true }, gaveRecently));

        // A group with a negated rule: alumni who are in the North or have not given recently, by hand.
        await using var db = await Institution.OpenAsync();
        var since = Today.AddMonths(-24);
        var byHand = await db.Constituents.CountAsync(c => c.Hats.Any(h => h.Kind == HatKind.Alumnus && h.StartDate <= Today && (h.EndDate == null || h.EndDate >= Today))
            && (c.Region == "North" || !db.Gifts.Any(g => g.DonorId == c.Id && g.ReceivedOn >= since)));
        Assert.Equal(byHand, await Count(alumni, north, gaveRecently with { Negate = true, OrWithPrevious = true }));

        // Saved and reopened, the joins are kept.
        var saved = await segments.SaveAsync(tomas, null, "Alumni of the North or Centre", null, [alumni, north, centre with { OrWithPrevious = true }], null);
        Assert.True(saved.Succeeded, saved.Message);
        var reopened = await segments.GetAsync(tomas, (int)saved.Id!.Value);
        Assert.Equal([false, false, true], reopened!.Rules.Select(r => r.OrWithPrevious));
    }

    [Fact]
    public async Task May_receive_appeal_letters_needs_an_address_and_no_post_or_contact_refusal()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var segments = Institution.Get<Segments>();
        int expected;
        await using (var db = await Institution.OpenAsync())
        {
            var someone = await db.Constituents.Where(c => !c.DoNotContact && db.Addresses.Any(a => a.ConstituentId == c.Id)).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            await db.Constituents.Where(c => c.Id == someone).ExecuteUpdateAsync(x => x.SetProperty(c => c.PostOptOut, true));
            expected = await db.Constituents.CountAsync(c => (c.Kind == ConstituentKind.Person || c.Kind == ConstituentKind.Organisation)
                && !c.DoNotContact && !c.PostOptOut && db.Addresses.Any(a => a.ConstituentId == c.Id));
        }
        Assert.True(expected > 0);
        Assert.Equal(expected, (await segments.CountAsync(tomas, [new SegmentRule(SegmentRuleKind.MayBeWritten)])).Count);
    }

    [Fact]
    public async Task Rules_combine_and_negate_over_hats_regions_relationships_and_giving()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var segments = Institution.Get<Segments>();
        SegmentRule[] parentsInLisbonWhoGave = [new(SegmentRuleKind.HasRelationship, Relationship: RelationshipKind.Parent), new(SegmentRuleKind.InRegion, Text: "Lisbon"), new(SegmentRuleKind.GaveWithinMonths, Months: 120)];
        SegmentRule[] parentsInLisbonWhoDidNot = [parentsInLisbonWhoGave[0], parentsInLisbonWhoGave[1], parentsInLisbonWhoGave[2] with { Negate = true }];
        SegmentRule[] parentsInLisbon = [parentsInLisbonWhoGave[0], parentsInLisbonWhoGave[1]];

        var gave = (await segments.CountAsync(tomas, parentsInLisbonWhoGave)).Count!.Value;
        var didNot = (await segments.CountAsync(tomas, parentsInLisbonWhoDidNot)).Count!.Value;
        var all = (await segments.CountAsync(tomas, parentsInLisbon)).Count!.Value;
        Assert.Equal(all, gave + didNot);
        Assert.True(all > 0);

        var preview = await segments.PreviewAsync(tomas, parentsInLisbon, 0, 10);
        Assert.Equal(all, preview.TotalCount);
        Assert.All(preview.Items, m => Assert.Equal("Lisbon", m.Region));
    }

    [Fact]
    public async Task A_segment_is_saved_reused_and_bad_rules_are_refused_with_a_reason()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var segments = Institution.Get<Segments>();
        Assert.Equal("Choose the region.", (await segments.CountAsync(tomas, [new SegmentRule(SegmentRuleKind.InRegion)])).Error);
        Assert.Equal(CommandStatus.Invalid, (await segments.SaveAsync(tomas, null, "Nothing", null, [], null)).Status);

        SegmentRule[] rules = [new(SegmentRuleKind.WearsHat, Hat: HatKind.Alumnus), new(SegmentRuleKind.RfmAtLeast, Recency: 4)];
        var saved = await segments.SaveAsync(tomas, null, "Recent alumni donors", "For the spring ask", rules, null);
        Assert.True(saved.Succeeded, saved.Message);
        var reloaded = await segments.GetAsync(tomas, (int)saved.Id!.Value);
        Assert.Equal(rules, reloaded!.Rules);
        Assert.Equal(CommandStatus.Invalid, (await segments.SaveAsync(tomas, null, "Recent alumni donors", null, rules, null)).Status); // names are unique
        Assert.Equal(CommandStatus.Conflict, (await segments.SaveAsync(tomas, reloaded.Id, "Renamed", null, rules, Guid.NewGuid())).Status);
        var ready = (await segments.ListAsync(tomas)).First(s => s.ReadyMade);
        Assert.Equal(CommandStatus.Invalid, (await segments.SaveAsync(tomas, ready.Id, "Changed", null, rules, ready.Version)).Status);
    }

    [Fact]
    public async Task Only_advancement_and_administrators_build_segments()
    {
        foreach (var who in new[] { Personas.Faculty, Personas.Parent, Personas.StudentSuccess, Personas.Admissions, Personas.CaseWorker })
        {
            var user = await Institution.PersonaAsync(who);
            Assert.Empty(await Institution.Get<Segments>().ListAsync(user));
            Assert.Null((await Institution.Get<Segments>().CountAsync(user, [new SegmentRule(SegmentRuleKind.MayBeEmailed)])).Count);
            Assert.Empty((await Institution.Get<Segments>().PreviewAsync(user, [new SegmentRule(SegmentRuleKind.MayBeEmailed)], 0, 10)).Items);
        }
    }
}
