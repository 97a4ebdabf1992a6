using CoRM.Domain.Advancement;
using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf.IO;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed class ReceiptTests : InstitutionTest
{
    private DateOnly Today => DateOnly.FromDateTime(Institution.Time.GetUtcNow().UtcDateTime);

    /// <summary>A donor with at least two deductible gifts last year and none receipted.</summary>
    private async Task<(int Donor, int Year, List<Gift> Gifts)> DonorWithGiftsLastYearAsync()
    {
        await using var db = await Institution.OpenAsync();
        var year = Today.Year - 1;
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var donor = await db.Gifts.Where(g => g.ReceivedOn >= from && g.ReceivedOn <= to && g.DeductibleAmount > 0 && g.Currency == "EUR")
            .Where(g => !db.Receipts.Any(r => r.DonorId == g.DonorId)) // the demo has receipted some donors already
            .GroupBy(g => g.DonorId).Where(g => g.Count() >= 2).OrderBy(g => g.Key).Select(g => g.Key).FirstAsync();
        var gifts = await db.Gifts.Where(g => g.DonorId == donor && g.ReceivedOn >= from && g.ReceivedOn <= to && g.DeductibleAmount > 0).OrderBy(g => g.ReceivedOn).ToListAsync();
        return (donor, year, gifts);
    }

    [Fact]
    public async Task A_gift_receipt_is_numbered_and_a_second_receipt_for_it_is_refused()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var receipts = Institution.Get<Receipts>();
        var (donor, _, gifts) = await DonorWithGiftsLastYearAsync();

        var issued = await receipts.IssueForGiftAsync(tomas, gifts[0].Id);
        Assert.True(issued.Succeeded, issued.Message);
        var again = await receipts.IssueForGiftAsync(tomas, gifts[0].Id);
        Assert.Equal(CommandStatus.Invalid, again.Status);

        var rows = await receipts.ForDonorAsync(tomas, donor);
        var row = Assert.Single(rows);
        Assert.Matches(@"^\d{4}-\d{6}$", row.Number);
        Assert.Contains(row.Number, again.Message, StringComparison.Ordinal);
        Assert.Equal(gifts[0].DeductibleAmount, row.Deductible);
        Assert.True(row.Current);

        var pdf = await receipts.PdfAsync(tomas, row.Id);
        Assert.NotNull(pdf);
        Assert.Equal($"receipt-{row.Number}.pdf", pdf.FileName);
        using var document = PdfReader.Open(new MemoryStream(pdf.Content), PdfDocumentOpenMode.Import);
        Assert.Equal(1, document.PageCount);
        Assert.Equal($"Receipt {row.Number}", document.Info.Title);
    }

    [Fact]
    public async Task Reissuing_voids_the_receipt_and_the_replacement_names_it()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var receipts = Institution.Get<Receipts>();
        var (donor, _, gifts) = await DonorWithGiftsLastYearAsync();
        var first = await receipts.IssueForGiftAsync(tomas, gifts[0].Id);

        Assert.Equal(CommandStatus.Invalid, (await receipts.ReissueAsync(tomas, (int)first.Id!.Value, "  ")).Status); // a reason is required
        var second = await receipts.ReissueAsync(tomas, (int)first.Id!.Value, "Donor moved house");
        Assert.True(second.Succeeded, second.Message);
        Assert.Equal(CommandStatus.Invalid, (await receipts.ReissueAsync(tomas, (int)first.Id!.Value, "Again")).Status); // only the current one

        var rows = await receipts.ForDonorAsync(tomas, donor);
        var voided = rows.Single(r => r.Id == first.Id);
        var current = rows.Single(r => r.Id == second.Id);
        Assert.False(voided.Current);
        Assert.Equal("Donor moved house", voided.VoidReason);
        Assert.Equal(current.Number, voided.ReplacedBy);
        Assert.Equal(voided.Number, current.Replaces);
        Assert.NotEqual(voided.Number, current.Number);
        Assert.True(current.Current);
        Assert.NotNull(await receipts.PdfAsync(tomas, voided.Id)); // the old one can still be reprinted, marked void
    }

    [Fact]
    public async Task Voiding_without_a_replacement_leaves_the_gift_unreceipted_and_keeps_the_number()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var receipts = Institution.Get<Receipts>();
        var (donor, year, gifts) = await DonorWithGiftsLastYearAsync();
        var first = await receipts.IssueForGiftAsync(tomas, gifts[0].Id);
        var id = (int)first.Id!.Value;

        Assert.Equal(CommandStatus.Invalid, (await receipts.VoidAsync(tomas, id, "")).Status); // a reason is required
        Assert.Equal(CommandStatus.NotFound, (await receipts.VoidAsync(await Institution.PersonaAsync(Personas.Faculty), id, "Mine")).Status);
        Assert.True((await receipts.ForDonorAsync(tomas, donor)).Single().Current);

        Assert.True((await receipts.VoidAsync(tomas, id, "Issued to the wrong donor")).Succeeded);
        Assert.Equal(CommandStatus.Invalid, (await receipts.VoidAsync(tomas, id, "Again")).Status);
        Assert.Equal(CommandStatus.Invalid, (await receipts.ReissueAsync(tomas, id, "Too late")).Status);

        var row = Assert.Single(await receipts.ForDonorAsync(tomas, donor));
        Assert.Equal((false, "Issued to the wrong donor", (string?)null), (row.Current, row.VoidReason, row.ReplacedBy));
        Assert.Contains(year, await receipts.YearsToReceiptAsync(tomas, donor));
        var again = await receipts.IssueForGiftAsync(tomas, gifts[0].Id); // the gift can be receipted again, under a new number
        Assert.True(again.Succeeded, again.Message);
        Assert.NotEqual(row.Number, (await receipts.ForDonorAsync(tomas, donor)).Single(r => r.Id == again.Id).Number);
        Assert.NotNull(await receipts.PdfAsync(tomas, id));
        await using var db = await Institution.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.RecordType == nameof(Receipt) && a.Detail == $"Receipt {row.Number} voided: Issued to the wrong donor"));
    }

    [Fact]
    public async Task An_annual_summary_covers_the_years_unreceipted_gifts_once()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var receipts = Institution.Get<Receipts>();
        var (donor, year, gifts) = await DonorWithGiftsLastYearAsync();
        Assert.Contains(year, await receipts.YearsToReceiptAsync(tomas, donor));
        await receipts.IssueForGiftAsync(tomas, gifts[0].Id);

        var summary = await receipts.IssueAnnualSummaryAsync(tomas, donor, year);
        Assert.True(summary.Succeeded, summary.Message);
        var row = (await receipts.ForDonorAsync(tomas, donor)).Single(r => r.Id == summary.Id);
        Assert.Equal(ReceiptKind.AnnualSummary, row.Kind);
        Assert.Equal(gifts.Count - 1, row.Gifts);
        Assert.Equal(gifts.Skip(1).Sum(g => g.DeductibleAmount), row.Deductible);
        Assert.DoesNotContain(year, await receipts.YearsToReceiptAsync(tomas, donor));
        var nothingLeft = await receipts.IssueAnnualSummaryAsync(tomas, donor, year);
        Assert.Equal(CommandStatus.Invalid, nothingLeft.Status);
        Assert.Contains("nothing left", nothingLeft.Message, StringComparison.Ordinal);

        var pdf = await receipts.PdfAsync(tomas, row.Id);
        using var document = PdfReader.Open(new MemoryStream(pdf!.Content), PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 1);
    }

    [Fact]
    public async Task Two_people_receipting_the_same_gift_at_once_make_one_receipt_and_numbers_never_repeat()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var receipts = Institution.Get<Receipts>();
        var (donor, _, gifts) = await DonorWithGiftsLastYearAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => receipts.IssueForGiftAsync(tomas, gifts[0].Id))));
        Assert.Single(results, r => r.Succeeded);
        var others = await Task.WhenAll(gifts.Skip(1).Select(g => Task.Run(() => receipts.IssueForGiftAsync(tomas, g.Id))));
        Assert.All(others, r => Assert.True(r.Succeeded, r.Message));

        await using var db = await Institution.OpenAsync();
        var numbers = await db.Receipts.Select(r => r.Number).ToListAsync(); // the demo's and these
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(gifts.Count, await db.Receipts.CountAsync(r => r.DonorId == donor));
    }

    [Fact]
    public async Task A_ticket_worth_its_price_gets_no_receipt_and_other_roles_get_nothing()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var receipts = Institution.Get<Receipts>();
        var giving = Institution.Get<GivingRecords>();
        var (donor, _, gifts) = await DonorWithGiftsLastYearAsync();
        var ticket = await giving.RecordGiftAsync(tomas, new RecordGiftRequest(donor, 80m, null, Today, gifts[0].FundId, PaymentMethod.Card, GiftKind.EventTicket, BenefitValue: 80m));
        Assert.True(ticket.Succeeded, ticket.Message);

        var refused = await receipts.IssueForGiftAsync(tomas, (int)ticket.Id!.Value);
        Assert.Equal(CommandStatus.Invalid, refused.Status);
        Assert.Contains("no deductible part", refused.Message, StringComparison.Ordinal);

        var issued = await receipts.IssueForGiftAsync(tomas, gifts[0].Id);
        foreach (var persona in new[] { Personas.Faculty, Personas.Parent, Personas.VolunteerCoordinator, Personas.StudentSuccess, Personas.Admissions })
        {
            var other = await Institution.PersonaAsync(persona);
            Assert.Equal(CommandStatus.NotFound, (await receipts.IssueForGiftAsync(other, gifts[1].Id)).Status);
            Assert.Null(await receipts.PdfAsync(other, (int)issued.Id!.Value));
            Assert.Empty(await receipts.ForDonorAsync(other, donor));
            Assert.Equal(CommandStatus.NotFound, (await receipts.ReissueAsync(other, (int)issued.Id!.Value, "x")).Status);
        }
        await using var db = await Institution.OpenAsync();
        Assert.Equal(1, await db.Receipts.CountAsync(r => r.DonorId == donor));
    }

    [Fact]
    public async Task A_receipt_is_emailed_with_its_pdf_through_smtp_only_to_donors_who_accept_email()
    {
        await using var sink = new SmtpSink();
        await using var institution = await TestInstitution.CreateAsync(sink.Settings());
        var tomas = await institution.PersonaAsync(Personas.Advancement);
        var receipts = institution.Get<Receipts>();
        int donor, refuser, gift, refuserGift;
        string email;
        await using (var db = await institution.OpenAsync())
        {
            var unreceipted = db.Gifts.Where(g => g.DeductibleAmount > 0 && !db.ReceiptLines.Any(l => l.GiftId == g.Id));
            (donor, gift, email) = await unreceipted.Join(db.Constituents.Where(Domain.Constituents.Constituent.MayBeEmailed), g => g.DonorId, c => c.Id, (g, c) => new { c.Id, Gift = g.Id, c.Email })
                .OrderBy(x => x.Gift).FirstAsync() is var first ? (first.Id, first.Gift, first.Email!) : default;
            (refuser, refuserGift) = await unreceipted.Join(db.Constituents.Where(c => c.EmailOptOut || c.DoNotContact), g => g.DonorId, c => c.Id, (g, c) => new { c.Id, Gift = g.Id })
                .OrderBy(x => x.Gift).FirstAsync() is var second ? (second.Id, second.Gift) : default;
        }
        var receipt = (int)(await receipts.IssueForGiftAsync(tomas, gift)).Id!.Value;
        var refused = (int)(await receipts.IssueForGiftAsync(tomas, refuserGift)).Id!.Value;

        Assert.True((await receipts.EmailAsync(tomas, receipt)).Succeeded);
        Assert.Equal(CommandStatus.Invalid, (await receipts.EmailAsync(tomas, refused)).Status);
        Assert.Equal(CommandStatus.NotFound, (await receipts.EmailAsync(await institution.PersonaAsync(Personas.Faculty), receipt)).Status);
        Assert.Equal(1, await institution.Get<CoRM.Infrastructure.Email.OutboxDispatcher>().DispatchPendingAsync());

        var number = (await receipts.ForDonorAsync(tomas, donor)).Single(r => r.Id == receipt).Number;
        var raw = Assert.Single(sink.Messages, m => m.Contains($"Your receipt {number}", StringComparison.Ordinal));
        using var mime = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
        Assert.Equal(email, mime.To.Mailboxes.Single().Address);
        var attachment = Assert.IsType<MimeKit.MimePart>(Assert.Single(mime.Attachments));
        Assert.Equal($"receipt-{number}.pdf", attachment.FileName);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        using var document = PdfReader.Open(new MemoryStream(content.ToArray()), PdfDocumentOpenMode.Import);
        Assert.Equal($"Receipt {number}", document.Info.Title);

        // Sent again on request (a lost e-mail) as a second message; a void receipt is not sent.
        Assert.True((await receipts.EmailAsync(tomas, receipt)).Succeeded);
        Assert.True((await receipts.VoidAsync(tomas, receipt, "Issued in error")).Succeeded);
        Assert.Equal(CommandStatus.Invalid, (await receipts.EmailAsync(tomas, receipt)).Status);
        await using var check = await institution.OpenAsync();
        Assert.Equal(2, await check.OutboxMessages.CountAsync(m => m.AttachmentRef == $"receipt:{receipt}"));
        Assert.Equal(2, await check.Interactions.CountAsync(i => i.ConstituentId == donor && i.Subject == $"Receipt {number} e-mailed"));
        Assert.False(await check.OutboxMessages.AnyAsync(m => m.RecipientConstituentId == refuser && m.AttachmentRef != null));
    }

    [Fact]
    public async Task The_year_end_run_can_email_each_summary_to_donors_who_accept_email()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var receipts = Institution.Get<Receipts>();
        var year = Today.Year - 1;
        int before;
        await using (var seeded = await Institution.OpenAsync())
            before = await seeded.Receipts.MaxAsync(r => (int?)r.Id) ?? 0; // the demo has issued some receipts already
        var run = await receipts.IssueAnnualSummariesAsync(tomas, year, email: true);
        Assert.True(run.Issued > 0);

        await using var db = await Institution.OpenAsync();
        var issuedTo = await db.Receipts.Where(r => r.Id > before).Select(r => r.DonorId).ToListAsync();
        Assert.Equal(run.Issued, issuedTo.Count);
        var accepting = await db.Constituents.Where(c => issuedTo.Contains(c.Id)).Where(Domain.Constituents.Constituent.MayBeEmailed).CountAsync();
        Assert.True(accepting < issuedTo.Count, "the demo has donors who do not accept e-mail");
        Assert.Equal(accepting, run.Emailed);
        Assert.Equal(accepting, await db.OutboxMessages.CountAsync(m => m.AttachmentRef != null && m.AttachmentRef.StartsWith("receipt:")));
    }

    [Fact]
    public async Task The_year_end_run_receipts_every_donor_once_and_can_run_again()
    {
        var tomas = await Institution.PersonaAsync(Personas.Advancement);
        var receipts = Institution.Get<Receipts>();
        var year = Today.Year - 1;
        var pending = await receipts.DonorsToReceiptAsync(tomas, year);
        Assert.True(pending > 0);

        var issued = await Institution.Get<CoRM.Infrastructure.Advancement.AnnualReceiptsJob>().RunAsync(year, tomas.ConstituentId, email: false);
        Assert.Equal(pending, issued);
        Assert.Equal(0, await receipts.DonorsToReceiptAsync(tomas, year));
        Assert.Equal(0, await Institution.Get<CoRM.Infrastructure.Advancement.AnnualReceiptsJob>().RunAsync(year, tomas.ConstituentId, email: false));

        await using var db = await Institution.OpenAsync();
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var deductibleGifts = await db.Gifts.CountAsync(g => g.ReceivedOn >= from && g.ReceivedOn <= to && g.DeductibleAmount > 0 && g.Currency == "EUR");
        Assert.Equal(deductibleGifts, await db.ReceiptLines.CountAsync(l => !l.Voided && db.Gifts.Any(g => g.Id == l.GiftId && g.ReceivedOn >= from && g.ReceivedOn <= to)));

        var found = await receipts.SearchAsync(tomas, "2026-00000", null, 0, 25);
        Assert.InRange(found.TotalCount, 1, 9);
        Assert.All(found.Items, r => Assert.StartsWith("2026-00000", r.Number, StringComparison.Ordinal));
        var byYear = await receipts.SearchAsync(tomas, null, year, 0, 500);
        Assert.All(byYear.Items, r => Assert.Equal(year, r.TaxYear));
        Assert.Equal(0, (await receipts.SearchAsync(await Institution.PersonaAsync(Personas.Faculty), null, null, 0, 25)).TotalCount);
    }
}
