using System.Globalization;
using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Imports;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static CoRM.Infrastructure.Imports.ImportValues;
using F = CoRM.Infrastructure.Constituents.ContactImportFields;

namespace CoRM.Infrastructure.Constituents;

public enum ContactRowVerdict
{
    /// <summary>Nobody like this is on record: a new record.</summary>
    New,

    /// <summary>The same person or organisation is on record (or earlier in the file): the row fills in what is missing.</summary>
    Matches,

    /// <summary>Someone similar is on record: the importer chooses; a new record goes to the data steward's queue.</summary>
    PossibleDuplicate,

    /// <summary>The row cannot be imported; the reason says why.</summary>
    Rejected,
}

/// <summary>What the importer decided for a possible duplicate (or a match they do not trust).</summary>
public enum ContactRowChoice
{
    /// <summary>A match is used, a possible duplicate becomes a new record queued for review, a new row is created.</summary>
    Suggested,
    CreateNew,
    UseMatch,
}

/// <summary>
/// One row as the import reads it: "new", "matches C-1234 (same e-mail)", "possible duplicate of C-88 (similar name,
/// same postcode)" or rejected with the reason; <see cref="Changes"/> says what importing it would add.
/// </summary>
public sealed record ContactRowPreview(
    int Line, string Name, ContactRowVerdict Verdict, int? MatchId, string? MatchName, int? MatchLine, string? Reasons, string Changes)
{
    public bool Unchanged => Verdict == ContactRowVerdict.Matches && Changes.Length == 0;
}

public sealed record ContactImportPreview(IReadOnlyList<string> Headers, IReadOnlyDictionary<string, string?> Mapping, IReadOnlyList<ContactRowPreview> Rows, string? Problem)
{
    public int Count(ContactRowVerdict verdict) => Rows.Count(r => r.Verdict == verdict);

    public IEnumerable<RejectedRow> Rejected => Rows.Where(r => r.Verdict == ContactRowVerdict.Rejected).Select(r => new RejectedRow(r.Line, r.Reasons ?? ""));
}

/// <summary>What an import wrote: records created, records completed, rows that changed nothing, new records queued for review.</summary>
public sealed record ContactImportReport(int Created, int Updated, int Unchanged, int Queued, IReadOnlyList<RejectedRow> Rejected, bool Committed, string? Problem = null);

/// <summary>
/// The general contact import (CSV or Excel): people and organisations with contact details, hats, source and consent.
/// Every row is matched with the one rule (<see cref="PersonMatcher"/>, the duplicate finder's blocking keys) against
/// the database and the rows above it, and the preview shows the verdict before anything is written. The import runs
/// the same reading again, applies the importer's choices, skips rejected rows and writes in one transaction. A match
/// only fills in what the record lacks (CoRM's own data wins; consent never widens), so importing the same file twice
/// changes nothing.
/// </summary>
public sealed class ContactImport(IDbContextFactory<CormDbContext> dbFactory, IOptions<MatchingOptions> options, AuditTrail audit, TimeProvider time)
{
    public const string ImporterName = "Contacts";

    /// <summary>Largest file the import accepts in rows (a file of 50,000 is read, matched and written in seconds).</summary>
    public const int MaxRows = 100_000;

    /// <summary>Above this many rows the import reads every record once instead of looking each key up.</summary>
    internal const int LargeFile = 2_000;

    public static bool MayUse(UserScope user) => user.ImportsContacts;

    public async Task<ContactImportPreview> PreviewAsync(UserScope user, TabularFile file, IReadOnlyDictionary<string, string?>? mapping = null, CancellationToken ct = default)
    {
        var used = mapping ?? ImportMapping.Suggest(F.All, file.Headers);
        if (!MayUse(user)) return new ContactImportPreview(file.Headers, used, [], "Only data stewards, administrators, advancement and admissions staff import contacts.");
        if (Problem(file, used) is { } problem) return new ContactImportPreview(file.Headers, used, [], problem);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await PlanAsync(db, file, used, ct);
        return new ContactImportPreview(file.Headers, used, plan.Select(p => p.Preview).ToList(), null);
    }

