namespace CoRM.Domain.Constituents;

/// <summary>One record per person, household or organisation, whatever hats it wears.</summary>
public class Constituent : IVersioned
{
    public const int NameMaxLength = 100;
    public const int DisplayNameMaxLength = 210;
    public const int EmailMaxLength = 254;
    public const int RegionMaxLength = 80;
    public const int StudentNumberMaxLength = 40;
    public const int ExternalIdMaxLength = 64;
    public const int SourceMaxLength = 100;

    public int Id { get; set; }
    public ConstituentKind Kind { get; set; }

    /// <summary>Given name for a person; empty for households and organisations.</summary>
    public string FirstName { get; set; } = "";

    /// <summary>Family name for a person; the name of a household or organisation otherwise.</summary>
    public string LastName { get; set; } = "";

    /// <summary>Name as shown and searched ("Ana Costa", "Costa household", "Acme Ltd").</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Folded "FAMILY GIVEN" name: the sort order and an indexed search key.</summary>
    public string SortName { get; set; } = "";

    /// <summary>Folded "GIVEN FAMILY" name: the second indexed search key, so either order finds the person.</summary>
    public string SearchName { get; set; } = "";

    public DateOnly? BirthDate { get; set; }

    /// <summary>Primary e-mail, lower-cased; also kept among the contact points.</summary>
    public string? Email { get; set; }

    public string? Region { get; set; }

    /// <summary>The student-information system's number for this person; the key imports match on.</summary>
    public string? StudentNumber { get; set; }

    /// <summary>
    /// The id this person had in the system they were imported from (an old CRM, an alumni spreadsheet): a re-import of
    /// the same file finds them by it. Unique, like CiviCRM's external identifier.
    /// </summary>
    public string? ExternalId { get; set; }

    /// <summary>How this record came to the institution ("Alumni office spreadsheet", "Open day 2026"): set when created.</summary>
    public string? Source { get; set; }

    public bool DoNotContact { get; set; }
    public bool EmailOptOut { get; set; }

    public const int EmailHoldReasonMaxLength = 500;

    /// <summary>
    /// Set when the relay refused this address for good (a 5xx answer to RCPT TO): nothing more is sent to it until the
    /// address changes. CiviCRM calls it "on hold".
    /// </summary>
    public DateTime? EmailOnHoldSince { get; private set; }

    /// <summary>The relay's answer that put the address on hold.</summary>
    public string? EmailHoldReason { get; private set; }

    public void HoldEmail(string reason, DateTime at)
    {
        if (EmailOnHoldSince is not null) return;
        EmailOnHoldSince = at;
        EmailHoldReason = HoldReasonOf(reason);
    }

    /// <summary>A relay's answer cut to what <see cref="EmailHoldReason"/> holds (the dispatcher sets it in bulk too).</summary>
    public static string HoldReasonOf(string answer) => answer.Length > EmailHoldReasonMaxLength ? answer[..EmailHoldReasonMaxLength] : answer;

    /// <summary>Someone checked the address (or the person gave a new one): mail to it may go again.</summary>
    public void ReleaseEmailHold()
    {
        EmailOnHoldSince = null;
        EmailHoldReason = null;
    }

