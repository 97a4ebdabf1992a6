using System.Data.Common;
using System.Text.Json;
using CoRM.Domain.Access;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Persistence;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.Infrastructure.Tests;

public sealed class RecordMergeTests : InstitutionTest
{
    private async Task<UserScope> StewardAsync() => await Institution.PersonaAsync(Personas.DataSteward);

    /// <summary>How many rows each registered column has for a record.</summary>
    private async Task<Dictionary<string, int>> ReferencesAsync(int id)
    {
        await using var db = await Institution.OpenAsync();
        var counts = new Dictionary<string, int>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var column in PersonRegistry.Columns)
        {
            var (table, name) = RecordMerges.Column(db, column);
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {name} = {id}";
            counts[column.Name] = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return counts;
    }

    /// <summary>The busiest demo alumnus or donor, and a fresh copy of them as an event guest list would have made it.</summary>
    private async Task<(int Busy, int Copy)> BusyPersonAndCopyAsync()
    {
        await using var db = await Institution.OpenAsync();
        var busy = await db.Constituents.Where(c => c.Kind == ConstituentKind.Person && c.BirthDate != null && c.StudentNumber == null)
            .Where(c => !db.PortalUsers.Any(u => u.ConstituentId == c.Id) && db.Gifts.Any(g => g.DonorId == c.Id))
            .OrderByDescending(c => db.Interactions.Count(i => i.ConstituentId == c.Id)).FirstAsync();
        var now = Institution.Time.GetUtcNow().UtcDateTime;
        var copy = Constituent.Person(busy.FirstName, busy.LastName, now, null, busy.BirthDate);
        copy.Hats.Add(Hat.Wear(HatKind.Donor, DateOnly.FromDateTime(now).AddDays(-10)));
        db.Constituents.Add(copy);
        await db.SaveChangesAsync();
        db.Interactions.Add(Interaction.Log(copy.Id, Channel.Event, Topic.General, "Attended the open day", null, now, null, now, inbound: true));
        await db.SaveChangesAsync();
        return (busy.Id, copy.Id);
    }

    [Fact]
    public async Task Merging_moves_every_registered_reference_and_loses_no_row()
    {
        var (busy, copy) = await BusyPersonAndCopyAsync();
        var beforeSurvivor = await ReferencesAsync(copy);
        var beforeMerged = await ReferencesAsync(busy);
        Assert.True(beforeMerged.Values.Sum() > 20, "the merged record should be busy");

        // The busy record is merged into the new copy, so every one of its rows has to move.
        var result = await Institution.Get<RecordMerges>().MergeAsync(await StewardAsync(), new MergeRequest(copy, busy, new HashSet<string> { RecordMerges.EmailField }));
        Assert.True(result.Succeeded, result.Message);

        var afterSurvivor = await ReferencesAsync(copy);
        var afterMerged = await ReferencesAsync(busy);
        await using var db = await Institution.OpenAsync();
        var image = JsonDocument.Parse((await db.MergeRecords.SingleAsync(m => m.MergedId == busy)).BeforeImage).RootElement;
        foreach (var column in PersonRegistry.Columns.Where(c => c.Entity != typeof(MergeRecord) && c.Entity != typeof(DuplicateCandidate)))
        {
            var name = column.Name;
            // The merge adds its own audit entries about the survivor, and the merged record now points at it.
            if (name is "AuditEntry.SubjectConstituentId" or "Constituent.MergedIntoId") continue;
            Assert.True(afterMerged[name] == 0, $"{name}: {afterMerged[name]} row(s) still point at the merged record");
            var collapsed = image.GetProperty("collapsed").EnumerateArray().Count(r => r.GetProperty("_table").GetString() == db.Model.FindEntityType(column.Entity)!.GetTableName());
            // Hats join and repeated contact points and relationships collapse afterwards: never more rows than both had.
            Assert.True(afterSurvivor[name] <= beforeSurvivor[name] + beforeMerged[name], name);
            if (column.Entity != typeof(Hat) && column.Entity != typeof(ContactPoint) && column.Entity != typeof(Relationship))
                Assert.True(afterSurvivor[name] + collapsed >= beforeSurvivor[name] + beforeMerged[name], $"{name}: rows lost");
        }
        Assert.Equal(beforeMerged["Interaction.ConstituentId"] + beforeSurvivor["Interaction.ConstituentId"], afterSurvivor["Interaction.ConstituentId"]);
        Assert.Equal(beforeMerged["Gift.DonorId"] + beforeSurvivor["Gift.DonorId"], afterSurvivor["Gift.DonorId"]);
        Assert.True(image.GetProperty("moved").GetProperty("Gift.DonorId").GetArrayLength() > 0);
    }

