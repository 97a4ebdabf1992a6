using CoRM.Domain;
using CoRM.Domain.Access;
using CoRM.Domain.Engagement;
using CoRM.Domain.Messaging;
using CoRM.Infrastructure.Common;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Email;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Engagement;

public sealed record SendMessageRequest(int ConstituentId, Topic Topic, string Subject, string Body);

/// <summary>
/// A staff member e-mails a constituent from their record: the message goes through the outbox (sent once,
/// retried on failure) and is recorded as an outbound e-mail interaction in the same transaction.
/// Do-not-contact and e-mail opt-out are respected.
/// </summary>
public sealed class DirectMessages(CommandRunner runner, OutboxDispatcher dispatcher, TimeProvider time)
{
    public const int BodyMaxLength = Interaction.NotesMaxLength;

    public async Task<CommandResult> SendAsync(UserScope user, SendMessageRequest request, CancellationToken ct = default)
    {
        if (!TopicVisibility.MayRecord(user, request.Topic)) return CommandResult.Invalid($"You cannot send {request.Topic} messages.");
        var subject = request.Subject.Trim();
        var body = request.Body.Trim();
        if (subject.Length == 0) return CommandResult.Invalid("Give the message a subject.");
        if (subject.Length > Math.Min(Interaction.SubjectMaxLength, OutboxMessage.SubjectMaxLength)) return CommandResult.Invalid($"The subject is limited to {Interaction.SubjectMaxLength} characters.");
        if (body.Length == 0) return CommandResult.Invalid("Write the message.");
        if (body.Length > BodyMaxLength) return CommandResult.Invalid($"The message is limited to {BodyMaxLength} characters.");

        return await runner.RunAsync(CommandOptions.About("message"), async db =>
        {
            var recipient = await ConstituentScope.VisibleTo(db, user, time).Where(c => c.Id == request.ConstituentId)
                .SingleOrDefaultAsync(ct);
            if (recipient is null) return CommandResult.NotFound;
            if (recipient.Email is null) return CommandResult.Invalid($"{recipient.DisplayName} has no e-mail address on record.");
            if (!recipient.CanBeEmailed()) return CommandResult.Invalid($"{recipient.DisplayName} has asked not to be contacted by e-mail.");

            var sender = await db.Constituents.Where(c => c.Id == user.ConstituentId).Select(c => c.DisplayName).SingleOrDefaultAsync(ct) ?? user.UserName;
            var now = time.UtcNow();
            var interaction = Interaction.Log(request.ConstituentId, Channel.Email, request.Topic, subject, body, now, user.ConstituentId, now, inbound: false);
            db.Interactions.Add(interaction);
            db.OutboxMessages.Add(new OutboxMessage
            {
                DedupKey = $"message:{Guid.NewGuid():N}",
                RecipientConstituentId = request.ConstituentId,
                ToAddress = recipient.Email,
                ToName = recipient.DisplayName,
                Subject = subject,
                TextBody = $"{body}\n\n— {sender}",
                CreatedAt = now,
            });
            await db.SaveChangesAsync(ct);
            await dispatcher.DispatchPendingAsync(ct);
            return CommandResult.Ok(interaction.Id);
        }, ct);
    }
}
