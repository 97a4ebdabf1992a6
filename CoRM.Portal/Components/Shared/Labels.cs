using CoRM.Domain.Admissions;
using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using CoRM.Domain.Families;
using CoRM.Domain.Engagement;
using MudBlazor;

namespace CoRM.Portal.Components.Shared;

/// <summary>How domain values read on screen.</summary>
internal static class Labels
{
    public static string Of(HatKind hat) => hat switch
    {
        HatKind.BoardMember => "Board member",
        HatKind.OrganisationContact => "Organisation contact",
        _ => hat.ToString(),
    };

    /// <summary>Short enough for a chart axis.</summary>
    public static string Short(HatKind hat) => hat switch
    {
        HatKind.BoardMember => "Board",
        HatKind.OrganisationContact => "Org. contact",
        _ => Of(hat),
    };

    public static string Of(Channel channel) => channel switch
    {
        Channel.WebForm => "Web form",
        Channel.InPerson => "In person",
        Channel.Sms => "SMS",
        Channel.Email => "E-mail",
        _ => channel.ToString(),
    };

    /// <summary>"1 new record", "3 new records": a count with its noun agreeing.</summary>
    public static string Count(int count, string one, string many) =>
        count.ToString("N0", Labels.Culture) + " " + (count == 1 ? one : many);

    public static string Icon(Channel channel) => channel switch
    {
        Channel.Email => Icons.Material.Outlined.Email,
        Channel.Phone => Icons.Material.Outlined.Phone,
        Channel.Meeting => Icons.Material.Outlined.Groups,
        Channel.Letter => Icons.Material.Outlined.MarkunreadMailbox,
        Channel.WebForm => Icons.Material.Outlined.WebAsset,
        Channel.Sms => Icons.Material.Outlined.Sms,
        Channel.Event => Icons.Material.Outlined.Event,
        Channel.Bank => Icons.Material.Outlined.AccountBalance,
        Channel.Import => Icons.Material.Outlined.UploadFile,
        _ => Icons.Material.Outlined.Handshake,
    };

    public static Color Color(HatKind hat) => hat switch
    {
        HatKind.Student or HatKind.Applicant or HatKind.Prospect => MudBlazor.Color.Primary,
        HatKind.Donor => MudBlazor.Color.Success,
        HatKind.Volunteer => MudBlazor.Color.Info,
        HatKind.Faculty or HatKind.Staff => MudBlazor.Color.Secondary,
        HatKind.Alumnus => MudBlazor.Color.Tertiary,
        _ => MudBlazor.Color.Default,
    };

    public static string Of(AdmissionStage stage) => stage switch
    {
        AdmissionStage.Started => "Application started",
        AdmissionStage.Submitted => "Submitted, awaiting readers",
        AdmissionStage.InReview => "Being read",
        AdmissionStage.Admitted => "Offer made",
        AdmissionStage.Waitlisted => "Waiting list",
        AdmissionStage.Denied => "Not admitted",
        AdmissionStage.Deposited => "Place secured (deposit paid)",
        AdmissionStage.Enrolled => "Enrolled",
        AdmissionStage.Withdrawn => "Withdrawn",
        _ => stage.ToString(),
    };

    public static Color Color(AdmissionStage stage) => stage switch
    {
        AdmissionStage.Admitted or AdmissionStage.Deposited or AdmissionStage.Enrolled => MudBlazor.Color.Success,
        AdmissionStage.Denied or AdmissionStage.Withdrawn => MudBlazor.Color.Default,
        AdmissionStage.Waitlisted => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Info,
    };

    public static string Of(AdmissionSource source) => source switch
    {
        AdmissionSource.EducationFair => "Education fair",
        AdmissionSource.SchoolVisit => "School visit",
        AdmissionSource.Parent => "Parent portal",
        _ => source.ToString(),
    };

    public static string Of(FamilyRequestKind kind) => kind switch
    {
        FamilyRequestKind.Certificate => "Certificate or document",
        FamilyRequestKind.Payment => "Fees and payments",
        FamilyRequestKind.Absence => "Absence",
        _ => kind.ToString(),
    };

    public static string Of(PaymentMethod method) => method switch
    {
        PaymentMethod.BankTransfer => "Bank transfer",
        PaymentMethod.DirectDebit => "Direct debit",
        PaymentMethod.InKind => "In kind",
        _ => method.ToString(),
    };

    public static string Of(GiftKind kind) => kind switch
    {
        GiftKind.PledgePayment => "Pledge payment",
        GiftKind.RecurringInstalment => "Recurring",
        GiftKind.InKind => "In kind",
        GiftKind.EventTicket => "Event ticket",
        _ => "Gift",
    };

    public static string Of(SoftCreditReason reason) => reason switch
    {
        SoftCreditReason.ParentOfStudent => "parent of the student",
        SoftCreditReason.MatchingGift => "matching gift",
        _ => reason.ToString().ToLowerInvariant(),
    };

    /// <summary>The institution's currency (<c>Institution:Currency</c>), shown with every amount that has no currency of its own.</summary>
    public static string Currency { get; private set; } = "EUR";

    /// <summary>The culture the institution writes its figures and dates in (<c>Institution:Culture</c>, e.g. en-GB, pt-PT, en-US).</summary>
    public static System.Globalization.CultureInfo Culture => Infrastructure.Common.InstitutionFormat.Culture;

    /// <summary>
    /// Set once at start from configuration; an unknown currency code or culture stops the start with a clear message.
    /// The culture becomes every thread's default, so date pickers take dates in the order the pages write them.
    /// </summary>
    public static void UseInstitution(string? currency, string? culture)
    {
        if (!string.IsNullOrWhiteSpace(currency))
            Currency = currency.Trim().Length == 3 && currency.Trim().All(char.IsAsciiLetterUpper) ? currency.Trim()
                : throw new InvalidOperationException($"Institution:Currency '{currency}' is not a three-letter ISO 4217 code such as EUR.");
        Infrastructure.Common.InstitutionFormat.UseCulture(culture);
        System.Globalization.CultureInfo.DefaultThreadCurrentCulture = Culture;
        System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = Culture;
    }

    /// <summary>An amount in the institution's currency: "1,500.00 EUR" (en-GB), "1 500,00 EUR" (pt-PT).</summary>
    public static string Money(decimal amount) => Money(amount, Currency);

    public static string Money(decimal amount, string currency) => $"{amount.ToString("N2", Culture)} {currency}";

    public static string Percent(double? share) => share is { } s ? s.ToString("P0", Labels.Culture) : "—";

    public static string Ago(DateTime? at, DateTime now)
    {
        if (at is null) return "never";
        var days = (int)(now - at.Value).TotalDays;
        return days switch
        {
            <= 0 => "today",
            1 => "yesterday",
            < 31 => $"{days} days ago",
            < 60 => "a month ago",
            < 365 => $"{days / 30} months ago",
            < 730 => "a year ago",
            _ => $"{days / 365} years ago",
        };
    }
}
