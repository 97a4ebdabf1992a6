using ClosedXML.Excel;
using CoRM.Domain.Access;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Imports;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed class ContactImportTests : InstitutionTest
{
    private static readonly Dictionary<int, ContactRowChoice> Suggested = [];

    private ContactImport Import => Institution.Get<ContactImport>();

    private async Task<UserScope> StewardAsync() => await Institution.PersonaAsync(Personas.DataSteward);

    /// <summary>A demo person with an e-mail and a birth date, to appear in files under other spellings.</summary>
    private async Task<Constituent> KnownPersonAsync()
    {
        await using var db = await Institution.OpenAsync();
        return await db.Constituents.Where(c => c.Kind == ConstituentKind.Person && c.Email != null && c.BirthDate != null && c.StudentNumber == null && !EF.Functions.Like(c.LastName, "% %"))
            .OrderBy(c => c.Id).FirstAsync();
    }

    private static TabularFile Csv(params string[] lines) => TabularFile.ReadCsv(string.Join('\n', lines));

    private const string Header = "Type;First name;Surname;Organisation;E-mail;Phone;Street;City;Postcode;Date of birth;Legacy ID;Roles;Newsletter;Consent date";

    [Fact]
    public async Task The_preview_says_for_each_row_whether_it_is_new_a_match_or_a_possible_duplicate_and_writes_nothing()
    {
        var known = await KnownPersonAsync();
        var born = known.BirthDate!.Value.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var file = Csv(Header,
            $"Person;{known.FirstName};{known.LastName};;{known.Email!.ToUpperInvariant()};;;;;;;Donor;;",   // same e-mail, another case
            $"Person;{known.FirstName};{known.LastName}x;;;;;;;{born};;;;",                                   // a typo, same birth date
            "Person;Inês;Brandão;;ines.brandao@example.org;912 345 678;Rua Nova 1;Porto;4000-123;1990-04-02;OLD-1;Alumnus;yes;2026-03-01",
            "Person;Ines;Brandao;;;+351912345678;;;;;;Volunteer;;",                                          // the row above, without accents
            "Organisation;;;Acme Foundation;info@acme.example;;;;;;;;;",
            "Person;Nobody;;;;;;;;;;;;",                                                                     // no surname
            "Person;Zé;Bad;;not-an-email;;;;;;;;;",
            "Person;Ana;Student;;;;;;;;;Student;;");

        var preview = await Import.PreviewAsync(await StewardAsync(), file);

        Assert.Null(preview.Problem);
        Assert.Equal("Surname", preview.Mapping[ContactImportFields.LastName]);
        Assert.Equal("Legacy ID", preview.Mapping[ContactImportFields.ExternalId]);
        var rows = preview.Rows.ToDictionary(r => r.Line);
        Assert.Equal(ContactRowVerdict.Matches, rows[2].Verdict);
        Assert.Equal(known.Id, rows[2].MatchId);
        Assert.Contains("same e-mail", rows[2].Reasons, StringComparison.Ordinal);
        Assert.Equal(ContactRowVerdict.PossibleDuplicate, rows[3].Verdict);
        Assert.Equal(known.Id, rows[3].MatchId);
        Assert.Contains("same birth date", rows[3].Reasons, StringComparison.Ordinal);
        Assert.Equal(ContactRowVerdict.New, rows[4].Verdict);
        Assert.Equal(ContactRowVerdict.Matches, rows[5].Verdict);
        Assert.Equal(4, rows[5].MatchLine); // the same person earlier in the file
        Assert.Contains("same phone", rows[5].Reasons, StringComparison.Ordinal);
        Assert.Equal(ContactRowVerdict.New, rows[6].Verdict);
        Assert.Equal("LastName is empty.", rows[7].Reasons);
        Assert.Contains("not an e-mail address", rows[8].Reasons, StringComparison.Ordinal);
        Assert.Contains("Student comes from its own records", rows[9].Reasons, StringComparison.Ordinal);

        await using var db = await Institution.OpenAsync();
        Assert.False(await db.Constituents.AnyAsync(c => c.LastName == "Brandão" || c.LastName == "Acme Foundation"));
    }

    [Fact]
    public async Task Importing_creates_fills_in_and_queues_then_the_same_file_again_changes_nothing()
    {
        var known = await KnownPersonAsync();
        var born = known.BirthDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var file = Csv(Header,
            $"Person;{known.FirstName};{known.LastName};;{known.Email};+351 913 000 111;;;;;;Donor;no;2026-05-01",
            $"Person;{known.FirstName};{known.LastName}x;;;;;;;{born};;;;",
            "Person;Inês;Brandão;;ines.brandao@example.org;912 345 678;Rua Nova 1;Porto;4000-123;1990-04-02;OLD-1;Alumnus;yes;2026-03-01",
            "Person;Ines;Brandao;;;+351912345678;;;;;;Volunteer;;",
            "Organisation;;;Acme Foundation;info@acme.example;;;;;;;;;",
            "Person;Sam;Phoneonly;;;+351 914 000 222;;;;;;;;",
            "Person;Nobody;;;;;;;;;;;;");
        var steward = await StewardAsync();

        var first = await Import.ImportAsync(steward, file, (await Import.PreviewAsync(steward, file)).Mapping, Suggested, "Alumni office spreadsheet");

        Assert.True(first.Committed);
        Assert.Equal((4, 1, 1), (first.Created, first.Updated, first.Queued)); // Inês, the typo, Acme, Sam; the known person; the typo queued
        Assert.Equal(8, Assert.Single(first.Rejected).Line);
        await using (var db = await Institution.OpenAsync())
        {
            var person = await db.Constituents.Include(c => c.Hats).Include(c => c.ContactPoints).SingleAsync(c => c.Id == known.Id);
            Assert.True(person.WearsHatOn(HatKind.Donor, Institution.Time.Today()));
            Assert.Contains(person.ContactPoints, p => p.Kind == ContactPointKind.Phone && p.Value == "+351 913 000 111");
            Assert.True(person.EmailOptOut); // "no" in the file is honoured at once
            var ines = await db.Constituents.Include(c => c.Hats).Include(c => c.Addresses).Include(c => c.ContactPoints).SingleAsync(c => c.LastName == "Brandão");
            Assert.Equal(("OLD-1", "Alumni office spreadsheet", new DateOnly(1990, 4, 2)), (ines.ExternalId, ines.Source, ines.BirthDate!.Value));
            Assert.Equal([HatKind.Alumnus, HatKind.Volunteer], ines.Hats.Select(h => h.Kind).Order());
            Assert.Equal("4000-123", Assert.Single(ines.Addresses).PostalCode);
            Assert.Single(ines.ContactPoints, p => p.Kind == ContactPointKind.Phone); // "912 345 678" and "+351912345678" are one number
            Assert.Contains(await db.Interactions.Where(i => i.ConstituentId == ines.Id).ToListAsync(), i => i.Channel == Channel.Import && i.Subject == "E-mail consent: yes, 2026-03-01");
            Assert.Equal(ConstituentKind.Organisation, (await db.Constituents.SingleAsync(c => c.LastName == "Acme Foundation")).Kind);
            var typo = await db.Constituents.SingleAsync(c => c.LastName == known.LastName + "x");
            Assert.Single(await db.DuplicateCandidates.Where(d => d.FirstId == known.Id && d.SecondId == typo.Id).ToListAsync());
        }

        var again = await Import.ImportAsync(steward, file, (await Import.PreviewAsync(steward, file)).Mapping, Suggested, "Alumni office spreadsheet");

        Assert.Equal((0, 0, 6), (again.Created, again.Updated, again.Unchanged));
        await using (var db = await Institution.OpenAsync())
        {
            Assert.Equal(1, await db.Constituents.CountAsync(c => c.LastName == "Phoneonly"));
            Assert.Equal(1, await db.Constituents.CountAsync(c => c.LastName == known.LastName + "x"));
            Assert.Equal(2, await db.Interactions.CountAsync(i => i.Channel == Channel.Import));
        }
    }

    [Fact]
    public async Task The_importer_can_take_the_suggested_record_for_a_possible_duplicate_or_keep_a_match_apart()
    {
        var known = await KnownPersonAsync();
        var born = known.BirthDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var file = Csv(Header, $"Person;{known.FirstName};{known.LastName}x;;;;;;;{born};;Member;;");
        var steward = await StewardAsync();

        var report = await Import.ImportAsync(steward, file, ImportMapping.Suggest(ContactImportFields.All, file.Headers), new Dictionary<int, ContactRowChoice> { [2] = ContactRowChoice.UseMatch }, "Members list");

        Assert.Equal((0, 1, 0), (report.Created, report.Updated, report.Queued));
        await using var db = await Institution.OpenAsync();
        Assert.True((await db.Constituents.Include(c => c.Hats).SingleAsync(c => c.Id == known.Id)).WearsHatOn(HatKind.Member, Institution.Time.Today()));
        Assert.False(await db.Constituents.AnyAsync(c => c.LastName == known.LastName + "x"));
    }

    [Fact]
    public async Task A_large_file_reads_every_record_once_and_finds_the_same_matches_as_lookups()
    {
        var known = await KnownPersonAsync();
        var born = known.BirthDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var lines = new List<string> { Header, $"Person;{known.FirstName};{known.LastName};;{known.Email};;;;;;;;;", $"Person;{known.FirstName};{known.LastName}x;;;;;;;{born};;;;" };
        lines.AddRange(Enumerable.Range(0, ContactImport.LargeFile).Select(i => $"Person;Pessoa{i};Grande;;pessoa{i}@example.org;;;;;;;;;"));

        var preview = await Import.PreviewAsync(await StewardAsync(), Csv([.. lines]));

        Assert.Equal((ContactRowVerdict.Matches, known.Id), (preview.Rows[0].Verdict, preview.Rows[0].MatchId));
        Assert.Equal((ContactRowVerdict.PossibleDuplicate, known.Id), (preview.Rows[1].Verdict, preview.Rows[1].MatchId));
        Assert.Equal(ContactImport.LargeFile, preview.Count(ContactRowVerdict.New));
    }

    [Fact]
    public async Task An_excel_workbook_imports_like_a_csv_and_its_dates_are_read_as_dates()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Contacts");
        sheet.Cell(1, 1).Value = "First name";
        sheet.Cell(1, 2).Value = "Last name";
        sheet.Cell(1, 3).Value = "DOB";
        sheet.Cell(2, 1).Value = "Joana";
        sheet.Cell(2, 2).Value = "Excelente";
        sheet.Cell(2, 3).Value = new DateTime(1988, 12, 24);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        var file = TabularFile.Read("contacts.xlsx", stream.ToArray());

        var report = await Import.ImportAsync(await StewardAsync(), file, ImportMapping.Suggest(ContactImportFields.All, file.Headers), Suggested, "Spreadsheet");

        Assert.Equal(1, report.Created);
        await using var db = await Institution.OpenAsync();
        Assert.Equal(new DateOnly(1988, 12, 24), (await db.Constituents.SingleAsync(c => c.LastName == "Excelente")).BirthDate);
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_gets_a_message()
    {
        var error = Assert.Throws<FormatException>(() => TabularFile.Read("contacts.xlsx", "PK not really a zip"u8.ToArray()));
        Assert.Contains("not an Excel workbook", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Personas.Faculty)]
    [InlineData(Personas.VolunteerCoordinator)]
    [InlineData(Personas.Parent)]
    [InlineData(Personas.CaseWorker)]
    public async Task Only_stewards_admins_advancement_and_admissions_import_contacts(string persona)
    {
        var user = await Institution.PersonaAsync(persona);
        var file = Csv(Header, "Person;Rita;Nova;;rita.nova@example.org;;;;;;;;;");

        var preview = await Import.PreviewAsync(user, file);
        var report = await Import.ImportAsync(user, file, preview.Mapping, Suggested, "Anything");

        Assert.Empty(preview.Rows);
        Assert.NotNull(preview.Problem);
        Assert.False(report.Committed);
        await using var db = await Institution.OpenAsync();
        Assert.False(await db.Constituents.AnyAsync(c => c.LastName == "Nova"));
    }

    [Fact]
    public async Task A_mapping_is_remembered_per_source_and_used_while_the_file_has_its_columns()
    {
        var mappings = Institution.Get<SavedMappings>();
        var file = Csv("Nome;Apelido;Correio", "Rita;Nova;rita@example.org");
        var mapping = ImportMapping.Suggest(ContactImportFields.All, file.Headers);
        mapping[ContactImportFields.FirstName] = "Nome";
        mapping[ContactImportFields.LastName] = "Apelido";
        mapping[ContactImportFields.Email] = "Correio";

        Assert.True(await mappings.SaveAsync(ContactImport.ImporterName, "Lisbon chapter", mapping));
        var (again, remembered) = await mappings.ForAsync(ContactImport.ImporterName, "Lisbon chapter", ContactImportFields.All, file.Headers);
        var (other, otherRemembered) = await mappings.ForAsync(ContactImport.ImporterName, "Porto chapter", ContactImportFields.All, file.Headers);
        var (changed, changedRemembered) = await mappings.ForAsync(ContactImport.ImporterName, "Lisbon chapter", ContactImportFields.All, ["Name", "Surname"]);

        Assert.True(remembered);
        Assert.Equal("Correio", again[ContactImportFields.Email]);
        Assert.False(otherRemembered);
        Assert.Null(other[ContactImportFields.Email]);
        Assert.False(changedRemembered);
        Assert.Equal("Surname", changed[ContactImportFields.LastName]);
    }
}
