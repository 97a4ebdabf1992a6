using CoRM.Domain.Constituents;

namespace CoRM.Domain.Access;

/// <summary>
/// Whether the related party of a family relationship may see part of the subject's record on a day.
/// One rule, used by every query that shows a child to a parent:
/// <list type="bullet">
/// <item>the relationship must be a parent or guardian link, active on the day and not revoked;</item>
/// <item>a minor's parent or guardian sees enrolment and balance by default, grades only when granted;</item>
/// <item>for an adult student, access needs an explicit grant with a consent basis that has not expired.</item>
/// </list>
/// </summary>
public static class RecordAccessPolicy
{
    public const AccessGrant MinorDefault = AccessGrant.EnrolmentStatus | AccessGrant.Balance;

    public static AccessGrant EffectiveGrants(Relationship relationship, Constituent subject, DateOnly today)
    {
        if (!relationship.IsFamily || !relationship.IsActiveOn(today) || relationship.RevokedAt is not null)
            return AccessGrant.None;

        var consented = ConsentIsValid(relationship, today) ? relationship.Grants : AccessGrant.None;
        return subject.IsMinorOn(today) ? consented | MinorDefault : consented;
    }

    public static bool Allows(Relationship relationship, Constituent subject, AccessGrant wanted, DateOnly today) =>
        wanted != AccessGrant.None && (EffectiveGrants(relationship, subject, today) & wanted) == wanted;

    public static bool ConsentIsValid(Relationship relationship, DateOnly today) =>
        relationship.ConsentBasis != ConsentBasis.None
        && relationship.RevokedAt is null
        && (relationship.ConsentExpiresOn is null || today <= relationship.ConsentExpiresOn);
}
