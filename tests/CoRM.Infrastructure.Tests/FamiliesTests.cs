using System.Text.RegularExpressions;
using CoRM.Domain.Access;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Domain.Families;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Families;
using CoRM.Infrastructure.Identity;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed partial class FamiliesTests : InstitutionTest
{
    [GeneratedRegex(@"enter the code ([A-Z0-9]{10})")]
    private static partial Regex CodeInMail();

    /// <summary>A seeded parent of an enrolled student who has no portal account yet.</summary>
    private async Task<(int Parent, int Child, string Email)> ParentWithoutAccountAsync()
    {
        await using var db = await Institution.OpenAsync();
        return await db.Relationships.Where(r => r.Kind == RelationshipKind.Parent && r.Related!.Email != null && !db.PortalUsers.Any(u => u.ConstituentId == r.RelatedId))
            .OrderBy(r => r.Id).Select(r => new { r.RelatedId, r.SubjectId, r.Related!.Email }).FirstAsync() is var first ? (first.RelatedId, first.SubjectId, first.Email!) : default;
    }

    private async Task<string> LatestCodeSentToAsync(string email)
    {
        await using var db = await Institution.OpenAsync();
        var body = await db.OutboxMessages.Where(m => m.ToAddress == email && m.DedupKey.StartsWith("parent-invitation:")).OrderByDescending(m => m.Id).Select(m => m.TextBody).FirstAsync();
        return CodeInMail().Match(body).Groups[1].Value;
    }

    [Fact]
    public async Task An_invitation_links_a_parent_once_and_expires()
    {
        var priya = await Institution.PersonaAsync(Personas.Admissions);
        var invitations = Institution.Get<ParentInvitations>();
        var (parent, _, email) = await ParentWithoutAccountAsync();

        Assert.True((await invitations.SendAsync(priya, parent)).Succeeded);
        var code = await LatestCodeSentToAsync(email);
        Assert.Equal(10, code.Length);
        Assert.Single(Directory.GetFiles(Institution.PickupDirectory, "*.eml").Select(File.ReadAllText), m => m.Contains(email, StringComparison.Ordinal) && m.Contains("family portal", StringComparison.Ordinal));

        var joined = await invitations.RedeemAsync(code.Insert(5, "-").ToLowerInvariant(), externalObjectId: "oid-parent-1", listAsPersona: false, null);
        Assert.True(joined.Succeeded, joined.Error);
        Assert.Equal(parent, joined.User!.ConstituentId);
        Assert.Contains(Roles.Parent, joined.User.Roles);

        var again = await invitations.RedeemAsync(code, "oid-someone-else", false, null);
        Assert.False(again.Succeeded);
        Assert.Contains("already been used", again.Error, StringComparison.Ordinal);

        // Entra gives parents no app role: the redeemed invitation does.
        var signIn = await Institution.Get<PortalUserDirectory>().LinkEntraUserAsync("oid-parent-1", null, [], null);
        Assert.Equal([Roles.Parent], signIn!.Roles);
        Assert.Equal(CommandStatus.Invalid, (await invitations.SendAsync(priya, parent)).Status); // already signs in
    }

    [Fact]
    public async Task Only_the_latest_code_works_and_none_after_two_weeks()
    {
        var priya = await Institution.PersonaAsync(Personas.Admissions);
        var invitations = Institution.Get<ParentInvitations>();
        var (parent, _, email) = await ParentWithoutAccountAsync();
        await invitations.SendAsync(priya, parent);
        var first = await LatestCodeSentToAsync(email);
        await invitations.SendAsync(priya, parent);
        var second = await LatestCodeSentToAsync(email);

        Assert.Contains("newer one", (await invitations.RedeemAsync(first, null, false, null)).Error, StringComparison.Ordinal);
        Institution.Time.Advance(TimeSpan.FromDays(15));
        Assert.Contains("expired", (await invitations.RedeemAsync(second, null, false, null)).Error, StringComparison.Ordinal);
        Assert.Contains("not valid", (await invitations.RedeemAsync("ABCDE-FGHJK", null, false, null)).Error, StringComparison.Ordinal);
        await using var db = await Institution.OpenAsync();
        Assert.False(await db.PortalUsers.AnyAsync(u => u.ConstituentId == parent));
    }

    [Fact]
    public async Task Only_the_secretariat_invites_and_only_parents_are_invited()
    {
        var (parent, child, _) = await ParentWithoutAccountAsync();
        var invitations = Institution.Get<ParentInvitations>();
        foreach (var who in new[] { Personas.Faculty, Personas.Advancement, Personas.Parent, Personas.Student })
            Assert.Equal(CommandStatus.NotFound, (await invitations.SendAsync(await Institution.PersonaAsync(who), parent)).Status);
        var daniel = await Institution.PersonaAsync(Personas.StudentSuccess);
        var notAParent = await invitations.SendAsync(daniel, child);
        Assert.Equal(CommandStatus.Invalid, notAParent.Status);
        Assert.Contains("not recorded as anyone's parent", notAParent.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_parent_dashboard_shows_exactly_what_each_grant_allows()
    {
        var rui = await Institution.PersonaAsync(Personas.Parent);
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        var dashboard = Institution.Get<FamilyDashboard>();

        var card = Assert.Single(await dashboard.ForAsync(rui));
        Assert.Equal(sofia, card.Id);
        Assert.NotEmpty(card.Enrolments);
        Assert.Equal(3, card.Enrolments.Count);
        Assert.NotNull(card.Balance);
        Assert.Null(card.Grades); // her consent covers enrolment and balance only
        await using (var db = await Institution.OpenAsync())
        {
            var owed = (await db.TuitionInvoices.Include(i => i.Payments).Where(i => i.StudentId == sofia).ToListAsync()).Sum(i => i.OutstandingOn(DateOnly.FromDateTime(TestInstitution.Now.UtcDateTime)));
            Assert.Equal(owed, card.Balance!.Outstanding);
            Assert.Contains(card.Deadlines, d => d.What.StartsWith("Enrolment for Spring", StringComparison.Ordinal));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.RecordId == sofia.ToString() && a.Detail!.Contains("WrittenConsent")));
        }

        // Sofia extends her consent to grades: the next load shows last term's results.
        var access = Institution.Get<FamilyAccess>();
        var sofiaScope = await Institution.PersonaAsync(Personas.Student);
        var link = Assert.Single(await access.ForStudentAsync(sofiaScope, sofia));
        Assert.True((await access.GrantAsync(sofiaScope, new GrantRequest(link.RelationshipId, AccessGrant.All, ConsentBasis.WrittenConsent, null, link.Version))).Succeeded);
        var withGrades = Assert.Single(await dashboard.ForAsync(rui));
        Assert.NotNull(withGrades.Grades);
        Assert.Equal(6, withGrades.Grades!.Courses.Count);
    }

    [Fact]
    public async Task A_minors_guardian_sees_them_without_consent_and_an_adults_parent_does_not()
    {
        await using var db = await Institution.OpenAsync();
        var today = DateOnly.FromDateTime(TestInstitution.Now.UtcDateTime);
        var links = await db.Relationships.Include(r => r.Subject).Where(r => r.Kind == RelationshipKind.Parent || r.Kind == RelationshipKind.Guardian)
            .Where(r => r.ConsentBasis == ConsentBasis.None).ToListAsync();
        var minorLink = links.First(l => l.Subject!.IsMinorOn(today));
        var adultLink = links.First(l => !l.Subject!.IsMinorOn(today) && l.Subject.BirthDate is not null);

        var dashboard = Institution.Get<FamilyDashboard>();
        var minorCard = Assert.Single(await dashboard.ForAsync(UserScope.Of(minorLink.RelatedId, "guardian", Roles.Parent)), c => c.Id == minorLink.SubjectId);
        Assert.True(minorCard.IsMinor);
        Assert.Equal(RecordAccessPolicy.MinorDefault, minorCard.Grants);
        Assert.DoesNotContain(await dashboard.ForAsync(UserScope.Of(adultLink.RelatedId, "parent", Roles.Parent)), c => c.Id == adultLink.SubjectId);
    }

    [Fact]
    public async Task Staff_capture_consent_and_the_student_withdraws_it_with_effect_on_the_next_load()
    {
        var rui = await Institution.PersonaAsync(Personas.Parent);
        var daniel = await Institution.PersonaAsync(Personas.StudentSuccess);
        var tiago = await Institution.ConstituentIdAsync(Personas.UngrantedChild);
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        var access = Institution.Get<FamilyAccess>();
        var dashboard = Institution.Get<FamilyDashboard>();

        var tiagoLink = Assert.Single(await access.ForStudentAsync(daniel, tiago));
        Assert.Equal(AccessGrant.None, tiagoLink.Effective);
        var bad = await access.GrantAsync(daniel, new GrantRequest(tiagoLink.RelationshipId, AccessGrant.EnrolmentStatus, ConsentBasis.TaxDependant, null, tiagoLink.Version));
        Assert.Equal(CommandStatus.Invalid, bad.Status); // a tax-dependant attestation needs its year end
        Assert.True((await access.GrantAsync(daniel, new GrantRequest(tiagoLink.RelationshipId, AccessGrant.EnrolmentStatus, ConsentBasis.TaxDependant, new DateOnly(2026, 12, 31), tiagoLink.Version))).Succeeded);
        Assert.Equal(2, (await dashboard.ForAsync(rui)).Count);
        var stale = await access.RevokeAsync(daniel, tiagoLink.RelationshipId, tiagoLink.Version);
        Assert.Equal(CommandStatus.Conflict, stale.Status);

        // Sofia withdraws her own consent; she cannot touch her brother's.
        var sofiaScope = await Institution.PersonaAsync(Personas.Student);
        var sofiaLink = Assert.Single(await access.ForStudentAsync(sofiaScope, sofia));
        Assert.Empty(await access.ForStudentAsync(sofiaScope, tiago));
        var current = Assert.Single(await access.ForStudentAsync(daniel, tiago));
        Assert.Equal(CommandStatus.NotFound, (await access.RevokeAsync(sofiaScope, current.RelationshipId, current.Version)).Status);
        Assert.True((await access.RevokeAsync(sofiaScope, sofiaLink.RelationshipId, sofiaLink.Version)).Succeeded);

        var left = Assert.Single(await dashboard.ForAsync(rui));
        Assert.Equal(tiago, left.Id);
        await using var db = await Institution.OpenAsync();
        Assert.True(await db.Interactions.AnyAsync(i => i.ConstituentId == sofia && i.Topic == Topic.Family && i.Subject.StartsWith("Access withdrawn")));
    }

    [Fact]
    public async Task Parents_and_other_roles_cannot_manage_consent()
    {
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        var daniel = await Institution.PersonaAsync(Personas.StudentSuccess);
        var link = Assert.Single(await Institution.Get<FamilyAccess>().ForStudentAsync(daniel, sofia));
        foreach (var who in new[] { Personas.Parent, Personas.Faculty, Personas.Advancement, Personas.VolunteerCoordinator })
        {
            var user = await Institution.PersonaAsync(who);
            Assert.Empty(await Institution.Get<FamilyAccess>().ForStudentAsync(user, sofia));
            Assert.Equal(CommandStatus.NotFound, (await Institution.Get<FamilyAccess>().RevokeAsync(user, link.RelationshipId, link.Version)).Status);
        }
    }

    [Fact]
    public async Task A_parents_request_is_logged_on_both_timelines_and_answered_by_email()
    {
        var rui = await Institution.PersonaAsync(Personas.Parent);
        var priya = await Institution.PersonaAsync(Personas.Admissions);
        var sofia = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        var tiago = await Institution.ConstituentIdAsync(Personas.UngrantedChild);
        var requests = Institution.Get<FamilyRequests>();

        Assert.Equal(CommandStatus.NotFound, (await requests.SendAsync(rui, new SendFamilyRequest(tiago, FamilyRequestKind.Question, "Grades", "How is he doing?"))).Status);
        Assert.Equal(CommandStatus.Invalid, (await requests.SendAsync(rui, new SendFamilyRequest(sofia, FamilyRequestKind.Question, " ", "x"))).Status);
        var sent = await requests.SendAsync(rui, new SendFamilyRequest(sofia, FamilyRequestKind.Payment, "Payment plan", "Can we pay the spring fees in two parts?"));
        Assert.True(sent.Succeeded);

        var queue = await requests.QueueAsync(priya, answered: false, 0, 50);
        var row = Assert.Single(queue.Items, r => r.Id == sent.Id);
        Assert.Equal(CommandStatus.Invalid, (await requests.AnswerAsync(priya, row.Id, "  ", row.Version)).Status);
        Assert.True((await requests.AnswerAsync(priya, row.Id, "Yes: half by 14 February, half by 14 April.", row.Version)).Succeeded);
        Assert.Equal(CommandStatus.Conflict, (await requests.AnswerAsync(priya, row.Id, "Again", row.Version)).Status);

        var thread = await requests.ThreadAsync(rui, sofia);
        Assert.Equal("Yes: half by 14 February, half by 14 April.", thread.Single(t => t.Id == sent.Id).Answer);
        Assert.Empty(await requests.ThreadAsync(rui, tiago));
        Assert.Empty((await requests.QueueAsync(await Institution.PersonaAsync(Personas.Faculty), false, 0, 50)).Items);

        await using var db = await Institution.OpenAsync();
        Assert.True(await db.Interactions.AnyAsync(i => i.ConstituentId == sofia && i.Subject == "Request from Rui Almeida: Payment plan" && i.Inbound));
        Assert.True(await db.Interactions.AnyAsync(i => i.ConstituentId == rui.ConstituentId && i.Subject == "Answer about Sofia Almeida: Payment plan"));
        Assert.Contains(Directory.GetFiles(Institution.PickupDirectory, "*.eml").Select(File.ReadAllText), m => m.Contains("Re: Payment plan", StringComparison.Ordinal) && m.Contains(Personas.Parent, StringComparison.Ordinal));
    }
}
