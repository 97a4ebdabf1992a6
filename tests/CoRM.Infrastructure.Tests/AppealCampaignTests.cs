using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Jobs;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed class AppealCampaignTests
{
    private const string Body = "Dear {{FirstName}},\n\nYou have given {{LifetimeGiving}} to Northfield; your last gift was {{LastGiftAmount}}.\n\nNo more e-mails: {{UnsubscribeLink}}";

    /// <summary>A segment that ignores consent, so the send itself must skip those who opted out.</summary>
    private static async Task<int> DonorsSegmentAsync(TestInstitution institution)
    {
        var tomas = await institution.PersonaAsync(Personas.Advancement);
        var saved = await institution.Get<Segments>().SaveAsync(tomas, null, "All donors", null, [new SegmentRule(SegmentRuleKind.GaveWithinMonths, Months: 240)], null);
        Assert.True(saved.Succeeded, saved.Message);
        return (int)saved.Id!.Value;
    }

    [Fact]
    public async Task A_campaign_reaches_each_consenting_member_once_through_smtp_and_is_logged()
    {
        await using var sink = new SmtpSink();
        await using var institution = await TestInstitution.CreateAsync(sink.Settings());
        var tomas = await institution.PersonaAsync(Personas.Advancement);
        var segment = await DonorsSegmentAsync(institution);
        var now = institution.Time.GetUtcNow().UtcDateTime;
        var created = await institution.Get<AppealCampaigns>().CreateAsync(tomas, new NewCampaign("Winter scholarship appeal", segment, "{{FirstName}}, a scholarship for winter", Body, now, 800m));
        Assert.True(created.Succeeded, created.Message);

        int members, consenting;
        await using (var db = await institution.OpenAsync())
        {
            var donors = await db.Gifts.Select(g => g.DonorId).Distinct().ToListAsync();
            members = donors.Count;
            consenting = await db.Constituents.Where(c => donors.Contains(c.Id)).Where(Constituent.MayBeEmailed).CountAsync();
        }
        Assert.True(members > consenting, "the demo has donors who opted out");

        var job = institution.Get<AppealCampaignJob>();
        var first = await job.RunAsync();
        Assert.Equal((1, consenting, members - consenting), (first.Campaigns, first.Rendered, first.Skipped));
        var again = await job.RunAsync();
        Assert.Equal((0, 0), (again.Rendered, again.Skipped));

        var appeals = sink.Messages.Where(m => m.Contains("a scholarship for winter", StringComparison.Ordinal)).ToList();
        Assert.Equal(consenting, appeals.Count);
        Assert.All(appeals, m => Assert.Contains("/unsubscribe?token=", m, StringComparison.Ordinal));
        await using var check = await institution.OpenAsync();
        var campaign = await check.AppealCampaigns.SingleAsync(c => c.Id == created.Id);
        Assert.Equal(CampaignStatus.Sent, campaign.Status);
        Assert.Equal(consenting, await check.Interactions.CountAsync(i => i.Topic == Topic.Giving && i.Subject == "Appeal: Winter scholarship appeal"));
        var keys = await check.OutboxMessages.Where(m => m.DedupKey.StartsWith("appeal:")).Select(m => m.DedupKey).ToListAsync();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(0, await check.OutboxMessages.CountAsync(m => m.SentAt == null));
    }

    [Fact]
    public async Task Two_instances_sending_at_once_queue_each_message_once()
    {
        await using var institution = await TestInstitution.CreateAsync();
        var tomas = await institution.PersonaAsync(Personas.Advancement);
        var segment = await DonorsSegmentAsync(institution);
        var now = institution.Time.GetUtcNow().UtcDateTime;
        var created = await institution.Get<AppealCampaigns>().CreateAsync(tomas, new NewCampaign("Race", segment, "Hello {{FirstName}}", Body, now, 0m));
        Assert.True(created.Succeeded);
        var id = (int)created.Id!.Value;

        var runs = await Task.WhenAll(institution.Get<AppealCampaignJob>().RunAsync(), institution.Get<AppealCampaignJob>().RunAsync());

        await using var db = await institution.OpenAsync();
        var queued = await db.OutboxMessages.CountAsync(m => m.DedupKey.StartsWith($"appeal:{id}:"));
        Assert.Equal(await db.CampaignRecipients.CountAsync(r => r.CampaignId == id && r.Status == RecipientStatus.Sent), queued);
        Assert.Equal(queued, runs.Sum(r => r.Rendered));
        Assert.Equal(0, await db.CampaignRecipients.CountAsync(r => r.CampaignId == id && r.Status == RecipientStatus.Queued));
        Assert.Equal(await db.Gifts.Select(g => g.DonorId).Distinct().CountAsync(), await db.CampaignRecipients.CountAsync(r => r.CampaignId == id)); // one snapshot, not two
    }

    [Fact]
    public async Task A_portal_stopped_between_rendering_and_sending_sends_each_message_once_after_restart()
    {
        await using var sink = new SmtpSink();
        await using var institution = await TestInstitution.CreateAsync(sink.Settings());
        var tomas = await institution.PersonaAsync(Personas.Advancement);
        var segment = await DonorsSegmentAsync(institution);
        var created = await institution.Get<AppealCampaigns>().CreateAsync(tomas, new NewCampaign("Restart", segment, "Restart {{FirstName}}", Body, institution.Time.GetUtcNow().UtcDateTime, 0m));
        Assert.True(created.Succeeded, created.Message);

        // The first run renders and is stopped before its dispatch: nothing has gone out.
        var before = sink.Messages.Count;
        var rendered = (await institution.Get<AppealCampaignJob>().RunAsync(dispatch: false, CancellationToken.None)).Rendered;
        Assert.True(rendered > 0);
        Assert.Equal(before, sink.Messages.Count); // nothing sent yet

        // After the restart the job finds nothing left to render, and the dispatcher (run twice) sends each message once.
        Assert.Equal(0, (await institution.Get<AppealCampaignJob>().RunAsync()).Rendered);
        var dispatcher = institution.Get<CoRM.Infrastructure.Email.OutboxDispatcher>();
        await dispatcher.DispatchPendingAsync();
        await dispatcher.DispatchPendingAsync();
        Assert.Equal(rendered, sink.Messages.Count(m => m.Contains("You have given", StringComparison.Ordinal)));
        await using var db = await institution.OpenAsync();
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.DedupKey.StartsWith($"appeal:{created.Id}:") && m.SentAt == null));
    }

    [Fact]
    public async Task The_unsubscribe_link_opts_out_its_own_recipient_only_and_results_count_the_responses()
    {
        await using var institution = await TestInstitution.CreateAsync();
        var tomas = await institution.PersonaAsync(Personas.Advancement);
        var segment = await DonorsSegmentAsync(institution);
        var now = institution.Time.GetUtcNow().UtcDateTime;
        var created = await institution.Get<AppealCampaigns>().CreateAsync(tomas, new NewCampaign("Results", segment, "Hello", Body, now, 500m));
        await institution.Get<AppealCampaignJob>().RunAsync();

        var links = institution.Get<UnsubscribeLinks>();
        int recipient;
        string token;
        await using (var db = await institution.OpenAsync())
        {
            recipient = await db.CampaignRecipients.Where(r => r.Status == RecipientStatus.Sent).OrderBy(r => r.Id).Select(r => r.ConstituentId).FirstAsync();
            var body = await db.OutboxMessages.Where(m => m.DedupKey == $"appeal:{created.Id}:{recipient}").Select(m => m.TextBody).SingleAsync();
            token = Uri.UnescapeDataString(body[(body.IndexOf("token=", StringComparison.Ordinal) + 6)..].Trim());
        }
        Assert.False(await links.OptOutAsync("forged"));
        Assert.True(await links.OptOutAsync(token));
        await using (var db = await institution.OpenAsync())
        {
            Assert.True(await db.Constituents.Where(c => c.Id == recipient).Select(c => c.EmailOptOut).SingleAsync());
            Assert.Equal(1, await db.Constituents.CountAsync(c => c.EmailOptOut && db.Interactions.Any(i => i.ConstituentId == c.Id && i.Subject == "Unsubscribed from e-mail")));
        }

        // Two responses: a recipient giving within the window, and a gift coded to the appeal by someone else.
        var giving = institution.Get<GivingRecords>();
        var today = DateOnly.FromDateTime(now);
        int fund, appeal, outsider;
        await using (var db = await institution.OpenAsync())
        {
            fund = await db.Funds.Select(f => f.Id).FirstAsync();
            appeal = await db.AppealCampaigns.Where(c => c.Id == created.Id).Select(c => c.AppealId).SingleAsync();
            outsider = await db.Constituents.Where(c => !db.CampaignRecipients.Any(r => r.ConstituentId == c.Id) && c.Kind == ConstituentKind.Person).Select(c => c.Id).FirstAsync();
        }
        Assert.True((await giving.RecordGiftAsync(tomas, new RecordGiftRequest(recipient, 100m, null, today, fund, Domain.Advancement.PaymentMethod.Card))).Succeeded);
        Assert.True((await giving.RecordGiftAsync(tomas, new RecordGiftRequest(outsider, 150m, null, today, fund, Domain.Advancement.PaymentMethod.Card, AppealId: appeal))).Succeeded);

        var before = (await institution.Get<AppealCampaigns>().ResultsAsync(tomas, (int)created.Id!.Value))!.Actions;
        await using (var db = await institution.OpenAsync())
        {
            // A recipient signs a petition after the send (an action), and one signed before it (not one).
            var petition = await db.ActionTypes.SingleAsync(t => t.Name == "Signed a petition");
            Engagement.ActionRecords.Add(db, recipient, petition, today, Channel.WebForm, "More study rooms", null, null, null, null, today, now);
            Engagement.ActionRecords.Add(db, recipient, petition, today.AddDays(-3), Channel.WebForm, "Longer hours", null, null, null, null, today, now);
            await db.SaveChangesAsync();
        }
        var results = await institution.Get<AppealCampaigns>().ResultsAsync(tomas, (int)created.Id!.Value);
        Assert.Equal(before + 1, results!.Actions);
        Assert.True(results!.Raised >= 250m);
        Assert.True(results.Responders >= 2);
        Assert.True(results.RecipientResponders >= 1 && results.RecipientResponders < results.Responders); // the outsider's coded gift is money, not a response
        Assert.Equal((double)results.RecipientResponders / results.Emailed, results.ResponseRate);
        Assert.Equal(results.Raised / results.Gifts, results.AverageGift!.Value, 2);
        Assert.Equal(Math.Round(500m / results.Raised, 4), results.CostPerUnitRaised);
        Assert.Equal(results.Recipients, results.ByRecency.Sum(r => r.Recipients));
        Assert.Equal(results.Recipients, results.ByRegion.Sum(r => r.Recipients));
        Assert.Equal(results.ByRecency.Sum(r => r.Raised), results.ByRegion.Sum(r => r.Raised));
        Assert.True(results.ByRegion.Sum(r => r.Raised) >= 100m); // the recipient's gift, wherever they live
        Assert.Null(await institution.Get<AppealCampaigns>().ResultsAsync(await institution.PersonaAsync(Personas.Faculty), (int)created.Id!.Value));
    }

    [Fact]
    public async Task A_letter_campaign_prints_one_letter_per_addressable_member_once_and_logs_each()
    {
        await using var institution = await TestInstitution.CreateAsync();
        var tomas = await institution.PersonaAsync(Personas.Advancement);
        var segment = await DonorsSegmentAsync(institution);
        var now = institution.Time.GetUtcNow().UtcDateTime;
        var campaigns = institution.Get<AppealCampaigns>();
        var created = await campaigns.CreateAsync(tomas, new NewCampaign("Spring letter", segment, "A spring letter for {{FirstName}}", Body, now, 300m, Channel: CampaignChannel.Letter));
        Assert.True(created.Succeeded, created.Message);
        var id = (int)created.Id!.Value;

        int members, addressable, optedOut, noPost;
        await using (var db = await institution.OpenAsync())
        {
            var donors = await db.Gifts.Select(g => g.DonorId).Distinct().ToListAsync();
            members = donors.Count;
            addressable = await db.Constituents.CountAsync(c => donors.Contains(c.Id) && !c.DoNotContact && db.Addresses.Any(a => a.ConstituentId == c.Id));
            // E-mail opt-out is about e-mail: this donor still gets the letter (do-not-contact would stop it).
            optedOut = await db.Constituents.Where(c => donors.Contains(c.Id) && !c.DoNotContact && db.Addresses.Any(a => a.ConstituentId == c.Id)).Select(c => c.Id).FirstAsync();
            await db.Constituents.Where(c => c.Id == optedOut).ExecuteUpdateAsync(x => x.SetProperty(c => c.EmailOptOut, true));
            // No appeals by post does stop it.
            noPost = await db.Constituents.Where(c => donors.Contains(c.Id) && !c.DoNotContact && c.Id != optedOut && db.Addresses.Any(a => a.ConstituentId == c.Id)).Select(c => c.Id).FirstAsync();
            await db.Constituents.Where(c => c.Id == noPost).ExecuteUpdateAsync(x => x.SetProperty(c => c.PostOptOut, true));
            addressable--;
        }
        Assert.True(addressable > 0 && addressable < members, "the demo has donors with and without a postal address or consent");

        var job = institution.Get<AppealCampaignJob>();
        var first = await job.RunAsync();
        Assert.Equal((addressable, members - addressable), (first.Rendered, first.Skipped));
        Assert.Equal((0, 0), ((await job.RunAsync()).Rendered, (await job.RunAsync()).Skipped));

        await using (var db = await institution.OpenAsync())
        {
            Assert.Equal(CampaignStatus.Sent, await db.AppealCampaigns.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());
            Assert.Equal(addressable, await db.Interactions.CountAsync(i => i.Channel == Channel.Letter && i.Subject == "Appeal letter: Spring letter"));
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.DedupKey.StartsWith("appeal:" + id + ":"))); // nothing e-mailed
            var letters = await db.CampaignRecipients.Where(r => r.CampaignId == id && r.Status == RecipientStatus.Sent).Select(r => new { r.LetterBody, r.MailingAddress, r.OptOutCode }).ToListAsync();
            Assert.All(letters, l => Assert.StartsWith("A spring letter for ", l.LetterBody, StringComparison.Ordinal));
            // Paper gets a short code for "no more post", not the e-mail token.
            Assert.All(letters, l => Assert.Matches(@"^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$", l.OptOutCode));
            Assert.All(letters, l => Assert.Contains($"/u/{l.OptOutCode}", l.LetterBody, StringComparison.Ordinal));
            Assert.DoesNotContain(letters, l => l.LetterBody!.Contains("token=", StringComparison.Ordinal));
            Assert.Equal(letters.Count, letters.Select(l => l.OptOutCode).Distinct().Count());
            Assert.Equal(RecipientStatus.SkippedNoConsent, await db.CampaignRecipients.Where(r => r.CampaignId == id && r.ConstituentId == noPost).Select(r => r.Status).SingleAsync());
            Assert.All(letters, l => Assert.False(string.IsNullOrWhiteSpace(l.MailingAddress)));
        }
        await using (var db = await institution.OpenAsync())
            Assert.Equal(RecipientStatus.Sent, await db.CampaignRecipients.Where(r => r.CampaignId == id && r.ConstituentId == optedOut).Select(r => r.Status).SingleAsync());

        var pdf = await campaigns.LettersPdfAsync(tomas, id, 1);
        Assert.NotNull(pdf);
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf.Content), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        Assert.Equal(addressable, document.PageCount);
        Assert.Null(await campaigns.LettersPdfAsync(tomas, id, 2));
        Assert.Null(await campaigns.LettersPdfAsync(await institution.PersonaAsync(Personas.Faculty), id, 1));
        var results = await campaigns.ResultsAsync(tomas, id);
        Assert.Equal((CampaignChannel.Letter, addressable, 1), (results!.Channel, results.Emailed, results.LetterFiles));
    }

    [Fact]
    public async Task The_code_on_a_letter_stops_appeals_by_post_for_that_person_only()
    {
        await using var institution = await TestInstitution.CreateAsync();
        var tomas = await institution.PersonaAsync(Personas.Advancement);
        var segment = await DonorsSegmentAsync(institution);
        var campaigns = institution.Get<AppealCampaigns>();
        var id = (int)(await campaigns.CreateAsync(tomas, new NewCampaign("Autumn letter", segment, "Autumn", Body, institution.Time.GetUtcNow().UtcDateTime, 0m, Channel: CampaignChannel.Letter))).Id!.Value;
        await institution.Get<AppealCampaignJob>().RunAsync();
        (int Person, string Code) letter;
        await using (var db = await institution.OpenAsync())
            letter = await db.CampaignRecipients.Where(r => r.CampaignId == id && r.OptOutCode != null).OrderBy(r => r.Id).Select(r => new { r.ConstituentId, r.OptOutCode }).FirstAsync() is var first ? (first.ConstituentId, first.OptOutCode!) : default;
        var links = institution.Get<UnsubscribeLinks>();

        Assert.False(await links.OptOutOfPostAsync("00000-00000"));
        Assert.False(await links.OptOutOfPostAsync("not a code"));
        Assert.True(await links.PostCodeExistsAsync(letter.Code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal))); // typed loosely from paper
        Assert.True(await links.OptOutOfPostAsync(letter.Code));
        Assert.True(await links.OptOutOfPostAsync(letter.Code)); // again: harmless

        await using var check = await institution.OpenAsync();
        var person = await check.Constituents.SingleAsync(c => c.Id == letter.Person);
        Assert.True(person.PostOptOut);
        Assert.False(person.DoNotContact);
        Assert.Equal(1, await check.Interactions.CountAsync(i => i.ConstituentId == letter.Person && i.Subject == "No more appeals by post"));
        Assert.Equal(1, await check.Constituents.CountAsync(c => c.PostOptOut));
    }
}
