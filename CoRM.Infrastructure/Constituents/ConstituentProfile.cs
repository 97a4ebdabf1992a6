using CoRM.Domain.Access;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;

namespace CoRM.Infrastructure.Constituents;

/// <summary>The 360° view of one constituent, as far as the reader may see it.</summary>
public sealed record ConstituentProfile(
    ConstituentDetails Details,
    IReadOnlyList<HatRow> Hats,
    IReadOnlyList<RelationshipRow> Relationships,
    IReadOnlyList<ContactPointRow> ContactPoints,
    IReadOnlyList<AddressRow> Addresses,
    IReadOnlyList<ChannelCount> InteractionsByChannel,
    int OpenFollowUps);

/// <summary>The editable part of a constituent; <see cref="Version"/> guards against overwriting someone else's edit.</summary>
public sealed record ConstituentDetails(
    int Id, ConstituentKind Kind, string FirstName, string LastName, string DisplayName, string? Email, string? Region,
    DateOnly? BirthDate, bool DoNotContact, bool EmailOptOut, DateTime CreatedAt, Guid Version, bool PostOptOut = false, bool CanBeEmailed = false,
    DateTime? EmailOnHoldSince = null, string? EmailHoldReason = null);

public sealed record HatRow(HatKind Kind, DateOnly StartDate, DateOnly? EndDate, bool IsActive);

/// <summary>A relationship seen from the profile's side: <see cref="Label"/> is what the other one is to this one.</summary>
public sealed record RelationshipRow(
    int Id, int OtherId, string OtherName, RelationshipKind Kind, bool ThisIsSubject,
    DateOnly StartDate, DateOnly? EndDate, bool IsActive, AccessGrant Grants, ConsentBasis ConsentBasis, DateOnly? ConsentExpiresOn, bool Revoked)
{
    public string Label => ThisIsSubject ? Kind.AsSeenBySubject() : Kind.AsSeenByRelated();

    /// <summary>This profile is the child of a parent or guardian link: family access applies to it.</summary>
    public bool IsFamilyOfSubject => ThisIsSubject && Kind is RelationshipKind.Parent or RelationshipKind.Guardian;
}

public sealed record ContactPointRow(ContactPointKind Kind, string Value, string? Label, bool IsPrimary);

public sealed record AddressRow(string Text, string Region, bool IsPrimary);

public sealed record ChannelCount(Channel Channel, int Count);

public sealed record TimelineEntry(long Id, DateTime OccurredAt, Channel Channel, Topic Topic, bool Inbound, string Subject, string? Notes, string? RecordedBy,
    int? CaseId = null, CoRM.Domain.Cases.NoteSensitivity Sensitivity = CoRM.Domain.Cases.NoteSensitivity.Standard);
