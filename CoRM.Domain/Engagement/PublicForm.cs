using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CoRM.Domain.Engagement;

public enum PublicFormKind
{
    /// <summary>Signing adds an action of the form's type (e.g. "Signed a petition") to the signer's record.</summary>
    Petition = 0,

    /// <summary>A newsletter or mailing-list sign-up: nothing is recorded until the address is confirmed (double opt-in).</summary>
    ListSignUp = 1,

    /// <summary>A reply to a free event or programme session: a place on its guest list.</summary>
    Rsvp = 2,
}

/// <summary>What a public form may ask beyond the name and e-mail every form needs.</summary>
public enum FormField
{
    Phone = 0,
    Region = 1,
    /// <summary>A message with the submission ("why I signed").</summary>
    Comment = 2,
}

/// <summary>A field a form asks, whether it must be answered, and why it is asked (shown beside it, as the law wants).</summary>
public sealed record FormFieldSpec(FormField Field, bool Required, string Why);

/// <summary>
/// A form the public fills in without signing in: a petition, a mailing-list sign-up or an RSVP, with the fields it
/// asks and why, and the consent statement a submission records with its wording and purpose.
/// </summary>
public class PublicForm : IVersioned
{
    public const int SlugMaxLength = 60;
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int WhyMaxLength = 200;
    public const int ConsentMaxLength = 500;
    private static readonly Regex SlugPattern = new("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant);
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Why the name and e-mail are asked on every form (shown beside them).</summary>
    public const string NameWhy = "so we know who signed or replied";
    public const string EmailWhy = "to match you to any record we already hold and, for a list, to confirm it is your address";

    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public PublicFormKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    public string FieldsJson { get; set; } = "[]";
    public string ConsentWording { get; set; } = "";
    public string ConsentPurpose { get; set; } = "";

    /// <summary>The action a petition records (a type in the advocacy category, usually "Signed a petition").</summary>
    public int? ActionTypeId { get; set; }

    /// <summary>The free event an RSVP replies to.</summary>
    public int? EventId { get; set; }

    /// <summary>The recurring programme an RSVP replies to instead: a place at every session still to come.</summary>
    public int? SeriesId { get; set; }
    public bool IsOpen { get; set; } = true;
    public int? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; }

    public IReadOnlyList<FormFieldSpec> Fields => JsonSerializer.Deserialize<List<FormFieldSpec>>(FieldsJson, Json) ?? [];

    public static PublicForm Create(PublicFormKind kind, string slug, string title, string text, IReadOnlyList<FormFieldSpec> fields,
        string consentWording, string consentPurpose, int? actionTypeId, int? eventId, int? createdById, DateTime now, int? seriesId = null)
    {
        if (!Enum.IsDefined(kind)) throw new DomainException("Choose what the form is for.");
        slug = slug.Trim().ToLowerInvariant();
        if (slug.Length is 0 or > SlugMaxLength || !SlugPattern.IsMatch(slug))
            throw new DomainException($"The address is lower-case letters, digits and single hyphens, up to {SlugMaxLength} characters (e.g. keep-the-library-open).");
        if (slug == "confirm") throw new DomainException("\"confirm\" is reserved for the confirmation page: choose another address.");
        if (kind == PublicFormKind.Petition && actionTypeId is null) throw new DomainException("Choose the action a signature records.");
        if (kind == PublicFormKind.Rsvp && (eventId is null) == (seriesId is null)) throw new DomainException("Choose the event or the programme the form replies to.");
        var form = new PublicForm
        {
            Kind = kind, Slug = slug, ActionTypeId = kind == PublicFormKind.Petition ? actionTypeId : null, EventId = kind == PublicFormKind.Rsvp ? eventId : null,
            SeriesId = kind == PublicFormKind.Rsvp ? seriesId : null,
            CreatedById = createdById, CreatedAt = now,
        };
        form.Describe(title, text, fields, consentWording, consentPurpose);
        return form;
    }

    public void Describe(string title, string text, IReadOnlyList<FormFieldSpec> fields, string consentWording, string consentPurpose)
    {
        title = title.Trim();
        text = text.Trim();
        consentWording = consentWording.Trim();
        consentPurpose = consentPurpose.Trim();
        if (title.Length is 0 or > TitleMaxLength) throw new DomainException($"Give the form a title (up to {TitleMaxLength} characters).");
        if (text.Length is 0 or > TextMaxLength) throw new DomainException($"Say what the form is about (up to {TextMaxLength:N0} characters).");
        if (consentWording.Length is 0 or > ConsentMaxLength) throw new DomainException($"Write the consent statement people agree to (up to {ConsentMaxLength} characters).");
        if (consentPurpose.Length is 0 or > ConsentMaxLength) throw new DomainException($"Say what the data will be used for (up to {ConsentMaxLength} characters).");
        if (fields.Select(f => f.Field).Distinct().Count() != fields.Count) throw new DomainException("A field is asked twice.");
        foreach (var field in fields)
        {
            if (!Enum.IsDefined(field.Field)) throw new DomainException("Unknown field.");
            var why = field.Why?.Trim() ?? "";
            if (why.Length == 0) throw new DomainException($"Say why the form asks for {Describe(field.Field)}: people see it beside the field.");
            if (why.Length > WhyMaxLength) throw new DomainException($"Why a field is asked is limited to {WhyMaxLength} characters.");
        }
        Title = title;
        Text = text;
        FieldsJson = JsonSerializer.Serialize(fields.Select(f => f with { Why = f.Why.Trim() }).ToList(), Json);
        ConsentWording = consentWording;
        ConsentPurpose = consentPurpose;
    }

    public static string Describe(FormField field) => field switch
    {
        FormField.Phone => "a phone number",
        FormField.Region => "the region you live in",
        FormField.Comment => "a message",
        _ => field.ToString(),
    };
}

public enum FormSubmissionStatus
{
    /// <summary>Recorded on the person's record.</summary>
    Recorded = 0,

    /// <summary>A list sign-up waiting for its address to be confirmed; nothing is on any record yet.</summary>
    AwaitingConfirmation = 1,

    /// <summary>The same person had already signed or replied: counted once.</summary>
    Repeat = 2,

    /// <summary>Never confirmed within the confirmation period: its details are gone.</summary>
    Expired = 3,
}

/// <summary>How a submission found its person, with the one matching rule.</summary>
public enum FormMatch
{
    None = 0,
    ExistingPerson = 1,
    NewPerson = 2,
    /// <summary>A new record that looks like one on file: it waits in the data steward's duplicate queue.</summary>
    PossibleDuplicate = 3,
}

/// <summary>
/// One submission of a public form. A list sign-up keeps the details typed until the address is confirmed (then they
/// go to the person's record and leave this row); everything else is recorded at once.
/// </summary>
public class FormSubmission
{
    public const int ConfirmationDays = 7;

    public long Id { get; set; }
    public int FormId { get; set; }
    public int? ConstituentId { get; set; }
    public DateTime SubmittedAt { get; set; }
    public FormSubmissionStatus Status { get; set; }
    public FormMatch Match { get; set; }

    /// <summary>The normalised address, hashed: how many times one address submits is counted without keeping it in clear.</summary>
    public string EmailKey { get; set; } = "";

    /// <summary>Details waiting for confirmation (list sign-ups only), as JSON; cleared once confirmed or expired.</summary>
    public string? PendingDetails { get; set; }
    public string? ConfirmationTokenHash { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public string? Comment { get; set; }
}
