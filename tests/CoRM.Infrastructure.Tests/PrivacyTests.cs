using System.IO.Compression;
using System.Text.Json;
using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Constituents;
using CoRM.Domain.Privacy;
using CoRM.Infrastructure.Advancement;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Persistence;
using CoRM.Infrastructure.Privacy;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

/// <summary>
/// Data-subject rights on the seeded institution: a subject-access export that misses no registry entry, erasure that
/// leaves nothing personal anywhere but what the law keeps, legal holds, two officers, the request queue and its
/// reminders, retention, consent history, and the audit of refused requests with its alert.
/// </summary>
public sealed class PrivacyTests : InstitutionTest
{
    private PrivacyRequests Requests => Institution.Get<PrivacyRequests>();
    private Task<UserScope> OfficerAsync() => Institution.PersonaAsync(Personas.DataProtection);

    [Fact]
    public void Every_subject_column_in_the_registry_has_a_decided_erasure_action()
    {
        var subjects = PersonRegistry.Columns.Where(c => c.Role == PersonRole.Subject).Select(c => c.Name).ToHashSet();
        Assert.Empty(subjects.Except(PersonErasure.Policy.Keys));
        Assert.Empty(PersonErasure.Policy.Keys.Except(subjects));
    }

    /// <summary>
    /// A new person who owns one row of every table the registry lists as theirs (each re-pointed from a demo row), a case
    /// note among them, and whose name, e-mail and phone are copied into someone else's notes, letter and audit entry.
    /// </summary>
    private async Task<(int Id, string Name, string Email, string Phone, IReadOnlyList<string> Missing)> FullyPopulatedPersonAsync()
    {
        await using var db = await Institution.OpenAsync();
        var now = Institution.Time.UtcNow();
        var person = Constituent.Person("Oriana", "Vasquez-Thornbury", now, "oriana.vt@example.org", new DateOnly(1990, 3, 4));
        db.Constituents.Add(person);
        await db.SaveChangesAsync();
        // Rows some tables lack in the demo data.
        var request = PrivacyRequest.Receive(PrivacyRequestKind.Access, person.Id, DateOnly.FromDateTime(now), "copy please", person.Id, now, DateOnly.FromDateTime(now));
        db.PrivacyRequests.Add(request);
        db.CalendarFeeds.Add(new Domain.Volunteering.CalendarFeed { ConstituentId = person.Id, Key = Guid.NewGuid(), IssuedAt = now, ExpiresAt = now.AddDays(30) });
        db.ConsentRecords.Add(ConsentRecord.Of(person.Id, ConsentKind.Email, true, now, "test", null));
        var someone = await db.Constituents.Where(c => c.Id != person.Id).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        db.MergeRecords.Add(new MergeRecord { SurvivorId = person.Id, MergedId = someone, MergedAt = now, MergedById = someone, Summary = "Merged Oriana Vasquez-Thornbury", BeforeImage = "{\"name\":\"Oriana Vasquez-Thornbury\"}" });
        db.MergeRecords.Add(new MergeRecord { SurvivorId = someone, MergedId = person.Id, MergedAt = now, MergedById = someone, Summary = "x", BeforeImage = "{}" });
        db.ParentInvitations.Add(new Domain.Families.ParentInvitation { ParentId = person.Id, SentToEmail = "oriana.vt@example.org", CodeHash = "hash", CreatedAt = now, ExpiresAt = now.AddDays(14) });
        db.LapsedDonorReminders.Add(new Domain.Advancement.LapsedDonorReminder { DonorId = person.Id, Year = 2026, LastYearTotal = 50m, CreatedAt = now });
        db.AuditEntries.Add(new AuditEntry { At = now, UserName = "staff", Action = AuditAction.Read, RecordType = "Constituent", RecordId = "0", SubjectConstituentId = person.Id, Detail = "Profile of Oriana Vasquez-Thornbury" });
        await db.Database.ExecuteSqlAsync($"UPDATE \"AdmissionApplications\" SET \"GuardianId\" = {person.Id}, \"GuardianName\" = 'Oriana Vasquez-Thornbury', \"GuardianEmail\" = 'oriana.vt@example.org' WHERE \"Id\" = (SELECT MIN(\"Id\") FROM \"AdmissionApplications\")");
        await db.SaveChangesAsync();
        db.SubjectAccessExports.Add(new SubjectAccessExport { RequestId = request.Id, SubjectId = person.Id, RequestedById = person.Id, RequestedAt = now });
        await db.SaveChangesAsync();

        var missing = new List<string>();
        var row = db.Database.IsNpgsql() ? "ctid" : "rowid"; // the physical row id each engine has
        foreach (var column in PersonRegistry.Columns.Where(c => c.Role == PersonRole.Subject))
        {
            var (table, name) = StoreNames(db, column.Entity, column.Property);
            // Table and column names come from the EF model, not from input.
#pragma warning disable EF1003
            var changed = await db.Database.ExecuteSqlRawAsync(
                $"UPDATE \"{table}\" SET \"{name}\" = {{0}} WHERE {row} = (SELECT {row} FROM \"{table}\" WHERE \"{name}\" IS NOT NULL AND \"{name}\" <> {{0}} ORDER BY {row} LIMIT 1) " +
                $"AND NOT EXISTS (SELECT 1 FROM \"{table}\" WHERE \"{name}\" = {{0}})", person.Id);
#pragma warning restore EF1003
            if (changed == 0 && !await AnyAsync(db, table, name, person.Id)) missing.Add(column.Name);
        }
        // A case note, and copies of the person in other people's text.
        await db.Database.ExecuteSqlRawAsync("UPDATE \"Interactions\" SET \"ConstituentId\" = {0} WHERE \"Id\" = (SELECT \"Id\" FROM \"Interactions\" WHERE \"CaseId\" IS NOT NULL ORDER BY \"Id\" LIMIT 1)", person.Id);
        const string phone = "+351 917 444 321";
        db.ContactPoints.Add(new ContactPoint { ConstituentId = person.Id, Kind = ContactPointKind.Mobile, Value = phone });
        var other = await db.Interactions.Where(i => i.ConstituentId != person.Id).OrderBy(i => i.Id).FirstAsync();
        other.Notes = $"Met Oriana Vasquez-Thornbury (oriana.vt@example.org, {phone}) at the gala.";
        db.AuditEntries.Add(new AuditEntry { At = now, UserName = "x@y", Action = AuditAction.Update, RecordType = "Test", RecordId = "1", Detail = "Renamed Oriana Vasquez-Thornbury" });
        await db.SaveChangesAsync();
        return (person.Id, person.DisplayName, person.Email!, phone, missing);
    }

