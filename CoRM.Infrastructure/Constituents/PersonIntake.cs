using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Auditing;
using CoRM.Domain.Constituents;
using CoRM.Infrastructure.Auditing;
using CoRM.Infrastructure.Common;
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
        var email = string.IsNullOrWhiteSpace(person.Email) ? null : EmailAddress.TryNormalise(person.Email);
        if (person.Email is { Length: > 0 } typed && !string.IsNullOrWhiteSpace(typed) && email is null) return Task.FromResult(CommandResult.Invalid($"'{typed.Trim()}' is not an e-mail address."));
        var phone = string.IsNullOrWhiteSpace(person.Phone) ? null : person.Phone.Trim();
        if (phone is not null && (phone.Length > ContactPoint.ValueMaxLength || MatchKeys.Phone(phone, options.Value.CallingCode) is null))
            return Task.FromResult(CommandResult.Invalid($"'{phone}' is not a phone number."));
        var now = time.UtcNow();
        if (person.BirthDate > DateOnly.FromDateTime(now)) return Task.FromResult(CommandResult.Invalid("The date of birth cannot be in the future."));
        if (person.Hat is { } hat && !Hats.Contains(hat)) return Task.FromResult(CommandResult.Invalid($"{hat} comes with its own records, not from this form."));
        var region = string.IsNullOrWhiteSpace(person.Region) ? null : person.Region.Trim();
        if (region?.Length > Constituent.RegionMaxLength) return Task.FromResult(CommandResult.Invalid($"The region is limited to {Constituent.RegionMaxLength} characters."));

        return runner.RunAsync(CommandOptions.About("record", transaction: true), async db =>
        {
            var match = await lookup.FindAsync(db, new PersonFacts(person.FirstName, person.LastName, email, phone, person.BirthDate), ct);
            if (match is { Verdict: MatchVerdict.SamePerson, Person: { } known })
                return CommandResult.Invalid($"{known.DisplayName} already exists: C-{known.Id} ({match.Score.Explanation}). Open that record instead.");
            var created = Constituent.Person(person.FirstName, person.LastName, now, email, person.BirthDate);
            created.Region = region;
            created.Source = Source;
            if (email is not null) created.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Email, Value = email, IsPrimary = true });
            if (phone is not null) created.ContactPoints.Add(new ContactPoint { Kind = ContactPointKind.Phone, Value = phone, IsPrimary = true });
            if (person.Hat is { } wear) created.Hats.Add(Hat.Wear(wear, DateOnly.FromDateTime(now)));
            db.Constituents.Add(created);
            await db.SaveChangesAsync(ct);
            if (match is { Verdict: MatchVerdict.PossibleDuplicate, Person: { } similar })
                db.DuplicateCandidates.Add(DuplicateCandidate.Found(similar.Id, created.Id, match.Score, now));
            audit.Record(db, user, AuditAction.Create, nameof(Constituent), created.Id, created.Id, Source);
            await db.SaveChangesAsync(ct);
            return CommandResult.Ok(created.Id);
        }, ct);
    }
}