    /// <param name="choices">The importer's decision per line; lines not listed take the suggestion.</param>
    /// <param name="source">Where the file came from ("Alumni office spreadsheet"): each new record's source unless the row names one.</param>
    public async Task<ContactImportReport> ImportAsync(UserScope user, TabularFile file, IReadOnlyDictionary<string, string?> mapping,
        IReadOnlyDictionary<int, ContactRowChoice> choices, string source, CancellationToken ct = default)
    {
        if (!MayUse(user)) return new ContactImportReport(0, 0, 0, 0, [], false, "Only data stewards, administrators, advancement and admissions staff import contacts.");
        if (Problem(file, mapping) is { } problem) return new ContactImportReport(0, 0, 0, 0, [], false, problem);
        source = source.Trim();
        if (source.Length == 0) return new ContactImportReport(0, 0, 0, 0, [], false, "Say where the file comes from (the source).");
        if (source.Length > Constituent.SourceMaxLength) return new ContactImportReport(0, 0, 0, 0, [], false, $"The source is limited to {Constituent.SourceMaxLength} characters.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var plan = await PlanAsync(db, file, mapping, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);

        // Existing records a row will fill in, loaded with their hats, contact points and addresses.
        // A row that adds nothing to its record (a re-import) is not loaded at all.
        static bool AddsNothing(PlannedRow p) => p.Preview.Changes.Length == 0 && p.Row!.ConsentNote() is null;
        var targets = plan.Where(p => p.Preview.Verdict is ContactRowVerdict.Matches or ContactRowVerdict.PossibleDuplicate && p.Preview.MatchId is not null)
            .Where(p => Choice(p, choices) == ContactRowChoice.UseMatch && !AddsNothing(p)).Select(p => p.Preview.MatchId!.Value).Distinct().ToList();
        var existing = new Dictionary<int, Constituent>();
        foreach (var chunk in targets.Chunk(500))
            foreach (var c in await db.Constituents.Include(c => c.Hats).Include(c => c.ContactPoints).Include(c => c.Addresses).Where(c => chunk.Contains(c.Id)).AsSplitQuery().ToListAsync(ct))
                existing[c.Id] = c;
        var consentSeen = await ConsentNotesAsync(db, targets, ct);

        var createdByLine = new Dictionary<int, Constituent>();
        var queued = new List<(int MatchId, Constituent Created, MatchScore Score)>();
        var notes = new List<(Constituent Record, string Note, DateTime At)>();
        int created = 0, updated = 0, unchanged = 0;
        foreach (var step in plan)
        {
            if (step.Preview.Verdict == ContactRowVerdict.Rejected) continue;
            var row = step.Row!;
            var choice = Choice(step, choices);
            Constituent target;
            if (choice == ContactRowChoice.UseMatch && step.Preview.MatchId is { } id && !existing.ContainsKey(id))
            {
                unchanged++; // nothing to add: see AddsNothing
                continue;
            }
            if (choice == ContactRowChoice.UseMatch && step.Preview.MatchId is { } known) target = existing[known];
            else if (choice == ContactRowChoice.UseMatch && step.Preview.MatchLine is { } line && createdByLine.TryGetValue(line, out var earlier)) target = earlier;
            else
            {
                target = row.Create(now, source);
                db.Constituents.Add(target);
                createdByLine[row.Line] = target;
                created++;
                if (step.Preview.MatchId is { } similar && step.Score is { } score) queued.Add((similar, target, score));
            }
            var changes = row.ApplyTo(target, today, options.Value.CallingCode, consentSeen);
            if (!createdByLine.ContainsKey(row.Line) && target.Id != 0)
            {
                if (changes.Count > 0) updated++;
                else unchanged++;
            }
            if (row.ConsentNote() is { } note && !notes.Any(n => n.Record == target && n.Note == note) && !consentSeen.Contains((target.Id, note)))
                notes.Add((target, note, row.ConsentAt ?? now));
        }
        await db.SaveChangesAsync(ct);
        // The consent each row records, on the person's timeline (now that new records have their ids).
        foreach (var (record, note, at) in notes)
            db.Interactions.Add(Interaction.Log(record.Id, Channel.Import, Topic.General, note, $"Imported by C-{user.ConstituentId} from {source}.", at, user.ConstituentId, now, inbound: true));
        foreach (var (matchId, record, score) in queued)
            db.DuplicateCandidates.Add(DuplicateCandidate.Found(matchId, record.Id, score, now));
        var rejected = plan.Where(p => p.Preview.Verdict == ContactRowVerdict.Rejected).Select(p => new RejectedRow(p.Preview.Line, p.Preview.Reasons ?? "")).ToList();
        audit.Record(db, user, AuditAction.Create, "Import", ImporterName, null,
            $"{source}: {created} new, {updated} updated, {unchanged} unchanged, {queued.Count} queued for review, {rejected.Count} rejected");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ContactImportReport(created, updated, unchanged, queued.Count, rejected, Committed: true);
    }

    private static ContactRowChoice Choice(PlannedRow step, IReadOnlyDictionary<int, ContactRowChoice> choices)
    {
        var chosen = choices.GetValueOrDefault(step.Preview.Line);
        if (chosen != ContactRowChoice.Suggested) return chosen;
        return step.Preview.Verdict == ContactRowVerdict.Matches ? ContactRowChoice.UseMatch : ContactRowChoice.CreateNew;
    }

    private static string? Problem(TabularFile file, IReadOnlyDictionary<string, string?> mapping)
    {
        if (file.Headers.Count == 0 || file.Rows.Count == 0) return "The file has no rows to import.";
        if (file.Rows.Count > MaxRows) return $"The file has {file.Rows.Count:N0} rows; split it into files of at most {MaxRows:N0}.";
        if (ImportMapping.Problem(F.All, mapping, file.Headers) is { } problem) return problem;
        var named = new[] { F.LastName, F.OrganisationName }.Any(f => !string.IsNullOrEmpty(mapping.GetValueOrDefault(f)));
        return named ? null : "Map a column to LastName (people) or OrganisationName (organisations).";
    }

    private sealed record PlannedRow(ContactRowPreview Preview, ContactRow? Row, MatchScore? Score);

    /// <summary>Reads every row, finds its best match among the candidates from the database and the rows above it.</summary>
    private async Task<List<PlannedRow>> PlanAsync(CormDbContext db, TabularFile file, IReadOnlyDictionary<string, string?> mapping, CancellationToken ct)
    {
        var callingCode = options.Value.CallingCode;
        var thresholds = options.Value.Thresholds;
        var rows = new List<(int Line, ContactRow? Row, string? Rejection)>();
        foreach (var tabular in file.Rows)
        {
            try
            {
                rows.Add((tabular.Line, ContactRow.Read(tabular.Line, tabular.Values(F.All, mapping), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)), null));
            }
            catch (Exception e) when (e is FormatException or DomainException)
            {
                rows.Add((tabular.Line, null, e.Message));
            }
        }
        var known = await CandidatesAsync(db, rows.Where(r => r.Row is not null).Select(r => r.Row!).ToList(), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), ct);
        // Only keys some row has are worth indexing: a large file reads every record, but few share a key with the file.
        var index = new CandidateIndex(callingCode, rows.Where(r => r.Row is not null).SelectMany(r => CandidateIndex.KeysOf(r.Row!, callingCode)).ToHashSet(StringComparer.Ordinal));
        foreach (var candidate in known) index.Add(candidate);

