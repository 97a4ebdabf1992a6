using System.ComponentModel.DataAnnotations;

namespace CoRM.Infrastructure.Engagement;

/// <summary>Settings of public forms (section <c>Engagement</c>).</summary>
public sealed class EngagementOptions
{
    public const string Section = "Engagement";

    /// <summary>How many submissions one e-mail address may make in an hour, across every form.</summary>
    [Range(1, 1000)]
    public int SubmissionsPerAddressPerHour { get; set; } = 5;
}
