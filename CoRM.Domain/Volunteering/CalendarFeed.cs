namespace CoRM.Domain.Volunteering;

/// <summary>
/// A volunteer's calendar subscription: the secret address a calendar app polls (it cannot sign in). The address names
/// this row's <see cref="Key"/>; revoking the row kills the address at once, and it expires on its own after a period
/// the institution sets, so a link pasted into a shared calendar does not leak a volunteer's shifts for ever.
/// </summary>
public class CalendarFeed
{
    public int Id { get; set; }
    public int ConstituentId { get; set; }
    public Guid Key { get; set; }
    public DateTime IssuedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    /// <summary>When a calendar app first fetched it: that first use is audited as an export.</summary>
    public DateTime? FirstUsedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public bool IsLiveAt(DateTime now) => RevokedAt is null && now < ExpiresAt;
}
