using CoRM.Domain.Access;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Families;
using CoRM.Infrastructure.StudentSuccess;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

/// <summary>Resource scoping: a user gets nothing for a record outside their scope, exactly as for a missing one.</summary>
public sealed class ConstituentAccessTests : InstitutionTest
{

    private async Task<(int Advisee, int NotAnAdvisee)> StudentsOfFacultyAsync(UserScope faculty)
    {
        var today = DateOnly.FromDateTime(TestInstitution.Now.UtcDateTime);
        await using var db = await Institution.OpenAsync();
        var advisee = await db.Relationships.Where(r => r.RelatedId == faculty.ConstituentId && r.Kind == RelationshipKind.Advisor && r.EndDate == null)
            .Select(r => r.SubjectId).FirstAsync();
        var other = await db.Hats.Where(h => h.Kind == HatKind.Student && h.StartDate <= today
                && !db.Relationships.Any(r => r.SubjectId == h.ConstituentId && r.RelatedId == faculty.ConstituentId))
            .Select(h => h.ConstituentId).FirstAsync();
        return (advisee, other);
    }

    [Fact]
    public async Task Faculty_open_their_advisees_and_get_not_found_for_any_other_student()
    {
        var faculty = await Institution.PersonaAsync(Personas.Faculty);
        var (advisee, other) = await StudentsOfFacultyAsync(faculty);
        var records = Institution.Get<ConstituentRecords>();

        Assert.NotNull(await records.GetProfileAsync(faculty, advisee));
        Assert.Null(await records.GetProfileAsync(faculty, other));
        Assert.Null(await records.GetProfileAsync(faculty, 999_999));
        Assert.Empty((await records.GetTimelineAsync(faculty, other, null, 0, 10)).Items);

        var result = await records.LogInteractionAsync(faculty, new LogInteractionRequest(other, Channel.Meeting, Topic.Advising, "Met", null, TestInstitution.Now.UtcDateTime, false));
        Assert.Equal(CommandStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task Faculty_search_finds_only_their_advisees()
    {
        var faculty = await Institution.PersonaAsync(Personas.Faculty);
        var (advisee, other) = await StudentsOfFacultyAsync(faculty);
        var search = Institution.Get<ConstituentSearch>();

        Assert.Single((await search.SearchAsync(faculty, $"C-{advisee}", 0, 10)).Items);
        Assert.Empty((await search.SearchAsync(faculty, $"C-{other}", 0, 10)).Items);
        var admissions = await Institution.PersonaAsync(Personas.Admissions);
        Assert.Single((await search.SearchAsync(admissions, $"C-{other}", 0, 10)).Items);
    }

    [Fact]
    public async Task Another_faculty_member_does_not_see_helenas_advisees()
    {
        var helena = await Institution.PersonaAsync(Personas.Faculty);
        var samuel = await Institution.PersonaAsync(Personas.OtherFaculty);
        var (advisee, _) = await StudentsOfFacultyAsync(helena);
        Assert.Null(await Institution.Get<ConstituentRecords>().GetProfileAsync(samuel, advisee));
        var list = await Institution.Get<AdviseeList>().MineAsync(samuel, AdviseeSort.Name, false, 0, 100);
        Assert.DoesNotContain(list.Items, a => a.Id == advisee);
    }

    [Fact]
    public async Task A_parent_sees_no_constituent_profile_and_only_the_child_who_granted_access()
    {
        var parent = await Institution.PersonaAsync(Personas.Parent);
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        var tiago = await Institution.ConstituentIdAsync(Personas.UngrantedChild);

        Assert.Null(await Institution.Get<ConstituentRecords>().GetProfileAsync(parent, sofia));
        Assert.Empty((await Institution.Get<ConstituentSearch>().SearchAsync(parent, "Almeida", 0, 10)).Items);

        var children = await Institution.Get<FamilyDashboard>().ForAsync(parent);
        var child = Assert.Single(children);
        Assert.Equal(sofia, child.Id);
        Assert.DoesNotContain(children, c => c.Id == tiago);
    }

    [Fact]
    public async Task Revoking_a_grant_hides_the_child_at_once()
    {
        var parent = await Institution.PersonaAsync(Personas.Parent);
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        await using (var db = await Institution.OpenAsync())
        {
            var link = await db.Relationships.SingleAsync(r => r.SubjectId == sofia && r.RelatedId == parent.ConstituentId);
            link.Revoke(TestInstitution.Now.UtcDateTime);
            await db.SaveChangesAsync();
        }
        Assert.Empty(await Institution.Get<FamilyDashboard>().ForAsync(parent));
    }

    [Fact]
    public async Task A_case_worker_sees_only_constituents_they_owe_follow_ups_to()
    {
        var caseWorker = await Institution.PersonaAsync(Personas.CaseWorker);
        await using var db = await Institution.OpenAsync();
        var mine = await db.FollowUps.Where(f => f.OwnerId == caseWorker.ConstituentId).Select(f => f.ConstituentId).FirstAsync();
        var notMine = await db.Constituents.Where(c => !db.FollowUps.Any(f => f.ConstituentId == c.Id && f.OwnerId == caseWorker.ConstituentId))
            .Select(c => c.Id).FirstAsync();
        var records = Institution.Get<ConstituentRecords>();
        Assert.NotNull(await records.GetProfileAsync(caseWorker, mine));
        Assert.Null(await records.GetProfileAsync(caseWorker, notMine));
    }

    [Fact]
    public async Task A_faculty_member_who_is_also_a_case_worker_sees_both_sets_and_nothing_else()
    {
        var helena = await Institution.PersonaAsync(Personas.Faculty);
        var both = UserScope.Of(helena.ConstituentId, helena.UserName, Roles.Faculty, Roles.CaseWorker);
        var (advisee, other) = await StudentsOfFacultyAsync(helena);
        // A case follow-up she owes (administrators no longer write case work, so it is arranged directly).
        await using (var arrange = await Institution.OpenAsync())
        {
            var today = DateOnly.FromDateTime(TestInstitution.Now.UtcDateTime);
            arrange.FollowUps.Add(FollowUp.Create(other, helena.ConstituentId, Topic.Case, "Housing support", null, today, today, null, TestInstitution.Now.UtcDateTime));
            await arrange.SaveChangesAsync();
        }

        var records = Institution.Get<ConstituentRecords>();
        Assert.NotNull(await records.GetProfileAsync(both, advisee));
        Assert.NotNull(await records.GetProfileAsync(both, other));
        Assert.Null(await records.GetProfileAsync(helena, other)); // as faculty alone, the case is not hers to see
        await using var db = await Institution.OpenAsync();
        var stranger = await db.Constituents.Where(c => c.Id != advisee && c.Id != other && c.Email != null && c.Email.EndsWith("@example.com"))
            .Where(c => !db.Relationships.Any(r => r.SubjectId == c.Id && r.RelatedId == helena.ConstituentId) && !db.FollowUps.Any(f => f.ConstituentId == c.Id && f.OwnerId == helena.ConstituentId))
            .Select(c => c.Id).FirstAsync();
        Assert.Null(await records.GetProfileAsync(both, stranger));
    }

    [Fact]
    public async Task Timelines_hide_topics_a_role_may_not_read()
    {
        var admin = await Institution.PersonaAsync(Personas.Admin);
        var advancement = await Institution.PersonaAsync(Personas.Advancement);
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        var records = Institution.Get<ConstituentRecords>();
        var logged = await records.LogInteractionAsync(admin, new LogInteractionRequest(sofia, Channel.Meeting, Topic.Advising,
            "Discussed failing grades", "Confidential", TestInstitution.Now.UtcDateTime.AddHours(-1), false));
        Assert.True(logged.Succeeded);

        var forAdmin = await records.GetTimelineAsync(admin, sofia, null, 0, 100);
        var forAdvancement = await records.GetTimelineAsync(advancement, sofia, null, 0, 100);
        Assert.Contains(forAdmin.Items, e => e.Subject == "Discussed failing grades");
        Assert.DoesNotContain(forAdvancement.Items, e => e.Topic == Topic.Advising);

        var refused = await records.LogInteractionAsync(advancement, new LogInteractionRequest(sofia, Channel.Meeting, Topic.Advising, "x", null, TestInstitution.Now.UtcDateTime, false));
        Assert.Equal(CommandStatus.Invalid, refused.Status);
    }

    [Fact]
    public async Task Only_administrators_read_the_audit_log_and_profile_reads_are_in_it()
    {
        var admin = await Institution.PersonaAsync(Personas.Admin);
        var admissions = await Institution.PersonaAsync(Personas.Admissions);
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        await Institution.Get<ConstituentRecords>().GetProfileAsync(admissions, sofia);

        var log = Institution.Get<AuditLog>();
        Assert.Empty((await log.ListAsync(admissions, new AuditFilter(), 0, 50)).Items);
        var entries = await log.ListAsync(admin, new AuditFilter(nameof(Constituent)), 0, 50);
        Assert.Contains(entries.Items, e => e.RecordId == sofia.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.UserName == admissions.UserName);
    }
}
