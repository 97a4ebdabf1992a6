using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Constituents;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Constituents;

/// <param name="Hat">What the person is to the institution from today (a donor before recording their first gift, a volunteer before a roster).</param>
public sealed record NewPerson(string FirstName, string LastName, string? Email, string? Phone, DateOnly? BirthDate, string? Region, HatKind? Hat);

/// <summary>
/// Adds a person by hand (a new donor before their first gift, a walk-in guest, a new volunteer), with the one matching
/// rule: the same person already on record is refused with their id — the form has shown them while typing — and a
/// look-alike is created only when asked, and goes straight to the data steward's queue.
/// </summary>
public sealed class PersonIntake(CommandRunner runner, PersonLookup lookup, IOptions<MatchingOptions> options, AuditTrail audit, TimeProvider time)
{
    public const string Source = "Added by staff";

    /// <summary>The hats staff may give here; student, applicant, parent, faculty and staff come with their own records.</summary>
    public static IReadOnlyList<HatKind> Hats => ContactImportFields.ImportableHats;

    public Task<CommandResult> AddAsync(UserScope user, NewPerson person, CancellationToken ct = default)
    {
        if (!user.SeesWholeDirectory) return Task.FromResult(CommandResult.NotFound);
        if (Problem(person) is { } problem) return Task.FromResult(CommandResult.Invalid(problem));
        if (person.Hat is { } hat && !Hats.Contains(hat)) return Task.FromResult(CommandResult.Invalid($"{hat} comes with its own records, not from this form."));

        return runner.RunAsync(CommandOptions.About("record", transaction: true), async db =>
        {
            var match = await lookup.FindAsync(db, Facts(person), ct);
            if (match is { Verdict: MatchVerdict.SamePerson, Person: { } known })
                return CommandResult.Invalid($"{known.DisplayName} already exists: C-{known.Id} ({match.Score.Explanation}). Open that record instead.");
            var created = await CreateAsync(db, user, person, Source, match, ct);
            return CommandResult.Ok(created.Id);
        }, ct);
    }

    /// <summary>What is wrong with a new person's details, or null: the same rules wherever people are added by hand.</summary>
    public string? Problem(NewPerson person)
    {
        // Names are the domain's rule (a family name is required, a given name is not: some people have one name).
        if (!string.IsNullOrWhiteSpace(person.Email) && EmailAddress.TryNormalise(person.Email) is null) return $"'{person.Email.Trim()}' is not an e-mail address.";
        var phone = string.IsNullOrWhiteSpace(person.Phone) ? null : person.Phone.Trim();
        if (phone is not null && (phone.Length > ContactPoint.ValueMaxLength || MatchKeys.Phone(phone, options.Value.CallingCode) is null))
            return $"'{phone}' is not a phone number.";
        if (person.BirthDate > time.Today()) return "The date of birth cannot be in the future.";
        var region = person.Region?.Trim();
        if (region?.Length > Constituent.RegionMaxLength) return $"The region is limited to {Constituent.RegionMaxLength} characters.";
        return null;
    }

    /// <summary>The facts the matching rule compares, with the e-mail normalised.</summary>
    public static PersonFacts Facts(NewPerson person) =>
        new(person.FirstName, person.LastName, EmailAddress.TryNormalise(person.Email), string.IsNullOrWhiteSpace(person.Phone) ? null : person.Phone.Trim(), person.BirthDate);

    /// <summary>
    /// Creates a checked person (see <see cref="Problem"/>) from the source given, with their e-mail and phone as contact
    /// points; a look-alike goes straight to the data steward's queue. The caller has already refused or used a same-person match.
    /// Without a user (a public form) the entry names the person as its author: they created their own record.
    /// </summary>
    internal async Task<Constituent> CreateAsync(CormDbContext db, UserScope? user, NewPerson person, string source, PersonMatch match, CancellationToken ct)
    {
        var now = time.UtcNow();
        var facts = Facts(person);
        var created = Constituent.Person(person.FirstName, person.LastName, now, facts.Email, person.BirthDate);
        created.Region = string.IsNullOrWhiteSpace(person.Region) ? null : person.Region.Trim();
        created.Source = source;
        if (facts.Email is { } email) created.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Email, Value = email, IsPrimary = true });
        if (facts.Phone is { } phone) created.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Phone, Value = phone, IsPrimary = true });
        if (person.Hat is { } wear) created.Hats.Add(Hat.Wear(wear, DateOnly.FromDateTime(now)));
        db.Constituents.Add(created);
        await db.SaveChangesAsync(ct);
        if (match is { Verdict: MatchVerdict.PossibleDuplicate, Person: { } similar })
            db.DuplicateCandidates.Add(DuplicateCandidate.Found(similar.Id, created.Id, match.Score, now));
        audit.Record(db, user ?? UserScope.Of(created.Id, source), AuditAction.Create, nameof(Constituent), created.Id, created.Id, source);
        await db.SaveChangesAsync(ct);
        return created;
    }
}
