using CoRM.Domain.Cases;
using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("Cases");
        builder.Property(c => c.Summary).HasMaxLength(Case.SummaryMaxLength);
        builder.Property(c => c.ReferralSource).HasMaxLength(Case.ReferralMaxLength);
        builder.Property(c => c.CloseReason).HasMaxLength(Case.ReasonMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Reference);
        builder.Ignore(c => c.CurrentTeam);
        builder.Ignore(c => c.LeadId);
        builder.Ignore(c => c.IsActive);
        builder.HasOne(c => c.Type).WithMany().HasForeignKey(c => c.CaseTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Outcome).WithMany().HasForeignKey(c => c.OutcomeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(c => c.OpenedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(c => c.ClosedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Clients).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Team).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Goals).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Reviews).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);

        // Outcome measures: opened and closed per month, by type.
        builder.HasIndex(c => new { c.Status, c.NextReviewOn });
        builder.HasIndex(c => new { c.CaseTypeId, c.OpenedOn });
        builder.HasIndex(c => c.ClosedOn);
    }
}
