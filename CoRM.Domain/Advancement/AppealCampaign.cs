using System.Text.RegularExpressions;

namespace CoRM.Domain.Advancement;

public enum CampaignStatus
{
    Draft = 0,
    Scheduled = 1,
    Sending = 2,
    Sent = 3,
    Cancelled = 4,
}

public enum CampaignChannel
{
    Email = 0,

    /// <summary>Printed: the job renders one letter per recipient with a postal address, staff download the batch as a PDF.</summary>
    Letter = 1,
}

public enum RecipientStatus
{
    Queued = 0,
    Sent = 1,

    /// <summary>Opted out or asked not to be contacted between the snapshot and the send.</summary>
    SkippedNoConsent = 2,

    /// <summary>A letter campaign and no postal address on file.</summary>
    SkippedNoAddress = 3,
}

/// <summary>
/// An ask to one segment, under an appeal: a message template with merge fields, sent by e-mail at a scheduled time.
/// The send job snapshots the segment, renders one message per recipient into the outbox, and results attribute the
/// appeal's gifts (and the recipients' gifts within the response window) back to it.
/// </summary>
public class AppealCampaign : IVersioned
{
    public const int NameMaxLength = 200;
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 8000;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int AppealId { get; set; }
    public int SegmentId { get; set; }
    public string SubjectTemplate { get; set; } = "";
    public string BodyTemplate { get; set; } = "";
    public CampaignChannel Channel { get; set; }
    public DateTime ScheduledFor { get; set; }
    public int ResponseWindowDays { get; set; } = 90;
    public CampaignStatus Status { get; private set; }
    public DateTime? SnapshotAt { get; private set; }
    public DateTime? SentAt { get; private set; }
    public int? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; }

    public static AppealCampaign Draft(string name, int appealId, int segmentId, string subject, string body, DateTime scheduledFor, int responseWindowDays, int? createdById, DateTime now,
        CampaignChannel channel = CampaignChannel.Email)
    {
        name = name.Trim();
        if (name.Length is 0 or > NameMaxLength) throw new DomainException($"Name the campaign (up to {NameMaxLength} characters).");
        MergeTemplate.Check(subject, SubjectMaxLength, "subject");
        MergeTemplate.Check(body, BodyMaxLength, "message");
        if (!body.Contains(MergeTemplate.UnsubscribeField, StringComparison.Ordinal))
            throw new DomainException($"The message must include {MergeTemplate.UnsubscribeField} so a recipient can opt out.");
        if (responseWindowDays is < 1 or > 365) throw new DomainException("The response window is 1 to 365 days.");
        return new AppealCampaign
        {
            Name = name,
            AppealId = appealId,
            SegmentId = segmentId,
            SubjectTemplate = subject.Trim(),
            BodyTemplate = body.Trim(),
            Channel = channel,
            ScheduledFor = scheduledFor,
            ResponseWindowDays = responseWindowDays,
            Status = CampaignStatus.Draft,
            CreatedById = createdById,
            CreatedAt = now,
        };
    }

    public void Schedule(DateTime at, DateTime now)
    {
        if (Status is not (CampaignStatus.Draft or CampaignStatus.Scheduled)) throw new DomainException("Only a draft can be scheduled.");
        if (at < now.AddMinutes(-1)) throw new DomainException("Schedule it now or later, not in the past.");
        ScheduledFor = at;
        Status = CampaignStatus.Scheduled;
    }

    public void Cancel()
    {
        if (Status is not (CampaignStatus.Draft or CampaignStatus.Scheduled)) throw new DomainException("Sending has begun; it cannot be cancelled.");
        Status = CampaignStatus.Cancelled;
    }

    /// <summary>
    /// The send begins: the segment is snapshotted now and the campaign can no longer be cancelled. The send job claims
    /// this with one conditional update (Scheduled and not yet snapshotted) so two job runs cannot both begin it.
    /// </summary>
    public void BeginSending(DateTime at)
    {
        if (Status != CampaignStatus.Scheduled || SnapshotAt is not null) throw new DomainException("Only a scheduled campaign that has not begun can start sending.");
        if (at < ScheduledFor) throw new DomainException("The campaign is not due yet.");
        Status = CampaignStatus.Sending;
        SnapshotAt = at;
    }

    /// <summary>Every recipient has been written to (or skipped): the campaign is sent, and its response window opens.</summary>
    public void MarkSent(DateTime at)
    {
        if (Status != CampaignStatus.Sending) throw new DomainException("Only a campaign that is sending can be marked sent.");
        Status = CampaignStatus.Sent;
        SentAt = at;
    }

    /// <summary>A gift counts for the campaign when it carries the appeal, or a recipient gave within the window after the send.</summary>
    public bool Attributes(DateOnly giftOn, int? giftAppealId, bool fromRecipient) =>
        SentAt is { } sent && (giftAppealId == AppealId || (fromRecipient && giftOn >= DateOnly.FromDateTime(sent) && giftOn <= DateOnly.FromDateTime(sent).AddDays(ResponseWindowDays)));
}

public class CampaignRecipient
{
    public long Id { get; set; }
    public int CampaignId { get; set; }
    public int ConstituentId { get; set; }
    public RecipientStatus Status { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>Letters only: the address and the merged letter, written once by the job and printed from here.</summary>
    public string? MailingAddress { get; set; }
    public string? LetterBody { get; set; }

    /// <summary>
    /// Letters only: the short code printed for "no more appeals by post" (a long signed token does not belong on
    /// paper). Random, unique, and only good for that one request.
    /// </summary>
    public string? OptOutCode { get; set; }
    public const int OptOutCodeLength = 11;
}

/// <summary>Merge fields in double braces. Unknown fields are refused when the template is saved, not discovered at send time.</summary>
public static partial class MergeTemplate
{
    public const string UnsubscribeField = "{{UnsubscribeLink}}";

    public static readonly IReadOnlyList<string> Fields = ["FirstName", "LastName", "DisplayName", "LastGiftAmount", "LifetimeGiving", "UnsubscribeLink"];

    [GeneratedRegex(@"\{\{\s*(\w+)\s*\}\}")]
    private static partial Regex Field();

    public static void Check(string template, int maxLength, string what)
    {
        if (string.IsNullOrWhiteSpace(template)) throw new DomainException($"Write the {what}.");
        if (template.Length > maxLength) throw new DomainException($"The {what} is limited to {maxLength} characters.");
        var unknown = Field().Matches(template).Select(m => m.Groups[1].Value).Where(f => !Fields.Contains(f)).Distinct().ToList();
        if (unknown.Count > 0) throw new DomainException($"Unknown merge field{(unknown.Count > 1 ? "s" : "")} in the {what}: {string.Join(", ", unknown.Select(u => "{{" + u + "}}"))}. Use {string.Join(", ", Fields.Select(f => "{{" + f + "}}"))}.");
    }

    public static string Render(string template, IReadOnlyDictionary<string, string> values) =>
        Field().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
}