    /// <summary>Asked for no appeals by post (the code printed on a letter, or staff); other letters still reach them.</summary>
    public bool PostOptOut { get; set; }

    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; }

    /// <summary>
    /// Set when the person was erased: the row stays as a pseudonym ("Erased person 7F3A9C21") so that gifts and
    /// receipts the law keeps still point somewhere, and holds no personal data.
    /// </summary>
    public DateTime? ErasedAt { get; private set; }

    /// <summary>Every personal field goes; the id and the kind stay, under a pseudonym that says what happened.</summary>
    public void Erase(string pseudonym, DateTime at)
    {
        if (ErasedAt is not null) throw new DomainException("This person has already been erased.");
        if (MergedIntoId is not null) throw new DomainException("This record was merged: erase the record it was merged into.");
        FirstName = "";
        LastName = pseudonym;
        DisplayName = pseudonym;
        SortName = SearchText.Fold(pseudonym);
        SearchName = SortName;
        BirthDate = null;
        Email = null;
        ReleaseEmailHold();
        Region = null;
        StudentNumber = null;
        ExternalId = null;
        Source = null;
        // Nobody erased is ever contacted again.
        DoNotContact = true;
        EmailOptOut = true;
        PostOptOut = true;
        ErasedAt = at;
    }

    /// <summary>Set when this record was merged into another: the survivor, where old links and ids now lead.</summary>
    public int? MergedIntoId { get; private set; }

    /// <summary>Not merged away: the records that searches, scopes and lists show.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Constituent, bool>> Current = c => c.MergedIntoId == null;

    /// <summary>
    /// This record becomes a pointer to <paramref name="survivor"/>: it keeps its id (old links redirect) and loses its
    /// student number and external id (the survivor may take them; both stay unique).
    /// </summary>
    public void MergeInto(Constituent survivor)
    {
        if (survivor.Id == Id) throw new DomainException("A record cannot be merged into itself.");
        if (MergedIntoId is not null || survivor.MergedIntoId is not null) throw new DomainException("One of these records has already been merged.");
        if (survivor.Kind != Kind) throw new DomainException("A person and an organisation or household cannot be merged.");
        MergedIntoId = survivor.Id;
        StudentNumber = null;
        ExternalId = null;
        // Whatever either record asked for, the survivor keeps: consent never widens in a merge.
        survivor.DoNotContact |= DoNotContact;
        survivor.EmailOptOut |= EmailOptOut;
        survivor.PostOptOut |= PostOptOut;
    }

    /// <summary>An undone merge: this record stands on its own again.</summary>
    public void Unmerge()
    {
        if (MergedIntoId is null) throw new DomainException("This record has not been merged.");
        MergedIntoId = null;
    }

    public List<Hat> Hats { get; set; } = [];
    public List<ContactPoint> ContactPoints { get; set; } = [];
    public List<Address> Addresses { get; set; } = [];

    public static Constituent Person(string firstName, string lastName, DateTime createdAt, string? email = null, DateOnly? birthDate = null)
    {
        var c = new Constituent { Kind = ConstituentKind.Person, BirthDate = birthDate, CreatedAt = createdAt };
        c.Rename(firstName, lastName);
        c.SetPrimaryEmail(email);
        return c;
    }

    public static Constituent Organisation(string name, DateTime createdAt, string? email = null)
    {
        var c = new Constituent { Kind = ConstituentKind.Organisation, CreatedAt = createdAt };
        c.Rename("", name);
        c.SetPrimaryEmail(email);
        return c;
    }

    public static Constituent Household(string familyName, DateTime createdAt)
    {
        var c = new Constituent { Kind = ConstituentKind.Household, CreatedAt = createdAt };
        c.Rename("", familyName + " household");
        return c;
    }

    public void Rename(string firstName, string lastName)
    {
        firstName = firstName.Trim();
        lastName = lastName.Trim();
        if (lastName.Length == 0)
            throw new DomainException(Kind == ConstituentKind.Person ? "A person needs a family name." : "A name is required.");
        if (firstName.Length > NameMaxLength || lastName.Length > NameMaxLength)
            throw new DomainException($"Names are limited to {NameMaxLength} characters.");
        FirstName = firstName;
        LastName = lastName;
        DisplayName = firstName.Length == 0 ? lastName : $"{firstName} {lastName}";
        SortName = SearchText.Fold(firstName.Length == 0 ? lastName : $"{lastName} {firstName}");
        SearchName = SearchText.Fold(DisplayName);
    }

    public void SetPrimaryEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            Email = null;
            ReleaseEmailHold();
            return;
        }
        var normalised = EmailAddress.Normalise(email);
        // A new address has not bounced; the same one keeps its hold.
        if (normalised != Email) ReleaseEmailHold();
        Email = normalised;
    }

    /// <summary>Age in whole years on a date, or null when the birth date is unknown.</summary>
    public int? AgeOn(DateOnly date)
    {
        if (BirthDate is not { } born) return null;
        var age = date.Year - born.Year;
        if (date < born.AddYears(age)) age--;
        return age;
    }

    public bool IsMinorOn(DateOnly date) => AgeOn(date) is < 18;

    public IEnumerable<Hat> HatsActiveOn(DateOnly date) => Hats.Where(h => h.IsActiveOn(date));

    public bool WearsHatOn(HatKind kind, DateOnly date) => Hats.Any(h => h.Kind == kind && h.IsActiveOn(date));

    /// <summary>Whether the institution may send this constituent a message on a channel today.</summary>
    public bool MayBeContactedBy(InteractionChannelKind channel) =>
        !DoNotContact && !(channel == InteractionChannelKind.Email && EmailOptOut) && !(channel == InteractionChannelKind.Letter && PostOptOut);

    /// <summary>Has an address that is not on hold and has not asked to stop e-mail or all contact.</summary>
    public bool CanBeEmailed() => Email is not null && EmailOnHoldSince is null && MayBeContactedBy(InteractionChannelKind.Email);

    /// <summary>Has not asked to stop appeals by post or all contact (whether an address is on file is the caller's to check).</summary>
    public bool CanReceivePost() => MayBeContactedBy(InteractionChannelKind.Letter);

    /// <summary><see cref="CanBeEmailed"/> as a query the database can run in bulk sends (a test checks they agree).</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Constituent, bool>> MayBeEmailed =
        c => c.Email != null && c.EmailOnHoldSince == null && !c.DoNotContact && !c.EmailOptOut;

    /// <summary><see cref="CanReceivePost"/> as a query the database can run (a test checks they agree).</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Constituent, bool>> MayReceivePost =
        c => !c.DoNotContact && !c.PostOptOut;
}