        var plan = new List<PlannedRow>(rows.Count);
        var externalIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var holders = known.Where(k => k.ExternalId is not null).GroupBy(k => k.ExternalId!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var (line, row, rejection) in rows)
        {
            if (row is null)
            {
                plan.Add(new PlannedRow(new ContactRowPreview(line, "", ContactRowVerdict.Rejected, null, null, null, rejection, ""), null, null));
                continue;
            }
            if (row.ExternalId is { } externalId && !externalIds.TryAdd(externalId, line))
            {
                plan.Add(new PlannedRow(new ContactRowPreview(line, row.Name, ContactRowVerdict.Rejected, null, null, null, $"Same external id as line {externalIds[externalId]}.", ""), null, null));
                continue;
            }
            var (best, score) = index.Best(row);
            var verdict = best is null ? MatchVerdict.NewPerson : row.Contains(best, callingCode) ? MatchVerdict.SamePerson : score.VerdictAt(thresholds);
            if (best is not null && verdict == MatchVerdict.SamePerson && score.VerdictAt(thresholds) != MatchVerdict.SamePerson)
                score = new MatchScore(score.Score, [.. score.Reasons, "nothing in the row differs from the record"]);
            // Another record already holds this external id: only that record may be the match.
            if (row.ExternalId is not null && holders.GetValueOrDefault(row.ExternalId) is { } holder && holder.Id != best?.Id)
            {
                plan.Add(new PlannedRow(new ContactRowPreview(line, row.Name, ContactRowVerdict.Rejected, null, null, null,
                    $"External id {row.ExternalId} belongs to C-{holder.Id} {holder.Name}, who does not match this row.", ""), null, null));
                continue;
            }
            var preview = verdict switch
            {
                MatchVerdict.SamePerson => new ContactRowPreview(line, row.Name, ContactRowVerdict.Matches, best!.Id == 0 ? null : best.Id, best.Name, best.Line, score.Explanation, row.ChangesTo(best, callingCode)),
                MatchVerdict.PossibleDuplicate => new ContactRowPreview(line, row.Name, ContactRowVerdict.PossibleDuplicate, best!.Id == 0 ? null : best.Id, best.Name, best.Line, score.Explanation, row.ChangesTo(best, callingCode)),
                _ => new ContactRowPreview(line, row.Name, ContactRowVerdict.New, null, null, null, null, row.ChangesTo(null, callingCode)),
            };
            plan.Add(new PlannedRow(preview, row, best is null ? null : score));
            // Later rows match this one: what it would create (or complete) joins the candidates.
            index.Add(best is not null && verdict == MatchVerdict.SamePerson ? best.With(row, line) : Candidate.From(row));
        }
        return plan;
    }

    /// <summary>Records the file could match, by indexed lookups on its e-mails, external ids, folded names and birth dates.</summary>
    private static async Task<List<Candidate>> CandidatesAsync(CormDbContext db, List<ContactRow> rows, DateOnly today, CancellationToken ct)
    {
        var found = new Dictionary<int, Candidate>();
        var emails = rows.Select(r => r.Email).OfType<string>().Distinct().ToList();
        var ids = rows.Select(r => r.ExternalId).OfType<string>().Distinct().ToList();
        var names = rows.SelectMany(r => r.SearchNames()).Distinct().ToList();
        var dates = rows.Select(r => r.BirthDate).OfType<DateOnly>().Distinct().ToList();
        var current = db.Constituents.AsNoTracking().Where(Constituent.Current);
        async Task LoadAsync(IQueryable<Constituent> query)
        {
            await foreach (var c in query.Select(c => new { c.Id, c.Kind, c.FirstName, c.LastName, c.DisplayName, c.Email, c.BirthDate, c.ExternalId, c.EmailOptOut, c.Region })
                               .AsAsyncEnumerable().WithCancellation(ct))
                found.TryAdd(c.Id, new Candidate(c.Id, null, c.Kind, c.FirstName, c.LastName, c.DisplayName, c.Email, null, c.BirthDate, null, c.ExternalId, null, c.EmailOptOut, c.Region));
        }
        // A large file touches most of the database anyway (its birth dates alone cover most people): one pass over every
        // record is then far cheaper than thousands of lookups. A small file looks up only what it names.
        var large = rows.Count > LargeFile;
        if (large) await LoadAsync(current.Where(c => c.Kind != ConstituentKind.Household));
        else
        {
            foreach (var chunk in emails.Chunk(500)) await LoadAsync(current.Where(c => chunk.Contains(c.Email!)));
            foreach (var chunk in ids.Chunk(500)) await LoadAsync(current.Where(c => chunk.Contains(c.ExternalId!)));
            foreach (var chunk in names.Chunk(500)) await LoadAsync(current.Where(c => chunk.Contains(c.SearchName)));
            foreach (var chunk in dates.Chunk(200)) await LoadAsync(current.Where(c => c.BirthDate != null && chunk.Contains(c.BirthDate.Value)));
        }

        // Phones and postcodes of the candidates, for the score and for "nothing in the row differs"; hats worn today, for what a row adds.
        var phones = new Dictionary<int, List<string>>();
        var postcodes = new Dictionary<int, List<string>>();
        var hats = new Dictionary<int, List<HatKind>>();
        async Task DetailsAsync(IQueryable<ContactPoint> points, IQueryable<Address> addresses, IQueryable<Hat> worn)
        {
            await foreach (var p in points.Where(p => p.Kind == ContactPointKind.Phone || p.Kind == ContactPointKind.Mobile).Select(p => new { p.ConstituentId, p.Value }).AsAsyncEnumerable().WithCancellation(ct))
                if (found.ContainsKey(p.ConstituentId)) (phones.TryGetValue(p.ConstituentId, out var list) ? list : phones[p.ConstituentId] = []).Add(p.Value);
            await foreach (var a in addresses.Select(a => new { a.ConstituentId, a.PostalCode }).AsAsyncEnumerable().WithCancellation(ct))
                if (found.ContainsKey(a.ConstituentId)) (postcodes.TryGetValue(a.ConstituentId, out var list) ? list : postcodes[a.ConstituentId] = []).Add(a.PostalCode);
            await foreach (var h in worn.Where(Hat.ActiveOn(today)).Select(h => new { h.ConstituentId, h.Kind }).AsAsyncEnumerable().WithCancellation(ct))
                if (found.ContainsKey(h.ConstituentId)) (hats.TryGetValue(h.ConstituentId, out var list) ? list : hats[h.ConstituentId] = []).Add(h.Kind);
        }
        if (large) await DetailsAsync(db.ContactPoints.AsNoTracking(), db.Addresses.AsNoTracking(), db.Set<Hat>().AsNoTracking());
        else
            foreach (var chunk in found.Keys.Chunk(1000))
                await DetailsAsync(db.ContactPoints.AsNoTracking().Where(p => chunk.Contains(p.ConstituentId)), db.Addresses.AsNoTracking().Where(a => chunk.Contains(a.ConstituentId)),
                    db.Set<Hat>().AsNoTracking().Where(h => chunk.Contains(h.ConstituentId)));
        return found.Values.Select(c => c with { Phones = phones.GetValueOrDefault(c.Id) ?? [], PostalCodes = postcodes.GetValueOrDefault(c.Id) ?? [], Hats = hats.GetValueOrDefault(c.Id) ?? [] }).ToList();
    }

    /// <summary>The consent notes already on these records, so a re-import does not note the same consent twice.</summary>
    private static async Task<HashSet<(int, string)>> ConsentNotesAsync(CormDbContext db, List<int> ids, CancellationToken ct)
    {
        var seen = new HashSet<(int, string)>();
        foreach (var chunk in ids.Chunk(500))
            foreach (var i in await db.Interactions.AsNoTracking().Where(i => chunk.Contains(i.ConstituentId) && i.Channel == Channel.Import).Select(i => new { i.ConstituentId, i.Subject }).ToListAsync(ct))
                seen.Add((i.ConstituentId, i.Subject));
        return seen;
    }

    /// <summary>A record (or an earlier row of the file, Id 0) as matching sees it.</summary>
    internal sealed record Candidate(
        int Id, int? Line, ConstituentKind Kind, string FirstName, string LastName, string Name, string? Email, IReadOnlyList<string>? Phones,
        DateOnly? BirthDate, IReadOnlyList<string>? PostalCodes, string? ExternalId, IReadOnlyList<HatKind>? Hats = null, bool EmailOptOut = false, string? Region = null)
    {
        public PersonFacts Facts => new(FirstName, LastName, Email, (Phones is { Count: > 0 } ? Phones[0] : null), BirthDate, (PostalCodes is { Count: > 0 } ? PostalCodes[0] : null), ExternalId);

        public static Candidate From(ContactRow row) =>
            new(0, row.Line, row.Kind, row.FirstName, row.LastName, row.Name, row.Email, row.Phone is null ? [] : [row.Phone], row.BirthDate,
                row.PostalCode is null ? [] : [row.PostalCode], row.ExternalId, row.Hats, row.EmailConsent == false, row.Region);

        /// <summary>This candidate after a matching row filled it in (a later row sees the completed record).</summary>
        public Candidate With(ContactRow row, int line) => this with
        {
            Email = Email ?? row.Email,
            Phones = row.Phone is null ? Phones : [.. Phones ?? [], row.Phone],
            BirthDate = BirthDate ?? row.BirthDate,
            PostalCodes = row.PostalCode is null ? PostalCodes : [.. PostalCodes ?? [], row.PostalCode],
            ExternalId = ExternalId ?? row.ExternalId,
            Hats = [.. (Hats ?? []).Union(row.Hats)],
            EmailOptOut = EmailOptOut || row.EmailConsent == false,
            Region = Region ?? row.Region,
            Line = Id == 0 ? Line : line,
        };
    }

    /// <summary>The duplicate finder's blocking keys plus the folded name: only candidates sharing a key are scored.</summary>
    private sealed class CandidateIndex(string callingCode, HashSet<string> wanted)
    {
        private readonly Dictionary<string, List<Candidate>> byKey = new(StringComparer.Ordinal);

        public static IEnumerable<string> KeysOf(ContactRow row, string callingCode) =>
            Keys(row.Kind, row.Facts, row.Phone is null ? [] : [row.Phone], row.PostalCode is null ? [] : [row.PostalCode], callingCode);

        public void Add(Candidate candidate)
        {
            foreach (var key in Keys(candidate.Kind, candidate.Facts, candidate.Phones, candidate.PostalCodes, callingCode))
            {
                if (!wanted.Contains(key)) continue;
                if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
                // A later version of the same candidate (an earlier row completed) replaces the old one.
                list.RemoveAll(c => (c.Id != 0 && c.Id == candidate.Id) || (c.Id == 0 && c.Line == candidate.Line));
                if (list.Count < DuplicateFinder.MaxBlock) list.Add(candidate);
            }
        }

        public (Candidate? Best, MatchScore Score) Best(ContactRow row)
        {
            Candidate? best = null;
            var bestScore = MatchScore.None;
            foreach (var key in KeysOf(row, callingCode))
            {
                if (!byKey.TryGetValue(key, out var list)) continue;
                foreach (var candidate in list)
                {
                    if (candidate.Kind != row.Kind) continue;
                    var score = row.Kind == ConstituentKind.Person ? PersonMatcher.Score(row.Facts, candidate.Facts, callingCode) : OrganisationScore(row, candidate);
                    if (score.Score > bestScore.Score || (score.Score == bestScore.Score && best is { Id: 0 } && candidate.Id != 0))
                        (best, bestScore) = (candidate, score);
                }
            }
            return bestScore.Score > 0 ? (best, bestScore) : (null, MatchScore.None);
        }

        private static IEnumerable<string> Keys(ConstituentKind kind, PersonFacts facts, IReadOnlyList<string>? phones, IReadOnlyList<string>? postcodes, string callingCode)
        {
            var keys = DuplicateFinder.Keys(facts, callingCode).ToList();
            foreach (var phone in phones?.Skip(1) ?? []) keys.AddRange(DuplicateFinder.Keys(new PersonFacts(null, null, Phone: phone), callingCode));
            foreach (var postcode in postcodes?.Skip(1) ?? []) keys.AddRange(DuplicateFinder.Keys(facts with { Email = null, Phone = null, ExternalId = null, BirthDate = null, PostalCode = postcode }, callingCode));
            var (first, last) = (MatchKeys.Name(facts.FirstName), MatchKeys.Name(facts.LastName));
            keys.Add($"n{(int)kind}:" + (string.CompareOrdinal(first, last) <= 0 ? first + "|" + last : last + "|" + first));
            return keys.Distinct();
        }

        private static MatchScore OrganisationScore(ContactRow row, Candidate candidate)
        {
            if (MatchKeys.ExternalId(row.ExternalId) is { } id && id == MatchKeys.ExternalId(candidate.ExternalId)) return new MatchScore(100, ["same external id"]);
            var sameName = MatchKeys.Name(row.LastName) == MatchKeys.Name(candidate.LastName);
            var sameEmail = row.Email is not null && row.Email == candidate.Email;
            return (sameName, sameEmail) switch
            {
                (true, true) => new MatchScore(100, ["same name", "same e-mail"]),
                (true, false) => new MatchScore(90, ["same name"]),
                (false, true) => new MatchScore(60, ["same e-mail"]),
                _ => MatchScore.None,
            };
        }
    }

    /// <summary>One row of the file, read and checked.</summary>
    internal sealed record ContactRow(
        int Line, ConstituentKind Kind, string FirstName, string LastName, string? Email, string? Phone, string? Street, string? City, string? PostalCode,
        string? Region, string? Country, DateOnly? BirthDate, string? ExternalId, IReadOnlyList<HatKind> Hats, string? Source, bool? EmailConsent,
        string? ConsentPurpose, DateOnly? ConsentDate)
    {
        public string Name => FirstName.Length == 0 ? LastName : $"{FirstName} {LastName}";

        public PersonFacts Facts => new(FirstName, LastName, Email, Phone, BirthDate, PostalCode, ExternalId);

        public DateTime? ConsentAt => ConsentDate?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        public IEnumerable<string> SearchNames()
        {
            yield return SearchText.Fold(Name);
            if (FirstName.Length > 0) yield return SearchText.Fold($"{LastName} {FirstName}");
        }

        public static ContactRow Read(int line, Dictionary<string, string> v, DateOnly today)
        {
            var kind = v[F.Kind].Trim().ToLowerInvariant() switch
            {
                "" or "person" or "individual" or "people" => ConstituentKind.Person,
                "organisation" or "organization" or "company" or "org" => ConstituentKind.Organisation,
                var other => throw new FormatException($"Kind: '{other}' is not Person or Organisation."),
            };
            var (first, last) = kind == ConstituentKind.Person
                ? (Text(v, F.FirstName, Constituent.NameMaxLength) ?? "", Text(v, F.LastName, Constituent.NameMaxLength) ?? throw new FormatException("LastName is empty."))
                : ("", Text(v, F.OrganisationName, Constituent.NameMaxLength) ?? Text(v, F.LastName, Constituent.NameMaxLength) ?? throw new FormatException("OrganisationName is empty."));
            string? email = null;
            if (v[F.Email].Length > 0)
                email = EmailAddress.TryNormalise(v[F.Email]) is { Length: <= Constituent.EmailMaxLength } normal ? normal : throw new FormatException($"Email: '{v[F.Email]}' is not an e-mail address.");
            var phone = Text(v, F.Phone, ContactPoint.ValueMaxLength);
            if (phone is not null && MatchKeys.Phone(phone, null) is null && MatchKeys.Phone(phone, "1") is null)
                throw new FormatException($"Phone: '{phone}' is not a phone number.");
            var birth = Date(v, F.BirthDate, optional: true);
            if (birth > today) throw new FormatException("BirthDate is in the future.");
            if (birth is not null && kind != ConstituentKind.Person) throw new FormatException("An organisation has no date of birth.");
            var hats = new List<HatKind>();
            foreach (var name in v[F.Hats].Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var hat = Enum.TryParse<HatKind>(name.Replace(" ", "", StringComparison.Ordinal), ignoreCase: true, out var h) && Enum.IsDefined(h) ? h
                    : name.Equals("alumni", StringComparison.OrdinalIgnoreCase) || name.Equals("alumna", StringComparison.OrdinalIgnoreCase) ? HatKind.Alumnus
                    : throw new FormatException($"Hats: '{name}' is not one of {string.Join(", ", F.ImportableHats)}.");
                if (!F.ImportableHats.Contains(hat)) throw new FormatException($"Hats: {hat} comes from its own records, not a contact import.");
                if (!hats.Contains(hat)) hats.Add(hat);
            }
            bool? consent = v[F.EmailConsent].Length == 0 ? null : Bool(F.EmailConsent, v[F.EmailConsent]);
            var consentDate = Date(v, F.ConsentDate, optional: true);
            if (consentDate > today) throw new FormatException("ConsentDate is in the future.");
            return new ContactRow(line, kind, first, last, email, phone, Text(v, F.Street, Address.LineMaxLength), Text(v, F.City, Address.CityMaxLength),
                Text(v, F.PostalCode, Address.PostalCodeMaxLength), Text(v, F.Region, Constituent.RegionMaxLength), Text(v, F.Country, Address.CountryMaxLength),
                birth, Text(v, F.ExternalId, Constituent.ExternalIdMaxLength), hats, Text(v, F.Source, Constituent.SourceMaxLength), consent,
                Text(v, F.ConsentPurpose, 100), consentDate);
        }

        /// <summary>
        /// Every fact the row gives is already on the record (same name, and each e-mail, phone, birth date, postcode and
        /// id either equal or absent from the row): the row is that record, even where the score alone would hesitate.
        /// </summary>
        public bool Contains(Candidate c, string callingCode) =>
            MatchKeys.Name(FirstName) == MatchKeys.Name(c.FirstName) && MatchKeys.Name(LastName) == MatchKeys.Name(c.LastName)
            && (Email is null || Email == c.Email)
            && (Phone is null || (c.Phones ?? []).Any(p => MatchKeys.Phone(p, callingCode) == MatchKeys.Phone(Phone, callingCode)))
            && (BirthDate is null || BirthDate == c.BirthDate)
            && (PostalCode is null || (c.PostalCodes ?? []).Any(p => MatchKeys.PostalCode(p) == MatchKeys.PostalCode(PostalCode)))
            && (ExternalId is null || string.Equals(ExternalId, c.ExternalId, StringComparison.OrdinalIgnoreCase));

        /// <summary>What importing the row adds to a candidate (or creates), in words; empty when nothing.</summary>
        public string ChangesTo(Candidate? c, string callingCode)
        {
            if (c is null) return "new " + (Kind == ConstituentKind.Person ? "person" : "organisation");
            var parts = new List<string>();
            if (Email is not null && c.Email is null) parts.Add("e-mail");
            else if (Email is not null && Email != c.Email) parts.Add("second e-mail");
            if (Phone is not null && !(c.Phones ?? []).Any(p => MatchKeys.Phone(p, callingCode) == MatchKeys.Phone(Phone, callingCode))) parts.Add("phone");
            if (PostalCode is not null && !(c.PostalCodes ?? []).Any(p => MatchKeys.PostalCode(p) == MatchKeys.PostalCode(PostalCode))) parts.Add("address");
            if (BirthDate is not null && c.BirthDate is null) parts.Add("date of birth");
            if (ExternalId is not null && c.ExternalId is null) parts.Add("external id");
            if (Region is not null && c.Region is null) parts.Add("region");
            parts.AddRange(Hats.Where(h => !(c.Hats ?? []).Contains(h)).Select(h => "hat " + h));
            if (EmailConsent == false && !c.EmailOptOut) parts.Add("e-mail opt-out");
            return string.Join(", ", parts);
        }

        public Constituent Create(DateTime now, string source)
        {
            var c = Kind == ConstituentKind.Person ? Constituent.Person(FirstName, LastName, now, Email, BirthDate) : Constituent.Organisation(LastName, now, Email);
            c.Source = Source ?? source;
            if (Email is not null) c.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Email, Value = Email, IsPrimary = true });
            return c;
        }

        /// <summary>Fills in what the record lacks; never overwrites CoRM's data and never widens consent. Returns what changed.</summary>
        public List<string> ApplyTo(Constituent c, DateOnly today, string callingCode, HashSet<(int, string)> consentSeen)
        {
            var changes = new List<string>();
            if (Email is not null && c.Email is null)
            {
                c.SetPrimaryEmail(Email);
                changes.Add("e-mail");
            }
            if (Email is not null && !c.ContactPoints.Any(p => p.Kind == ContactPointKind.Email && string.Equals(p.Value, Email, StringComparison.OrdinalIgnoreCase)))
            {
                c.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Email, Value = Email, IsPrimary = c.Email == Email });
                if (c.Email != Email) changes.Add("second e-mail");
            }
            if (Phone is not null && !c.ContactPoints.Any(p => p.Kind is ContactPointKind.Phone or ContactPointKind.Mobile && MatchKeys.Phone(p.Value, callingCode) == MatchKeys.Phone(Phone, callingCode)))
            {
                c.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Phone, Value = Phone, IsPrimary = !c.ContactPoints.Any(p => p.Kind is ContactPointKind.Phone or ContactPointKind.Mobile) });
                changes.Add("phone");
            }
            if ((Street ?? City ?? PostalCode) is not null
                && !c.Addresses.Any(a => MatchKeys.PostalCode(a.PostalCode) == MatchKeys.PostalCode(PostalCode ?? "") && string.Equals(a.Street, Street ?? "", StringComparison.OrdinalIgnoreCase)))
            {
                c.Addresses.Add(new Address { Street = Street ?? "", City = City ?? "", PostalCode = PostalCode ?? "", Region = Region ?? "", Country = Country ?? "", IsPrimary = c.Addresses.Count == 0 });
                changes.Add("address");
            }
            if (BirthDate is not null && c.BirthDate is null)
            {
                c.BirthDate = BirthDate;
                changes.Add("date of birth");
            }
            if (Region is not null && c.Region is null)
            {
                c.Region = Region;
                changes.Add("region");
            }
            if (ExternalId is not null && c.ExternalId is null)
            {
                c.ExternalId = ExternalId;
                changes.Add("external id");
            }
            foreach (var hat in Hats.Where(h => !c.WearsHatOn(h, today)))
            {
                c.Hats.Add(Hat.Wear(hat, today));
                changes.Add("hat " + hat);
            }
            if (EmailConsent == false && !c.EmailOptOut)
            {
                c.EmailOptOut = true;
                changes.Add("e-mail opt-out");
            }
            if (ConsentNote() is { } note && (c.Id == 0 || !consentSeen.Contains((c.Id, note)))) changes.Add("consent noted");
            return changes;
        }

        /// <summary>The consent the file records, as a timeline note ("E-mail consent: yes, newsletter, 2026-03-01").</summary>
        public string? ConsentNote() => EmailConsent is not { } given ? null
            : string.Join(", ", new[] { "E-mail consent: " + (given ? "yes" : "no"), ConsentPurpose, ConsentDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }.OfType<string>());
    }
}
