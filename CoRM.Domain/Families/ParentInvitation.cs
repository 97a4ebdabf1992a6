namespace CoRM.Domain.Families;

/// <summary>
/// The secretariat's invitation for a parent or guardian to link their sign-in to their constituent record:
/// a single-use code sent by e-mail that expires. Only a hash of the code is stored, so a copy of the
/// database cannot be used to redeem outstanding invitations.
/// </summary>
public class ParentInvitation
{
    public const int CodeHashMaxLength = 64;
    public static readonly TimeSpan DefaultValidity = TimeSpan.FromDays(14);

    public int Id { get; set; }
    public int ParentId { get; set; }
    public string SentToEmail { get; set; } = "";
    public string CodeHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int? CreatedById { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RedeemedAt { get; set; }
    public int? RedeemedByPortalUserId { get; set; }

    /// <summary>Set when a newer invitation replaces this one, or staff withdraw it.</summary>
    public DateTime? WithdrawnAt { get; set; }

    public static ParentInvitation Issue(int parentId, string email, string codeHash, int? createdById, DateTime now, TimeSpan? validFor = null)
    {
        var validity = validFor ?? DefaultValidity;
        if (validity <= TimeSpan.Zero || validity > TimeSpan.FromDays(60))
            throw new DomainException("An invitation is valid for between a day and 60 days.");
        if (string.IsNullOrWhiteSpace(email)) throw new DomainException("The parent has no e-mail address to send the invitation to.");
        return new ParentInvitation
        {
            ParentId = parentId,
            SentToEmail = email,
            CodeHash = codeHash,
            CreatedAt = now,
            CreatedById = createdById,
            ExpiresAt = now + validity,
        };
    }

    public InvitationState StateAt(DateTime now) =>
        RedeemedAt is not null ? InvitationState.Redeemed
        : WithdrawnAt is not null ? InvitationState.Withdrawn
        : now >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Open;

    /// <summary>Uses the invitation up; the same code never works twice.</summary>
    public void Redeem(int portalUserId, DateTime now)
    {
        if (WhyNotRedeemable(now) is { } refusal) throw new DomainException(refusal);
        RedeemedAt = now;
        RedeemedByPortalUserId = portalUserId;
    }

    /// <summary>Why the code can no longer be used, in words for the person holding it; null while it is open.</summary>
    public string? WhyNotRedeemable(DateTime now) => StateAt(now) switch
    {
        InvitationState.Redeemed => "This invitation has already been used. Sign in, or ask the secretariat for a new one.",
        InvitationState.Withdrawn => "This invitation was replaced by a newer one. Use the code in the latest e-mail.",
        InvitationState.Expired => "This invitation has expired. Ask the secretariat to send a new one.",
        _ => null,
    };

    public void Withdraw(DateTime now)
    {
        if (StateAt(now) == InvitationState.Open) WithdrawnAt = now;
    }
}

public enum InvitationState
{
    Open,
    Redeemed,
    Expired,
    Withdrawn,
}
