using CoRM.Domain.Engagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> builder)
    {
        builder.Property(i => i.Subject).HasMaxLength(Interaction.SubjectMaxLength);
        builder.Property(i => i.Notes).HasMaxLength(Interaction.NotesMaxLength);
        builder.HasOne<Domain.Constituents.Constituent>().WithMany().HasForeignKey(i => i.ConstituentId).OnDelete(DeleteBehavior.Cascade);

        // The timeline: one constituent's interactions, newest first (10 million rows at scale).
        builder.HasIndex(i => new { i.ConstituentId, i.OccurredAt });
        // A case's notes, newest first.
        builder.HasOne<Domain.Cases.Case>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.CaseId, i.OccurredAt });
    }
}
