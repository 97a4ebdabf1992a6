using CoRM.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.DedupKey).HasMaxLength(OutboxMessage.DedupKeyMaxLength);
        builder.Property(m => m.ToAddress).HasMaxLength(254);
        builder.Property(m => m.ToName).HasMaxLength(210);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.LastErrorMaxLength);
        builder.Property(m => m.AttachmentRef).HasMaxLength(OutboxMessage.AttachmentRefMaxLength);
        builder.Property(m => m.Origin).HasMaxLength(OutboxMessage.OriginMaxLength);

        // Producing a message twice is refused by the database, whichever instance tries.
        builder.HasIndex(m => m.DedupKey).IsUnique();
        builder.HasIndex(m => new { m.SentAt, m.Priority, m.Id });
        builder.HasIndex(m => m.ClaimToken);
        // A run's progress (sent, waiting, failed) is counted by its origin.
        builder.HasIndex(m => new { m.Origin, m.SentAt });
    }
}
