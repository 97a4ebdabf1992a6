using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.Property(f => f.Title).HasMaxLength(FollowUp.TitleMaxLength);
        builder.Property(f => f.Notes).HasMaxLength(FollowUp.TextMaxLength);
        builder.Property(f => f.Outcome).HasMaxLength(FollowUp.TextMaxLength);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasOne<Constituent>().WithMany().HasForeignKey(f => f.ConstituentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(f => f.OwnerId).OnDelete(DeleteBehavior.Restrict);

        // "My follow-ups" and the daily digest: open ones per owner by due date.
        builder.HasIndex(f => new { f.OwnerId, f.CompletedAt, f.DueOn });
        builder.HasIndex(f => new { f.ConstituentId, f.CompletedAt });
        // A case's plan, and the overdue-task reminders.
        builder.HasOne<Domain.Cases.Case>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.CaseId, f.CompletedAt });
    }
}
