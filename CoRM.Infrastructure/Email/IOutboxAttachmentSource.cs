namespace CoRM.Infrastructure.Email;

/// <summary>A file attached to an outbox message.</summary>
public sealed record OutboxAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Renders what an outbox message's <c>AttachmentRef</c> names ("receipt:123"), at send time. A feature that mails
/// documents registers one source for its kind.
/// </summary>
public interface IOutboxAttachmentSource
{
    /// <summary>The part of the reference before the colon.</summary>
    string Kind { get; }

    /// <summary>The document, or null when it no longer exists.</summary>
    Task<OutboxAttachment?> LoadAsync(int id, CancellationToken ct);
}
