using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class ConstituentActionConfiguration : IEntityTypeConfiguration<ConstituentAction>
{
    public void Configure(EntityTypeBuilder<ConstituentAction> builder)
    {
        builder.ToTable("Actions");
        builder.Property(a => a.Target).HasMaxLength(ConstituentAction.TargetMaxLength);
        builder.Property(a => a.Notes).HasMaxLength(ConstituentAction.NotesMaxLength);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(a => a.ConstituentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(a => a.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Type).WithMany().HasForeignKey(a => a.ActionTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppealCampaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<GivingEvent>().WithMany().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.SetNull);

        // The timeline and the engagement window: one person's actions by day.
        builder.HasIndex(a => new { a.ConstituentId, a.TookOn });
        // Segments, the dashboard and the nightly score: actions of a type or in a period.
        builder.HasIndex(a => new { a.ActionTypeId, a.TookOn });
        builder.HasIndex(a => a.TookOn);
        builder.HasIndex(a => a.CampaignId);
    }
}