    [Fact]
    public async Task The_old_id_redirects_searches_forget_it_and_consent_and_opt_outs_combine_to_the_most_restrictive()
    {
        var (busy, copy) = await BusyPersonAndCopyAsync();
        await using (var db = await Institution.OpenAsync())
        {
            var merged = await db.Constituents.SingleAsync(c => c.Id == copy);
            merged.EmailOptOut = true; // the copy had asked for no e-mail
            await db.SaveChangesAsync();
        }
        var steward = await StewardAsync();
        var merges = Institution.Get<RecordMerges>();
        var preview = await merges.PreviewAsync(steward, busy, copy);
        Assert.NotNull(preview);
        Assert.Null(preview.Refusal);
        Assert.Contains(preview.Moves, m => m.What.Contains("interaction", StringComparison.Ordinal) && m.Rows == 1);

        Assert.True((await merges.MergeAsync(steward, new MergeRequest(busy, copy, new HashSet<string>()))).Succeeded);

        await using var check = await Institution.OpenAsync();
        var survivor = await check.Constituents.Include(c => c.Hats).SingleAsync(c => c.Id == busy);
        Assert.True(survivor.EmailOptOut);
        Assert.Equal(busy, (await check.Constituents.SingleAsync(c => c.Id == copy)).MergedIntoId);
        Assert.Single(survivor.Hats, h => h.Kind == HatKind.Donor); // the two donor ranges joined
        Assert.Equal(busy, await merges.CurrentIdAsync(await Institution.PersonaAsync(Personas.Advancement), copy));
        Assert.Null(await merges.CurrentIdAsync(await Institution.PersonaAsync(Personas.Faculty), copy)); // not theirs to see
        var search = await Institution.Get<ConstituentSearch>().SearchAsync(await Institution.PersonaAsync(Personas.Admin), survivor.LastName, 0, 100);
        Assert.DoesNotContain(search.Items, r => r.Id == copy);
        Assert.Contains(await check.AuditEntries.Where(a => a.SubjectConstituentId == busy).Select(a => a.Detail).ToListAsync(), d => d!.Contains("merged into", StringComparison.Ordinal));
        // Merging again, or into the merged-away record, is refused.
        Assert.Equal(CommandStatus.Invalid, (await merges.MergeAsync(steward, new MergeRequest(busy, copy, new HashSet<string>()))).Status);
    }