    /// <summary>A registered column's table and column names in the database, from the EF model.</summary>
    private static (string Table, string Column) StoreNames(CormDbContext db, Type entity, string property)
    {
        var type = db.Model.FindEntityType(entity)!;
        var table = type.GetTableName()!;
        return (table, type.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(table, null))!);
    }

    private static async Task<bool> AnyAsync(CormDbContext db, string table, string column, int id)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\" = {id}";
        if (command.Connection!.State != System.Data.ConnectionState.Open) await command.Connection.OpenAsync();
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    [Fact]
    public async Task The_export_of_a_person_with_a_row_in_every_table_has_every_registry_entry_with_its_rows_and_marks_case_notes()
    {
        var (id, name, _, _, missing) = await FullyPopulatedPersonAsync();
        Assert.True(missing.Count == 0, "No demo row to lend: " + string.Join(", ", missing)); // every registered table gave the person a row

        await using var db = await Institution.OpenAsync();
        var data = (await SubjectAccess.CollectAsync(db, id, "Northfield University", Institution.Time.UtcNow(), CancellationToken.None))!;
        var subjectColumns = PersonRegistry.Columns.Where(c => c.Role == PersonRole.Subject).ToList();
        Assert.Equal(subjectColumns.Count, data.Sections.Count);
        foreach (var column in subjectColumns)
        {
            var section = data.Sections.Single(s => s.Entity == column.Entity.Name && s.Column == column.Property);
            Assert.True(section.Rows.Count > 0, $"{column.Name} is missing from the export");
        }
        Assert.Contains(data.Sections.Single(s => s.Entity == "Interaction").Rows, r => r.ContainsKey("CaseNote"));
        Assert.All(data.Sections.Single(s => s.Entity == "AdmissionApplication" && s.Column == "ApplicantId").Rows, r => Assert.True(r.ContainsKey("Readings")));
        Assert.All(data.Sections.Single(s => s.Entity == "CaseClient").Rows, r => Assert.StartsWith("CASE-", (string)r["Case"]!, StringComparison.Ordinal));

        var zip = SubjectAccess.ToZip(data);
        using var archive = new ZipArchive(new MemoryStream(zip));
        Assert.Equal(2, archive.Entries.Count);
        using var json = JsonDocument.Parse(archive.Entries.Single(e => e.Name.EndsWith(".json", StringComparison.Ordinal)).Open());
        Assert.Equal(subjectColumns.Count, json.RootElement.GetProperty("Sections").GetArrayLength());
        using var reader = new StreamReader(archive.Entries.Single(e => e.Name.EndsWith(".html", StringComparison.Ordinal)).Open());
        var html = await reader.ReadToEndAsync();
        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.All(subjectColumns, c => Assert.Contains(System.Net.WebUtility.HtmlEncode(c.Holds), html, StringComparison.Ordinal));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Erasing_a_fully_populated_person_leaves_nothing_of_them_in_any_registered_column_but_keeps_gifts_and_receipts_under_a_pseudonym()
    {
        var (id, name, email, phone, _) = await FullyPopulatedPersonAsync();
        await using (var before = await Institution.OpenAsync())
        {
            Assert.True(await before.Gifts.AnyAsync(g => g.DonorId == id));
            Assert.True(await before.Receipts.AnyAsync(r => r.DonorId == id));
        }
        var giftTotal = await SumGiftsAsync(id);

        await using (var db = await Institution.OpenAsync())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var report = await PersonErasure.EraseAsync(db, id, Institution.Time.UtcNow(), CancellationToken.None);
            await tx.CommitAsync();
            Assert.StartsWith("Erased person ", report.Pseudonym, StringComparison.Ordinal);
        }

        await using var after = await Institution.OpenAsync();
        foreach (var (column, (action, _)) in PersonErasure.Policy)
        {
            var registered = PersonRegistry.Columns.Single(c => c.Name == column);
            var (table, columnName) = StoreNames(after, registered.Entity, registered.Property);
            if (action == ErasureAction.Delete) Assert.False(await AnyAsync(after, table, columnName, id), $"{column} still has rows");
        }
        foreach (var text in PersonRegistry.Texts)
        {
            var (table, columnName) = StoreNames(after, text.Entity, text.Property);
            foreach (var needle in new[] { name, email, phone, "Vasquez-Thornbury" })
            {
                await using var command = after.Database.GetDbConnection().CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE \"{columnName}\" LIKE '%' || @n || '%'";
                var p = command.CreateParameter();
                p.ParameterName = "@n";
                p.Value = needle;
                command.Parameters.Add(p);
                if (command.Connection!.State != System.Data.ConnectionState.Open) await command.Connection.OpenAsync();
                Assert.True(Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 0, $"{text.Name} still holds \"{needle}\"");
            }
        }
        var person = await after.Constituents.SingleAsync(c => c.Id == id);
        Assert.StartsWith("Erased person", person.DisplayName, StringComparison.Ordinal);
        Assert.Null(person.Email);
        Assert.Null(person.BirthDate);
        Assert.NotNull(person.ErasedAt);
        Assert.Equal(giftTotal, await SumGiftsAsync(id)); // the accounts are whole
        Assert.All(await after.Receipts.Where(r => r.DonorId == id).ToListAsync(), r => Assert.Equal(person.DisplayName, r.DonorName));
        var anAdmin = UserScope.Of(1, "admin", Roles.Admin); // the demo admin's sign-in may have been lent to this person above
        Assert.Empty((await Institution.Get<ConstituentSearch>().SearchAsync(anAdmin, "Vasquez", 0, 20)).Items);
    }

    private async Task<decimal> SumGiftsAsync(int donorId)
    {
        await using var db = await Institution.OpenAsync();
        return (await db.Gifts.Where(g => g.DonorId == donorId).Select(g => g.Amount).ToListAsync()).Sum();
    }

    [Fact]
    public async Task An_erasure_needs_a_second_officer_and_then_the_person_is_gone_from_search()
    {
        var officer = await OfficerAsync();
        var admin = await Institution.PersonaAsync(Personas.Admin);
        var (requestId, subjectId) = await DemoRequestAsync(PrivacyRequestKind.Erasure, "never applied");
        string oldName;
        await using (var db = await Institution.OpenAsync()) oldName = (await db.Constituents.SingleAsync(c => c.Id == subjectId)).LastName;

        var request = (await Requests.GetAsync(officer, requestId))!;
        Assert.Empty(request.Holds);
        Assert.True((await Requests.RequestErasureAsync(officer, requestId, request.Version)).Succeeded);
        request = (await Requests.GetAsync(officer, requestId))!;
        var self = await Requests.ApproveErasureAsync(officer, requestId, request.Version);
        Assert.Equal(CommandStatus.Invalid, self.Status);
        Assert.Contains("second officer", self.Message, StringComparison.Ordinal);
        await using (var db = await Institution.OpenAsync()) Assert.Null((await db.Constituents.SingleAsync(c => c.Id == subjectId)).ErasedAt);

        Assert.True((await Requests.ApproveErasureAsync(admin, requestId, request.Version)).Succeeded);
        request = (await Requests.GetAsync(officer, requestId))!;
        Assert.Equal(PrivacyRequestStatus.Completed, request.Status);
        Assert.True(request.SubjectErased);
        Assert.Contains("Erased", request.Outcome, StringComparison.Ordinal);
        Assert.DoesNotContain((await Institution.Get<ConstituentSearch>().SearchAsync(await Institution.PersonaAsync(Personas.Admissions), oldName, 0, 50)).Items,
            r => r.Id == subjectId);
        await using var after = await Institution.OpenAsync();
        Assert.True(await after.AuditEntries.AnyAsync(a => a.RecordType == nameof(PrivacyRequest) && a.RecordId == requestId.ToString() && a.Detail!.Contains("approved")));
        Assert.False(await after.InformationRequests.AnyAsync(i => i.ProspectId == subjectId));
    }

    [Fact]
    public async Task A_current_student_is_held_with_the_reason_and_nothing_is_erased()
    {
        var officer = await OfficerAsync();
        var (requestId, subjectId) = await DemoRequestAsync(PrivacyRequestKind.Erasure, "by letter");
        var request = (await Requests.GetAsync(officer, requestId))!;
        Assert.Contains(request.Holds, h => h.Reason.Contains("enrolled", StringComparison.OrdinalIgnoreCase));
        var refused = await Requests.RequestErasureAsync(officer, requestId, request.Version);
        Assert.Equal(CommandStatus.Invalid, refused.Status);
        Assert.StartsWith("This person cannot be erased yet.", refused.Message, StringComparison.Ordinal);
        Assert.Equal(PrivacyRequestStatus.Received, (await Requests.GetAsync(officer, requestId))!.Status);
        await using var db = await Institution.OpenAsync();
        Assert.True(await db.ProgrammeEnrolments.AnyAsync(e => e.StudentId == subjectId));
    }

    [Fact]
    public void Academic_retention_holds_until_a_date_and_open_cases_and_unpaid_tuition_until_they_are_settled()
    {
        var today = new DateOnly(2026, 12, 1);
        var holds = ErasureHolds.For(new ErasureFacts(["CASE-000007"], 120m, "EUR", new DateOnly(2024, 7, 31), StudiesNow: false), today, academicRecordYears: 5);
        Assert.Equal(3, holds.Count);
        Assert.Contains(holds, h => h.Reason.Contains("CASE-000007", StringComparison.Ordinal) && h.Until is null);
        Assert.Contains(holds, h => h.Reason.Contains("120.00 EUR", StringComparison.Ordinal) && h.Until is null);
        Assert.Contains(holds, h => h.Until == new DateOnly(2029, 7, 31));
        Assert.Empty(ErasureHolds.For(new ErasureFacts([], 0, "EUR", new DateOnly(2020, 7, 31), false), today, 5));
    }

    [Fact]
    public async Task An_access_export_is_built_in_the_background_downloaded_once_and_audited_and_nobody_else_reaches_it()
    {
        var officer = await OfficerAsync();
        var (requestId, subjectId) = await DemoRequestAsync(PrivacyRequestKind.Access, "copy of everything");
        var started = await Requests.StartExportAsync(officer, requestId);
        Assert.True(started.Succeeded);
        Assert.Equal(CommandStatus.Invalid, (await Requests.StartExportAsync(officer, requestId)).Status); // one at a time
        var exportId = (int)started.Id!.Value;
        Assert.Null(await Requests.DownloadExportAsync(officer, exportId)); // not built yet
        await Institution.Get<SubjectAccessExportJob>().RunAsync(exportId);

        foreach (var persona in new[] { Personas.Faculty, Personas.Advancement, Personas.CaseSupervisor, Personas.DataSteward, Personas.StudentSuccess })
        {
            var other = await Institution.PersonaAsync(persona);
            Assert.Null(await Requests.DownloadExportAsync(other, exportId));
            Assert.Null(await Requests.GetAsync(other, requestId));
            Assert.Empty((await Requests.ListAsync(other, false, 0, 50)).Items);
            Assert.Empty(await Requests.FindPeopleAsync(other, "C-" + subjectId));
            Assert.Equal(CommandStatus.NotFound, (await Requests.CreateAsync(other, new NewPrivacyRequest(PrivacyRequestKind.Access, subjectId, Institution.Time.Today(), null))).Status);
        }

        var file = await Requests.DownloadExportAsync(officer, exportId);
        Assert.NotNull(file);
        using var archive = new ZipArchive(new MemoryStream(file.Content));
        Assert.Equal(2, archive.Entries.Count);
        Assert.Null(await Requests.DownloadExportAsync(officer, exportId)); // once
        await using var db = await Institution.OpenAsync();
        Assert.Null((await db.SubjectAccessExports.SingleAsync(e => e.Id == exportId)).Content);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.RecordType == nameof(SubjectAccessExport) && a.SubjectConstituentId == subjectId));
    }

    [Fact]
    public async Task A_request_is_due_one_month_after_it_arrives_and_bad_input_changes_nothing()
    {
        Assert.Equal(new DateOnly(2026, 2, 28), PrivacyRequest.DeadlineFor(new DateOnly(2026, 1, 31)));
        var officer = await OfficerAsync();
        var subject = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        var today = Institution.Time.Today();
        await using var db = await Institution.OpenAsync();
        var before = await db.PrivacyRequests.CountAsync();
        Assert.Equal(CommandStatus.Invalid, (await Requests.CreateAsync(officer, new NewPrivacyRequest(null, subject, today, null))).Status);
        Assert.Equal(CommandStatus.Invalid, (await Requests.CreateAsync(officer, new NewPrivacyRequest(PrivacyRequestKind.Access, null, today, null))).Status);
        Assert.Equal(CommandStatus.Invalid, (await Requests.CreateAsync(officer, new NewPrivacyRequest(PrivacyRequestKind.Access, subject, today.AddDays(1), null))).Status);
        Assert.Equal(CommandStatus.Invalid, (await Requests.CreateAsync(officer, new NewPrivacyRequest(PrivacyRequestKind.Rectification, subject, today, " "))).Status);
        Assert.Equal(CommandStatus.Invalid, (await Requests.CreateAsync(officer, new NewPrivacyRequest(PrivacyRequestKind.Access, 999_999, today, null))).Status);
        Assert.Equal(before, await db.PrivacyRequests.CountAsync());

        var created = await Requests.CreateAsync(officer, new NewPrivacyRequest(PrivacyRequestKind.Rectification, subject, today.AddDays(-3), "Birth date is wrong"));
        var request = (await Requests.GetAsync(officer, (int)created.Id!.Value))!;
        Assert.Equal(today.AddDays(-3).AddMonths(1), request.DueOn);
    }

    [Fact]
    public async Task The_handler_is_reminded_once_a_week_before_the_deadline()
    {
        var job = Institution.Get<PrivacyReminderJob>();
        Assert.True(await job.RunAsync() >= 1); // the demo's erasure request received 25 days ago
        Assert.Equal(0, await job.RunAsync());
        await using var db = await Institution.OpenAsync();
        var officer = await Institution.ConstituentIdAsync(Personas.DataProtection);
        var mail = await db.OutboxMessages.Where(m => m.DedupKey.StartsWith("privacy-reminder:") && m.RecipientConstituentId == officer).ToListAsync();
        Assert.NotEmpty(mail);
        var (_, subjectId) = await DemoRequestAsync(PrivacyRequestKind.Erasure, "never applied");
        var subjectName = (await db.Constituents.SingleAsync(c => c.Id == subjectId)).LastName;
        Assert.All(mail, m => Assert.DoesNotContain(subjectName, m.TextBody, StringComparison.Ordinal)); // the request number, never the person
    }

    [Fact]
    public async Task An_objection_to_marketing_stops_every_appeal_and_the_consent_history_shows_why()
    {
        var officer = await OfficerAsync();
        var (requestId, subjectId) = await DemoRequestAsync(PrivacyRequestKind.MarketingObjection, "no more appeals");
        var request = (await Requests.GetAsync(officer, requestId))!;
        Assert.True((await Requests.StopMarketingAsync(officer, requestId, request.Version)).Succeeded);
        await using var db = await Institution.OpenAsync();
        var person = await db.Constituents.SingleAsync(c => c.Id == subjectId);
        Assert.True(person.EmailOptOut && person.PostOptOut);
        var history = await Institution.Get<ConsentHistoryQuery>().ForAsync(officer, subjectId);
        Assert.Contains(history, c => c.Kind == ConsentKind.Email && !c.Given && c.How.Contains("objection", StringComparison.Ordinal));
        Assert.Contains(history, c => c.Kind == ConsentKind.Post && !c.Given);
        Assert.Contains(history, c => c.Kind == ConsentKind.Email && c.Given); // the earlier consent, kept
        Assert.Empty(await Institution.Get<ConsentHistoryQuery>().ForAsync(await Institution.PersonaAsync(Personas.Faculty), subjectId));
    }

    [Fact]
    public async Task An_unsubscribe_link_writes_a_consent_record_with_its_wording()
    {
        var links = Institution.Get<UnsubscribeLinks>();
        var subject = await Institution.ConstituentIdAsync(Personas.GrantedChild);
        var token = Uri.UnescapeDataString(links.LinkFor(subject).Split("token=")[1]);
        Assert.True(await links.OptOutAsync(token));
        await using var db = await Institution.OpenAsync();
        var record = await db.ConsentRecords.SingleAsync(c => c.ConstituentId == subject);
        Assert.False(record.Given);
        Assert.Equal(ConsentKind.Email, record.Kind);
        Assert.Equal(ConsentRecord.StandardWording(ConsentKind.Email), record.Wording);
        Assert.True(await links.OptOutAsync(token));
        Assert.Equal(1, await db.ConsentRecords.CountAsync(c => c.ConstituentId == subject)); // no change, no record
    }

    [Fact]
    public async Task Retention_removes_what_is_older_than_its_period_reports_it_and_a_rerun_removes_nothing()
    {
        var officer = await OfficerAsync();
        var rules = Institution.Get<RetentionRules>();
        var (list, _) = await rules.ListAsync(officer);
        var mail = list.Single(r => r.Kind == RetentionKind.SentEmailBodies);
        Assert.Equal(CommandStatus.Invalid, (await rules.SetAsync(officer, RetentionKind.SentEmailBodies, 0, mail.Version)).Status);
        Assert.Equal(CommandStatus.NotFound, (await rules.SetAsync(await Institution.PersonaAsync(Personas.Advancement), RetentionKind.SentEmailBodies, 5, mail.Version)).Status);
        Assert.True((await rules.SetAsync(officer, RetentionKind.SentEmailBodies, 1, mail.Version)).Succeeded);

        await using (var db = await Institution.OpenAsync())
        {
            var old = Institution.Time.UtcNow().AddDays(-3);
            db.OutboxMessages.Add(new Domain.Messaging.OutboxMessage { DedupKey = "retention-test", ToAddress = "a@b.org", ToName = "A", Subject = "Hello", TextBody = "Dear A", CreatedAt = old, SentAt = old });
            db.AuditEntries.Add(new AuditEntry { At = Institution.Time.UtcNow().AddYears(-8), UserName = "old@x", Action = AuditAction.Read, RecordType = "Test", RecordId = "1" });
            await db.SaveChangesAsync();
        }
        var run = await Institution.Get<RetentionJob>().RunAsync();
        Assert.True(run.Removed >= 2);
        Assert.Contains("SentEmailBodies: ", run.Report, StringComparison.Ordinal);
        await using (var db = await Institution.OpenAsync())
        {
            var message = await db.OutboxMessages.SingleAsync(m => m.DedupKey == "retention-test");
            Assert.Equal("", message.TextBody);
            Assert.Equal("removed@invalid", message.ToAddress);
            Assert.False(await db.AuditEntries.AnyAsync(a => a.UserName == "old@x"));
        }
        Assert.Equal(0, (await Institution.Get<RetentionJob>().RunAsync()).Removed);
        Assert.Equal(2, (await rules.ListAsync(officer)).Runs.Count);
    }

    [Fact]
    public async Task A_case_type_keeps_its_notes_for_its_own_period_and_other_types_for_the_institutions()
    {
        var admin = await Institution.PersonaAsync(Personas.Admin);
        var types = Institution.Get<Cases.CaseTypes>();
        var today = Institution.Time.Today();
        await using var db = await Institution.OpenAsync();
        var closed = await db.Cases.Where(c => c.ClosedOn != null && c.ClosedOn < today.AddDays(-30))
            .Select(c => new { c.Id, c.CaseTypeId, Client = db.CaseClients.Where(x => x.CaseId == c.Id).Select(x => x.ConstituentId).First() }).ToListAsync();
        var now = Institution.Time.UtcNow();
        foreach (var c in closed)
            db.Interactions.Add(Domain.Engagement.Interaction.CaseNote(c.Client, c.Id, Domain.Cases.NoteSensitivity.Standard, Domain.Engagement.Channel.Phone, "Call", "Talked it through.", now.AddDays(-400), c.Client, now.AddDays(-400)));
        await db.SaveChangesAsync();
        var typeId = closed.GroupBy(c => c.CaseTypeId).OrderByDescending(g => g.Count()).First().Key;
        var type = (await types.ListAsync(admin)).Single(t => t.Id == typeId);
        Assert.Equal(CommandStatus.Invalid, (await types.UpdateAsync(admin, typeId, new Cases.CaseTypeRequest(type.Name, type.Description, type.ReviewIntervalDays, 0), true, type.Version)).Status);
        Assert.True((await types.UpdateAsync(admin, typeId, new Cases.CaseTypeRequest(type.Name, type.Description, type.ReviewIntervalDays, 30), true, type.Version)).Succeeded);
        var ofType = closed.Where(c => c.CaseTypeId == typeId).Select(c => (int?)c.Id).ToList();
        var others = await db.Interactions.CountAsync(i => i.CaseId != null && !ofType.Contains(i.CaseId));

        await Institution.Get<RetentionJob>().RunAsync();
        Assert.False(await db.Interactions.AnyAsync(i => ofType.Contains(i.CaseId)));
        Assert.Equal(others, await db.Interactions.CountAsync(i => i.CaseId != null && !ofType.Contains(i.CaseId))); // within six years: kept
    }

    [Fact]
    public async Task Refused_record_requests_are_audited_and_a_burst_alerts_the_privacy_office_once()
    {
        var faculty = await Institution.PersonaAsync(Personas.Faculty);
        var records = Institution.Get<ConstituentRecords>();
        int[] notAdvisees;
        await using (var db = await Institution.OpenAsync())
            notAdvisees = await db.Constituents.OrderByDescending(c => c.Id).Select(c => c.Id).Take(55).ToArrayAsync();
        foreach (var id in notAdvisees) Assert.Null(await records.GetProfileAsync(faculty, id));
        Assert.Null(await Institution.Get<StudentSuccess.StudentAcademicRecord>().GetAsync(faculty, 999_999));
        var advancement = await Institution.PersonaAsync(Personas.Advancement);
        Assert.Null(await Institution.Get<Receipts>().PdfAsync(advancement, 999_999));
        Assert.Null(await Institution.Get<Volunteering.VolunteerScheduling>().ShiftAsync(await Institution.PersonaAsync(Personas.VolunteerCoordinator), 999_999));

        var log = Institution.Get<AuditLog>();
        var admin = await Institution.PersonaAsync(Personas.Admin);
        var denied = await log.ListAsync(admin, new AuditFilter(Action: AuditAction.Denied, User: faculty.UserName), 0, 100);
        Assert.Equal(56, denied.TotalCount);
        Assert.All(denied.Items, d => Assert.Null(d.SubjectId)); // whose record it was stays out of the log line
        var rates = await log.DenialRatesAsync(admin, TimeSpan.FromMinutes(5), Institution.Time.UtcNow());
        Assert.Equal(56, rates[0].Denied); // the faculty member first, most refusals first
        Assert.Equal(faculty.UserName, rates[0].UserName);
        Assert.Empty(await log.DenialRatesAsync(faculty, TimeSpan.FromMinutes(5), Institution.Time.UtcNow()));

        var others = await log.ListAsync(admin, new AuditFilter(Action: AuditAction.Denied), 0, 100);
        Assert.Contains(others.Items, d => d.RecordType == "Receipt" && d.RecordId == "999999" && d.UserName == advancement.UserName);
        Assert.Contains(others.Items, d => d.RecordType == "Shift" && d.RecordId == "999999");

        var job = Institution.Get<DeniedAccessAlertJob>();
        Assert.Equal(1, await job.RunAsync());
        Assert.Equal(0, await job.RunAsync());
        await using var after = await Institution.OpenAsync();
        var alerts = await after.OutboxMessages.Where(m => m.DedupKey.StartsWith("denied-alert:")).Select(m => m.RecipientConstituentId).ToListAsync();
        Assert.Contains(await Institution.ConstituentIdAsync(Personas.Admin), alerts);
        Assert.Contains(await Institution.ConstituentIdAsync(Personas.DataProtection), alerts);

        var csv = await log.ExportAsync(await OfficerAsync(), new AuditFilter(Action: AuditAction.Denied, User: faculty.UserName));
        Assert.Equal(56, csv!.Value.Rows);
        Assert.Null(await log.ExportAsync(faculty, new AuditFilter()));
        Assert.True(await after.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.RecordType == nameof(AuditEntry)));
    }

    private async Task<(int RequestId, int SubjectId)> DemoRequestAsync(PrivacyRequestKind kind, string detailsContain)
    {
        await using var db = await Institution.OpenAsync();
        var r = await db.PrivacyRequests.FirstAsync(x => x.Kind == kind && x.Details.Contains(detailsContain));
        return (r.Id, r.SubjectId);
    }
}
