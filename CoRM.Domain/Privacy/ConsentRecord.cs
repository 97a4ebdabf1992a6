namespace CoRM.Domain.Privacy;

public enum ConsentKind
{
    /// <summary>E-mail about appeals, events and news.</summary>
    Email = 0,
    /// <summary>Appeals by post.</summary>
    Post = 1,
    /// <summary>Any contact at all (do not contact).</summary>
    AnyContact = 2,
    /// <summary>A student letting a parent or guardian see parts of their record.</summary>
    ParentAccess = 3,
    /// <summary>A consent statement on a form (public forms, events).</summary>
    Form = 4,
}

/// <summary>
/// One change of a consent, never edited: given or withdrawn, when, how it reached the institution, the wording the
/// person saw and the purpose it serves (GDPR article 7(1): the institution must be able to show consent was given).
/// The flags on the constituent say what holds today; these rows say how it came to be.
/// </summary>
public class ConsentRecord
{
    public const int TextMaxLength = 500;

    public long Id { get; set; }
    public int ConstituentId { get; set; }
    public ConsentKind Kind { get; set; }
    public bool Given { get; set; }
    public DateTime At { get; set; }

    /// <summary>How: "unsubscribe link in an appeal", "profile, by staff", "family access page, by the student".</summary>
    public string How { get; set; } = "";

    /// <summary>The words the person agreed to or withdrew from.</summary>
    public string Wording { get; set; } = "";

    public string Purpose { get; set; } = "";
    public int? RecordedById { get; set; }

    public static ConsentRecord Of(int constituentId, ConsentKind kind, bool given, DateTime at, string how, int? recordedById, string? wording = null, string? purpose = null) => new()
    {
        ConstituentId = constituentId,
        Kind = kind,
        Given = given,
        At = at,
        How = Clip(how),
        Wording = Clip(wording ?? StandardWording(kind)),
        Purpose = Clip(purpose ?? StandardPurpose(kind)),
        RecordedById = recordedById,
    };

    /// <summary>The institution's standing wording for each contact consent (forms carry their own).</summary>
    public static string StandardWording(ConsentKind kind) => kind switch
    {
        ConsentKind.Email => "The institution may send me e-mail about appeals, events and news. I can unsubscribe at any time with the link in every message.",
        ConsentKind.Post => "The institution may send me appeals by post. I can stop them with the code on any letter.",
        ConsentKind.AnyContact => "The institution may contact me.",
        ConsentKind.ParentAccess => "I let this parent or guardian see the parts of my record named here.",
        _ => "",
    };

    public static string StandardPurpose(ConsentKind kind) => kind switch
    {
        ConsentKind.Email => "appeals, events and news by e-mail",
        ConsentKind.Post => "appeals by post",
        ConsentKind.AnyContact => "any contact from the institution",
        ConsentKind.ParentAccess => "a parent or guardian following the student's studies",
        _ => "",
    };

    private static string Clip(string text) => text.Length > TextMaxLength ? text[..TextMaxLength] : text;
}
