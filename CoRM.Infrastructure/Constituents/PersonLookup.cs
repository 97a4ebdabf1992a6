using CoRM.Domain.Access;
using CoRM.Domain.Constituents;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoRM.Infrastructure.Constituents;

/// <summary>The best existing record for incoming data, with the score and its verdict.</summary>
public sealed record PersonMatch(Constituent? Person, MatchScore Score, MatchVerdict Verdict)
{
    public static readonly PersonMatch None = new(null, MatchScore.None, MatchVerdict.NewPerson);
}

/// <summary>
/// Finds whether incoming data (an inquiry, an application, a guest) is someone already on record, with the one
/// matching rule: candidates come from indexed lookups (e-mail, student number, the folded name in either order),
/// never a scan, and each is scored by <see cref="PersonMatcher"/>.
/// </summary>
public sealed class PersonLookup(IDbContextFactory<CormDbContext> dbFactory, IOptions<MatchingOptions> options)
{
    /// <summary>
    /// What a staff form shows before it writes ("Ana Silva already exists: C-1234, same e-mail"): the best match for the
    /// details typed so far, for users who may see the whole directory; nothing for anyone else (a match names a person).
    /// </summary>
    public async Task<PersonMatch> PreviewAsync(UserScope user, PersonFacts facts, CancellationToken ct = default)
    {
        if (!user.SeesWholeDirectory || string.IsNullOrWhiteSpace(facts.LastName)) return PersonMatch.None;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var match = await FindAsync(db, facts with { Email = EmailAddress.TryNormalise(facts.Email) }, ct);
        return match.Verdict == MatchVerdict.NewPerson ? PersonMatch.None : match;
    }

    public async Task<PersonMatch> FindAsync(CormDbContext db, PersonFacts facts, CancellationToken ct)
    {
        var candidates = await Candidates(db, facts).Include(c => c.Hats).Take(100).ToListAsync(ct);
        return Best(facts, candidates);
    }

    /// <summary>
    /// Who incoming data could be: each branch an index seek — e-mail, student number, the folded name either way round,
    /// the birth date (a typo in a name still shares the birth date; about 30 people share one at 600,000).
    /// </summary>
    internal static IQueryable<Constituent> Candidates(CormDbContext db, PersonFacts facts)
    {
        var email = MatchKeys.Email(facts.Email);
        var number = MatchKeys.ExternalId(facts.ExternalId);
        var name = SearchText.Fold($"{facts.FirstName} {facts.LastName}");
        var reversed = SearchText.Fold($"{facts.LastName} {facts.FirstName}");
        var born = facts.BirthDate;
        return db.Constituents.Where(Constituent.Current).Where(c => c.Kind == ConstituentKind.Person)
            .Where(c => (email != null && c.Email == email) || (number != null && c.StudentNumber == number) || c.SearchName == name || c.SearchName == reversed
                        || (born != null && c.BirthDate == born));
    }

    /// <summary>The best match among a known set of records only (a parent's own children, say).</summary>
    public async Task<PersonMatch> FindAmongAsync(CormDbContext db, IQueryable<int> ids, PersonFacts facts, CancellationToken ct)
    {
        var candidates = await db.Constituents.Include(c => c.Hats).Where(Constituent.Current).Where(c => ids.Contains(c.Id)).Take(100).ToListAsync(ct);
        return Best(facts, candidates);
    }

    private PersonMatch Best(PersonFacts facts, List<Constituent> candidates)
    {
        var best = PersonMatch.None;
        foreach (var candidate in candidates)
        {
            var score = PersonMatcher.Score(facts, new PersonFacts(candidate.FirstName, candidate.LastName, candidate.Email, null, candidate.BirthDate, null, candidate.StudentNumber),
                options.Value.CallingCode);
            if (score.Score > best.Score.Score) best = new PersonMatch(candidate, score, score.VerdictAt(options.Value.Thresholds));
        }
        return best;
    }
}
