namespace CoRM.Domain.Constituents;

/// <summary>How the institution reaches a constituent; used for contact preferences.</summary>
public enum InteractionChannelKind
{
    Email = 0,
    Phone = 1,
    Letter = 2,
    Sms = 3,
}