    [Fact]
    public async Task Rows_that_would_collide_are_collapsed_and_a_relationship_keeps_only_the_access_both_granted()
    {
        await using var db = await Institution.OpenAsync();
        // A student recorded twice, both enrolled in the same term by two imports, each linked to the same parent.
        var enrolment = await db.ProgrammeEnrolments.OrderBy(e => e.Id).FirstAsync();
        var student = await db.Constituents.SingleAsync(c => c.Id == enrolment.StudentId);
        var now = Institution.Time.GetUtcNow().UtcDateTime;
        var copy = Constituent.Person(student.FirstName, student.LastName, now, null, student.BirthDate);
        var parent = Constituent.Person("Paula", "Guardian", now, "paula.guardian@example.org");
        db.Constituents.AddRange(copy, parent);
        await db.SaveChangesAsync();
        db.ProgrammeEnrolments.Add(new Domain.Academics.ProgrammeEnrolment
        {
            StudentId = copy.Id, TermId = enrolment.TermId, ProgrammeId = enrolment.ProgrammeId, Status = enrolment.Status, EnrolledOn = enrolment.EnrolledOn,
        });
        var wide = Relationship.Between(student, parent, RelationshipKind.Parent, new DateOnly(2010, 1, 1));
        wide.Grants = AccessGrant.EnrolmentStatus | AccessGrant.Grades;
        var narrow = Relationship.Between(copy, parent, RelationshipKind.Parent, new DateOnly(2012, 1, 1));
        narrow.Grants = AccessGrant.EnrolmentStatus;
        db.Relationships.AddRange(wide, narrow);
        await db.SaveChangesAsync();

        var result = await Institution.Get<RecordMerges>().MergeAsync(await StewardAsync(), new MergeRequest(student.Id, copy.Id, new HashSet<string>()));
        Assert.True(result.Succeeded, result.Message);

        await using var check = await Institution.OpenAsync();
        Assert.Single(await check.ProgrammeEnrolments.Where(e => e.StudentId == student.Id && e.TermId == enrolment.TermId).ToListAsync());
        var link = Assert.Single(await check.Relationships.Where(r => r.SubjectId == student.Id && r.RelatedId == parent.Id).ToListAsync());
        Assert.Equal(AccessGrant.EnrolmentStatus, link.Grants); // never wider than either grant
        Assert.Equal(new DateOnly(2010, 1, 1), link.StartDate);
        Assert.Contains("collapsed", (await check.MergeRecords.SingleAsync(m => m.MergedId == copy.Id)).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_stewards_and_administrators_merge_and_two_sign_ins_are_refused()
    {
        var (busy, copy) = await BusyPersonAndCopyAsync();
        var merges = Institution.Get<RecordMerges>();
        foreach (var persona in new[] { Personas.Advancement, Personas.Faculty, Personas.CaseWorker })
        {
            var other = await Institution.PersonaAsync(persona);
            Assert.Equal(CommandStatus.NotFound, (await merges.MergeAsync(other, new MergeRequest(busy, copy, new HashSet<string>()))).Status);
            Assert.Null(await merges.PreviewAsync(other, busy, copy));
        }

        var admin = await Institution.PersonaAsync(Personas.Admin);
        var tomas = await Institution.ConstituentIdAsync(Personas.Advancement);
        var helena = await Institution.ConstituentIdAsync(Personas.Faculty);
        Assert.NotNull((await merges.PreviewAsync(admin, tomas, helena))!.Refusal);
        Assert.Equal(CommandStatus.Invalid, (await merges.MergeAsync(admin, new MergeRequest(tomas, helena, new HashSet<string>()))).Status);
        await using var db = await Institution.OpenAsync();
        Assert.Null((await db.Constituents.SingleAsync(c => c.Id == helena)).MergedIntoId); // nothing changed
    }

    /// <summary>Every registered reference, except the merge's own bookkeeping (audit entries, merge records, queue pairs).</summary>
    private async Task<Dictionary<string, int>> HoldingsAsync(int id) =>
        (await ReferencesAsync(id)).Where(r => r.Key is not ("AuditEntry.SubjectConstituentId" or "AuditEntry.UserConstituentId") && !r.Key.StartsWith("MergeRecord.", StringComparison.Ordinal)
                                              && !r.Key.StartsWith("DuplicateCandidate.", StringComparison.Ordinal)).ToDictionary();

    [Fact]
    public async Task Undoing_a_merge_puts_back_every_row_both_records_and_what_was_collapsed_and_keeps_what_came_since()
    {
        var (busy, copy) = await BusyPersonAndCopyAsync();
        int parent;
        await using (var db = await Institution.OpenAsync())
        {
            // The same parent linked to both, with different grants: the merge collapses them to the narrower one.
            var now = Institution.Time.GetUtcNow().UtcDateTime;
            var guardian = Constituent.Person("Rita", "Undo", now, "rita.undo@example.org");
            db.Constituents.Add(guardian);
            await db.SaveChangesAsync();
            var (b, c) = (await db.Constituents.SingleAsync(x => x.Id == busy), await db.Constituents.SingleAsync(x => x.Id == copy));
            var wide = Relationship.Between(b, guardian, RelationshipKind.Parent, new DateOnly(2010, 1, 1));
            wide.Grants = AccessGrant.EnrolmentStatus | AccessGrant.Grades;
            db.Relationships.AddRange(wide, Relationship.Between(c, guardian, RelationshipKind.Parent, new DateOnly(2012, 1, 1)));
            await db.SaveChangesAsync();
            parent = guardian.Id;
        }
        var beforeBusy = await HoldingsAsync(busy);
        var beforeCopy = await HoldingsAsync(copy);
        Constituent original;
        await using (var db = await Institution.OpenAsync()) original = await db.Constituents.AsNoTracking().SingleAsync(x => x.Id == busy);
        var merges = Institution.Get<RecordMerges>();
        Assert.True((await merges.MergeAsync(await StewardAsync(), new MergeRequest(copy, busy, new HashSet<string> { RecordMerges.EmailField, RecordMerges.NameField }))).Succeeded);
        int mergeId, since;
        await using (var db = await Institution.OpenAsync())
        {
            mergeId = (await db.MergeRecords.SingleAsync(m => m.MergedId == busy)).Id;
            // Life goes on: a note on the survivor after the merge stays with it.
            var now = Institution.Time.GetUtcNow().UtcDateTime;
            var note = Interaction.Log(copy, Channel.Phone, Topic.General, "Called after the merge", null, now, null, now);
            db.Interactions.Add(note);
            await db.SaveChangesAsync();
            since = (int)note.Id;
        }

        Assert.Equal(CommandStatus.NotFound, (await merges.UnmergeAsync(await StewardAsync(), mergeId)).Status); // administrators only
        var undone = await merges.UnmergeAsync(await Institution.PersonaAsync(Personas.Admin), mergeId);

        Assert.True(undone.Succeeded, undone.Message);
        var afterBusy = await HoldingsAsync(busy);
        var afterCopy = await HoldingsAsync(copy);
        foreach (var (name, count) in beforeBusy)
            Assert.True(count == afterBusy[name], $"{name}: {count} before the merge, {afterBusy[name]} after the undo (merged record)");
        foreach (var (name, count) in beforeCopy)
            Assert.True(count + (name == "Interaction.ConstituentId" ? 1 : 0) == afterCopy[name], $"{name}: {count} before the merge, {afterCopy[name]} after the undo (survivor)");
        await using var check = await Institution.OpenAsync();
        var restored = await check.Constituents.SingleAsync(x => x.Id == busy);
        Assert.Equal((null, original.DisplayName, original.Email), (restored.MergedIntoId, restored.DisplayName, restored.Email));
        Assert.Equal(AccessGrant.EnrolmentStatus | AccessGrant.Grades, (await check.Relationships.SingleAsync(r => r.SubjectId == busy && r.RelatedId == parent)).Grants);
        Assert.Equal(copy, (await check.Interactions.SingleAsync(i => i.Id == since)).ConstituentId);
        Assert.NotNull((await check.MergeRecords.SingleAsync(m => m.Id == mergeId)).UndoneAt);
        Assert.Equal(CommandStatus.Invalid, (await merges.UnmergeAsync(await Institution.PersonaAsync(Personas.Admin), mergeId)).Status);
    }

    [Fact]
    public async Task Undoing_gives_a_student_number_taken_by_the_survivor_back_to_its_record()
    {
        int student, copy;
        string number;
        await using (var db = await Institution.OpenAsync())
        {
            var s = await db.Constituents.Where(c => c.Kind == ConstituentKind.Person && c.MergedIntoId == null && !db.PortalUsers.Any(u => u.ConstituentId == c.Id)
                                                     && db.Hats.Any(h => h.ConstituentId == c.Id && h.Kind == HatKind.Student)).OrderBy(c => c.Id).FirstAsync();
            s.StudentNumber ??= "S-UNDO-1"; // as the SIS import numbers students
            var now = Institution.Time.GetUtcNow().UtcDateTime;
            var c = Constituent.Person(s.FirstName, s.LastName, now, null, s.BirthDate);
            db.Constituents.Add(c);
            await db.SaveChangesAsync();
            (student, copy, number) = (s.Id, c.Id, s.StudentNumber!);
        }
        var merges = Institution.Get<RecordMerges>();
        Assert.True((await merges.MergeAsync(await StewardAsync(), new MergeRequest(copy, student, new HashSet<string>()))).Succeeded);
        await using (var db = await Institution.OpenAsync())
            Assert.Equal(number, (await db.Constituents.SingleAsync(c => c.Id == copy)).StudentNumber);

        int mergeId;
        await using (var db = await Institution.OpenAsync()) mergeId = (await db.MergeRecords.SingleAsync(m => m.MergedId == student)).Id;
        var undone = await merges.UnmergeAsync(await Institution.PersonaAsync(Personas.Admin), mergeId);

        Assert.True(undone.Succeeded, undone.Message);
        await using var check = await Institution.OpenAsync();
        Assert.Equal(number, (await check.Constituents.SingleAsync(c => c.Id == student)).StudentNumber);
        Assert.Null((await check.Constituents.SingleAsync(c => c.Id == copy)).StudentNumber);
    }
}
