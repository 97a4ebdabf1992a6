using CoRM.Domain.Access;

namespace CoRM.Domain.Constituents;

/// <summary>
/// A typed, directed, dated link: <see cref="Related"/> is the <see cref="Kind"/> of <see cref="Subject"/>.
/// The grants say what the related party may see of the subject, under a recorded consent.
/// </summary>
public class Relationship : IVersioned
{
    public int Id { get; set; }
    public int SubjectId { get; set; }
    public Constituent? Subject { get; set; }
    public int RelatedId { get; set; }
    public Constituent? Related { get; set; }
    public RelationshipKind Kind { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    public AccessGrant Grants { get; set; }
    public ConsentBasis ConsentBasis { get; set; }

    /// <summary>The constituent who consented (usually the subject), or null when staff recorded it on paper.</summary>
    public int? ConsentGivenById { get; set; }
    public DateTime? ConsentRecordedAt { get; set; }
    public DateOnly? ConsentExpiresOn { get; set; }
    public DateTime? RevokedAt { get; set; }
    public Guid Version { get; set; }

    public static Relationship Between(Constituent subject, Constituent related, RelationshipKind kind, DateOnly from)
    {
        if (ReferenceEquals(subject, related) || (subject.Id != 0 && subject.Id == related.Id))
            throw new DomainException("A constituent cannot be related to itself.");
        return new Relationship { Subject = subject, Related = related, Kind = kind, StartDate = from };
    }

    public bool IsActiveOn(DateOnly date) => StartDate <= date && (EndDate is null || date <= EndDate);

    /// <summary><see cref="IsActiveOn"/> as a query the database can run (a test checks they agree).</summary>
    public static System.Linq.Expressions.Expression<Func<Relationship, bool>> ActiveOn(DateOnly date) =>
        r => r.StartDate <= date && (r.EndDate == null || r.EndDate >= date);

    public bool IsFamily => Kind is RelationshipKind.Parent or RelationshipKind.Guardian;

    /// <summary><see cref="IsFamily"/> as a query the database can run.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Relationship, bool>> FamilyLink =
        r => r.Kind == RelationshipKind.Parent || r.Kind == RelationshipKind.Guardian;

    /// <summary>Records consent for the related party to see <paramref name="grants"/> of the subject.</summary>
    public void GrantAccess(AccessGrant grants, ConsentBasis basis, int? givenById, DateTime recordedAt, DateOnly? expiresOn = null)
    {
        if (grants == AccessGrant.None)
            throw new DomainException("Choose at least one thing the related person may see.");
        if (basis == ConsentBasis.None)
            throw new DomainException("Access needs a consent basis (written consent, tax dependant or emergency).");
        if (basis == ConsentBasis.TaxDependant && expiresOn is null)
            throw new DomainException("A tax-dependant attestation is valid for one tax year: give its end date.");
        if (expiresOn is { } until && until < DateOnly.FromDateTime(recordedAt))
            throw new DomainException("Consent cannot expire before it was recorded.");
        Grants = grants;
        ConsentBasis = basis;
        ConsentGivenById = givenById;
        ConsentRecordedAt = recordedAt;
        ConsentExpiresOn = expiresOn;
        RevokedAt = null;
    }

    /// <summary>Revocation takes effect at once: every later check refuses access.</summary>
    public void Revoke(DateTime at) => RevokedAt ??= at;
}
