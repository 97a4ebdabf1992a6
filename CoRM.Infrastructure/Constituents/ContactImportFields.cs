using CoRM.Domain.Constituents;
using CoRM.Infrastructure.Imports;

namespace CoRM.Infrastructure.Constituents;

/// <summary>What a general contact file can carry: people and organisations, their contact details, hats, source and consent.</summary>
public static class ContactImportFields
{
    public const string Kind = "Kind";
    public const string FirstName = "FirstName";
    public const string LastName = "LastName";
    public const string OrganisationName = "OrganisationName";
    public const string Email = "Email";
    public const string Phone = "Phone";
    public const string Street = "Street";
    public const string City = "City";
    public const string PostalCode = "PostalCode";
    public const string Region = "Region";
    public const string Country = "Country";
    public const string BirthDate = "BirthDate";
    public const string ExternalId = "ExternalId";
    public const string Hats = "Hats";
    public const string Source = "Source";
    public const string EmailConsent = "EmailConsent";
    public const string ConsentPurpose = "ConsentPurpose";
    public const string ConsentDate = "ConsentDate";

    /// <summary>
    /// Hats a contact file may give. Student, applicant, parent, faculty and staff come with their own records (the SIS
    /// import, admissions, family links, sign-in), never from a spreadsheet.
    /// </summary>
    public static readonly IReadOnlyList<HatKind> ImportableHats =
        [HatKind.Prospect, HatKind.Alumnus, HatKind.Donor, HatKind.Volunteer, HatKind.Member, HatKind.BoardMember, HatKind.OrganisationContact];

    public static readonly IReadOnlyList<ImportField> All =
    [
        new(Kind, false, "Person or Organisation (default Person)", "type", "contact type", "record type", "kind"),
        new(FirstName, false, "given name (people)", "first name", "firstname", "given name", "forename", "given"),
        new(LastName, false, "family name (people)", "last name", "lastname", "surname", "family name", "family"),
        new(OrganisationName, false, "name of an organisation", "organisation", "organization", "organisation name", "organization name", "company", "company name"),
        new(Email, false, "e-mail address", "email", "e-mail", "mail", "email address", "e-mail address"),
        new(Phone, false, "phone number (national numbers get the institution's country code)", "phone", "telephone", "tel", "mobile", "phone number", "cell"),
        new(Street, false, "street address", "street", "address", "address line 1", "address1", "street address"),
        new(City, false, "town or city", "city", "town", "locality"),
        new(PostalCode, false, "postcode", "postcode", "postal code", "zip", "zip code", "post code"),
        new(Region, false, "region or district", "region", "district", "county", "state", "province"),
        new(Country, false, "country", "country"),
        new(BirthDate, false, "date of birth", "birth date", "date of birth", "dob", "birthday"),
        new(ExternalId, false, "the id in the system the file comes from (re-imports find the record by it)", "external id", "id", "legacy id", "contact id", "record id", "reference"),
        new(Hats, false, "roles, separated by ; or , (" + string.Join(", ", ImportableHats) + ")", "hats", "roles", "role", "type of contact", "constituent type"),
        new(Source, false, "where the contact came from (default: the source named for this import)", "source", "origin", "how found", "list"),
        new(EmailConsent, false, "yes or no: agreed to e-mail (no opts them out; yes never overrides an opt-out in CoRM)", "email consent", "consent", "opt in", "email opt in", "subscribed", "newsletter"),
        new(ConsentPurpose, false, "what the consent was for", "consent purpose", "purpose"),
        new(ConsentDate, false, "when the consent was given or withdrawn", "consent date", "consent given", "opt in date"),
    ];
}
