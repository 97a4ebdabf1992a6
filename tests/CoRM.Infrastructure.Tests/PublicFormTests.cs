using System.Text.RegularExpressions;
using CoRM.Domain.Advancement;
using CoRM.Domain.Engagement;
using CoRM.Domain.Privacy;
using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Engagement;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed class PublicFormTests : InstitutionTest
{
    private const string Petition = "keep-the-library-open";

    private static FormAnswers Answers(string first, string last, string email, string? region = null, string? comment = null) =>
        new(first, last, email, null, region, comment, Consent: true);

    private async Task<(int Id, string First, string Last, string Email)> SomeoneWhoHasNotSignedAsync()
    {
        await using var db = await Institution.OpenAsync();
        var person = await db.Constituents.Where(c => c.Kind == Domain.Constituents.ConstituentKind.Person && c.Email != null && c.MergedIntoId == null
                && !db.Actions.Any(a => a.ConstituentId == c.Id && a.ActionTypeId == 1))
            .OrderBy(c => c.Id).Skip(10).FirstAsync();
        return (person.Id, person.FirstName, person.LastName, person.Email!);
    }

    [Fact]
    public async Task A_signature_with_a_known_address_lands_on_that_person_once_with_its_consent_and_changes_nothing_else()
    {
        var (id, first, last, email) = await SomeoneWhoHasNotSignedAsync();
        var forms = Institution.Get<PublicForms>();
        int people;
        await using (var db = await Institution.OpenAsync()) people = await db.Constituents.CountAsync();

        // The address typed in capitals and a region given: the rule still finds them; their record is not changed by what was typed.
        var result = await forms.SubmitAsync(Petition, Answers(first, last, email.ToUpperInvariant(), "Nowhere-land", "Students need it"));
        Assert.Equal(FormOutcome.Thanks, result.Outcome);
        var again = await forms.SubmitAsync(Petition, Answers(first, last, email));
        Assert.Equal(FormOutcome.Thanks, again.Outcome); // the same answer: nothing says "you already signed"

        await using (var db = await Institution.OpenAsync())
        {
            Assert.Equal(people, await db.Constituents.CountAsync());
            var person = await db.Constituents.SingleAsync(c => c.Id == id);
            Assert.NotEqual("Nowhere-land", person.Region);
            var action = await db.Actions.SingleAsync(a => a.ConstituentId == id && a.ActionTypeId == 1);
            Assert.Equal(("Keep the library open at night", "Students need it", Channel.WebForm), (action.Target, action.Notes, action.Channel));
            var consent = await db.ConsentRecords.SingleAsync(c => c.ConstituentId == id && c.Kind == ConsentKind.Form);
            Assert.StartsWith("I sign this petition", consent.Wording);
            Assert.Equal("to deliver the petition and to tell you how it ends", consent.Purpose);
            var submissions = await db.FormSubmissions.Where(s => s.ConstituentId == id).OrderBy(s => s.Id).ToListAsync();
            Assert.Equal([FormSubmissionStatus.Recorded, FormSubmissionStatus.Repeat], submissions.Select(s => s.Status));
            Assert.All(submissions, s => Assert.Equal(FormMatch.ExistingPerson, s.Match));
            Assert.DoesNotContain(email, submissions[0].EmailKey, StringComparison.OrdinalIgnoreCase); // hashed, not in clear
        }
    }

    [Fact]
    public async Task A_stranger_becomes_a_new_person_and_so_does_a_namesake_with_another_address()
    {
        var forms = Institution.Get<PublicForms>();
        Assert.Equal(FormOutcome.Thanks, (await forms.SubmitAsync(Petition, Answers("Odile", "Brandvold", "odile.brandvold@example.org"))).Outcome);
        var (id, first, last, _) = await SomeoneWhoHasNotSignedAsync();
        Assert.Equal(FormOutcome.Thanks, (await forms.SubmitAsync(Petition, Answers(first, last, "another.address@example.net"))).Outcome);

        await using var db = await Institution.OpenAsync();
        var odile = await db.Constituents.SingleAsync(c => c.Email == "odile.brandvold@example.org");
        Assert.Equal("Public form: keep-the-library-open", odile.Source);
        Assert.True(await db.Actions.AnyAsync(a => a.ConstituentId == odile.Id && a.ActionTypeId == 1));
        // A name alone is not a person (the matching rule): the namesake is a new record, not a change to someone else's.
        var namesake = await db.FormSubmissions.OrderByDescending(s => s.Id).FirstAsync();
        Assert.NotEqual(id, namesake.ConstituentId);
        Assert.Contains(namesake.Match, new[] { FormMatch.NewPerson, FormMatch.PossibleDuplicate });
        Assert.False(await db.Actions.AnyAsync(a => a.ConstituentId == id && a.ActionTypeId == 1));
    }

    [Fact]
    public async Task Bad_answers_bots_and_floods_record_nothing()
    {
        var forms = Institution.Get<PublicForms>();
        long before;
        await using (var db = await Institution.OpenAsync()) before = await db.FormSubmissions.CountAsync() + await db.Actions.CountAsync() + await db.Constituents.CountAsync();

        var invalid = await forms.SubmitAsync(Petition, new FormAnswers("A", "", "not-an-address", null, null, new string('x', 1001), Consent: false));
        Assert.Equal(FormOutcome.Invalid, invalid.Outcome);
        Assert.Equal(["Comment", "Consent", "Email", "LastName"], invalid.Errors.Keys.Order());
        Assert.Contains("1,001", invalid.Errors["Comment"]);

        var bot = await forms.SubmitAsync(Petition, Answers("Bot", "Bot", "bot@example.org") with { Website = "http://spam.example" });
        Assert.Equal(FormOutcome.Thanks, bot.Outcome);
        Assert.Equal(FormOutcome.NotFound, (await forms.SubmitAsync("no-such-form", Answers("A", "B", "a@example.org"))).Outcome);
        await using (var db = await Institution.OpenAsync())
            Assert.Equal(before, await db.FormSubmissions.CountAsync() + await db.Actions.CountAsync() + await db.Constituents.CountAsync());

        // One address, five answers an hour across forms; the sixth is refused, and an hour later it is welcome again.
        for (var i = 0; i < 5; i++)
            Assert.Equal(FormOutcome.Thanks, (await forms.SubmitAsync(Petition, Answers("Flo", "Od", "flo.od@example.org"))).Outcome);
        Assert.Equal(FormOutcome.TooMany, (await forms.SubmitAsync(Petition, Answers("Flo", "Od", "FLO.OD@example.org"))).Outcome);
        Institution.Time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(FormOutcome.Thanks, (await forms.SubmitAsync(Petition, Answers("Flo", "Od", "flo.od@example.org"))).Outcome);
    }

    [Fact]
    public async Task A_list_sign_up_records_nothing_until_the_address_is_confirmed_once_and_unconfirmed_details_expire()
    {
        var forms = Institution.Get<PublicForms>();
        var (id, first, last, email) = await SomeoneWhoHasNotSignedAsync();
        await using (var db = await Institution.OpenAsync())
            await db.Constituents.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.EmailOptOut, true));

        Assert.Equal(FormOutcome.CheckYourEmail, (await forms.SubmitAsync("newsletter", Answers(first, last, email, "Algarve"))).Outcome);
        string token;
        await using (var db = await Institution.OpenAsync())
        {
            Assert.False(await db.ConsentRecords.AnyAsync(c => c.ConstituentId == id && c.Kind == ConsentKind.Form));
            Assert.True((await db.Constituents.SingleAsync(c => c.Id == id)).EmailOptOut);
            var mail = await db.OutboxMessages.OrderByDescending(m => m.Id).FirstAsync();
            Assert.Equal(email, mail.ToAddress);
            token = Regex.Match(mail.TextBody, @"/f/confirm\?token=([A-Za-z0-9_-]+)").Groups[1].Value;
            Assert.NotEmpty(token);
            var pending = await db.FormSubmissions.OrderByDescending(s => s.Id).FirstAsync();
            Assert.Equal((FormSubmissionStatus.AwaitingConfirmation, (int?)null), (pending.Status, pending.ConstituentId));
        }

        Assert.False(await forms.ConfirmAsync("forged-token"));
        Assert.True(await forms.ConfirmAsync(token));
        Assert.False(await forms.ConfirmAsync(token)); // once
        await using (var db = await Institution.OpenAsync())
        {
            Assert.False((await db.Constituents.SingleAsync(c => c.Id == id)).EmailOptOut);
            Assert.True(await db.ConsentRecords.AnyAsync(c => c.ConstituentId == id && c.Kind == ConsentKind.Email && c.Given));
            Assert.True(await db.ConsentRecords.AnyAsync(c => c.ConstituentId == id && c.Kind == ConsentKind.Form && c.Wording.StartsWith("Send me Northfield news")));
            var confirmed = await db.FormSubmissions.OrderByDescending(s => s.Id).FirstAsync();
            Assert.Equal((FormSubmissionStatus.Recorded, (int?)id, (string?)null), (confirmed.Status, confirmed.ConstituentId, confirmed.PendingDetails));
        }
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var members = await Institution.Get<Segments>().PreviewAsync(tomas, [new SegmentRule(SegmentRuleKind.SubmittedForm, Text: "newsletter", Months: 1)], 0, 50);
        Assert.Contains(members.Items, m => m.Id == id);

        // A sign-up nobody confirms: after a week the retention run empties its details and the link stops working.
        Assert.Equal(FormOutcome.CheckYourEmail, (await forms.SubmitAsync("newsletter", Answers("Never", "Confirms", "never.confirms@example.org"))).Outcome);
        string late;
        await using (var db = await Institution.OpenAsync())
            late = Regex.Match((await db.OutboxMessages.OrderByDescending(m => m.Id).FirstAsync()).TextBody, @"token=([A-Za-z0-9_-]+)").Groups[1].Value;
        Institution.Time.Advance(TimeSpan.FromDays(FormSubmission.ConfirmationDays + 1));
        await Institution.Get<Privacy.RetentionJob>().RunAsync();
        Assert.False(await forms.ConfirmAsync(late));
        await using (var db = await Institution.OpenAsync())
        {
            var expired = await db.FormSubmissions.OrderByDescending(s => s.Id).FirstAsync();
            Assert.Equal((FormSubmissionStatus.Expired, (string?)null), (expired.Status, expired.PendingDetails));
            Assert.False(await db.Constituents.AnyAsync(c => c.Email == "never.confirms@example.org"));
        }
    }

    [Fact]
    public async Task An_rsvp_takes_a_place_once_a_full_event_keeps_a_waiting_list_that_moves_up_and_a_closed_form_takes_no_more()
    {
        var forms = Institution.Get<PublicForms>();
        var (id, first, last, email) = await SomeoneWhoHasNotSignedAsync();
        Assert.Equal(FormOutcome.Thanks, (await forms.SubmitAsync("open-lecture", Answers(first, last, email))).Outcome);
        Assert.Equal(FormOutcome.Thanks, (await forms.SubmitAsync("open-lecture", Answers(first, last, email))).Outcome);
        await using (var db = await Institution.OpenAsync())
        {
            var lecture = await db.GivingEvents.SingleAsync(e => e.Name == "Open lecture: water and cities");
            Assert.Equal(1, await db.EventRegistrations.CountAsync(r => r.EventId == lecture.Id && r.ConstituentId == id));
            // Fill the lecture: the next reply is told it is full, the page says so.
            await db.GivingEvents.Where(e => e.Id == lecture.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Capacity, 1));
        }
        Assert.True((await forms.GetAsync("open-lecture"))!.EventFull);
        Assert.Equal(FormOutcome.Waitlisted, (await forms.SubmitAsync("open-lecture", Answers("Late", "Comer", "late.comer@example.org"))).Outcome);
        Assert.Equal(FormOutcome.Waitlisted, (await forms.SubmitAsync("open-lecture", Answers("Later", "Still", "later.still@example.org"))).Outcome);
        // The guest who holds the place replies again and hears what a newcomer would: a stranger typing their address learns nothing.
        Assert.Equal(FormOutcome.Waitlisted, (await forms.SubmitAsync("open-lecture", Answers(first, last, email))).Outcome);

        // The first guest cancels: the first on the waiting list gets the place and an e-mail; the second keeps waiting.
        var tomasScope = await Institution.PersonaAsync(Personas.Advancement);
        int firstGuest;
        await using (var db = await Institution.OpenAsync())
            firstGuest = await db.EventRegistrations.Where(r => r.ConstituentId == id && r.CancelledAt == null).Select(r => r.Id).SingleAsync();
        Assert.True((await Institution.Get<GivingEvents>().CancelAsync(tomasScope, firstGuest, refund: false)).Succeeded);
        await using (var db = await Institution.OpenAsync())
        {
            var late = await db.EventRegistrations.SingleAsync(r => db.Constituents.Any(c => c.Id == r.ConstituentId && c.Email == "late.comer@example.org"));
            var later = await db.EventRegistrations.SingleAsync(r => db.Constituents.Any(c => c.Id == r.ConstituentId && c.Email == "later.still@example.org"));
            Assert.Equal((false, true), (late.Waitlisted, later.Waitlisted));
            Assert.True(await db.OutboxMessages.AnyAsync(m => m.DedupKey == $"event-promoted:{late.Id}" && m.ToAddress == "late.comer@example.org"));
        }

        var admin = Institution.Get<PublicFormAdministration>();
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var row = (await admin.ListAsync(tomas)).Single(f => f.Slug == "open-lecture");
        Assert.Equal(3, row.Recorded); // one place and two on the waiting list
        Assert.True((await admin.SetOpenAsync(tomas, row.Id, false, row.Version)).Succeeded);
        Assert.Equal(FormOutcome.Closed, (await forms.SubmitAsync("open-lecture", Answers("A", "B", "a.b@example.org"))).Outcome);
    }

    [Fact]
    public async Task Staff_create_forms_only_with_a_reason_for_every_field_and_only_the_engagement_office_sees_them()
    {
        var admin = Institution.Get<PublicFormAdministration>();
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        NewPublicForm Request(string slug, IReadOnlyList<FormFieldSpec>? fields = null, int? eventId = null, PublicFormKind kind = PublicFormKind.Petition) =>
            new(kind, slug, "Save the old oak", "The oak by the main gate is to be cut down.", fields ?? [], "I sign.", "to deliver the petition", 1, eventId);

        Assert.Equal(CommandStatus.NotFound, (await admin.CreateAsync(await Institution.PersonaAsync(Personas.Faculty), Request("save-the-oak"))).Status);
        Assert.Empty(await admin.ListAsync(await Institution.PersonaAsync(Personas.CaseWorker)));
        Assert.Equal(CommandStatus.Invalid, (await admin.CreateAsync(tomas, Request("Save The Oak!"))).Status);
        Assert.Equal(CommandStatus.Invalid, (await admin.CreateAsync(tomas, Request("confirm"))).Status);
        Assert.Equal(CommandStatus.Invalid, (await admin.CreateAsync(tomas, Request("save-the-oak", [new(FormField.Phone, true, " ")]))).Status);
        Assert.Equal(CommandStatus.Invalid, (await admin.CreateAsync(tomas, Request("keep-the-library-open"))).Status);
        int gala;
        await using (var db = await Institution.OpenAsync())
        {
            gala = await db.GivingEvents.Where(e => e.Name == "Scholarship gala").Select(e => e.Id).SingleAsync();
            await db.GivingEvents.Where(e => e.Id == gala).ExecuteUpdateAsync(s => s.SetProperty(e => e.StartsAt, Institution.Time.GetUtcNow().UtcDateTime.AddDays(30)));
        }
        var paid = await admin.CreateAsync(tomas, Request("gala-rsvp", kind: PublicFormKind.Rsvp, eventId: gala));
        Assert.Contains("free events", paid.Message);

        var created = await admin.CreateAsync(tomas, Request("save-the-oak", [new(FormField.Comment, false, "to quote you to the council")]));
        Assert.True(created.Succeeded, created.Message);
        var detail = await admin.GetAsync(tomas, (int)created.Id!.Value);
        Assert.Equal("to quote you to the council", detail!.Fields.Single().Why);
        Assert.Equal(PublicFormAdministration.DetailDays, detail.PerDay.Count);
        Assert.Null(await admin.GetAsync(await Institution.PersonaAsync(Personas.Faculty), (int)created.Id!.Value));
    }
}
