using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class DuplicateCandidateConfiguration : IEntityTypeConfiguration<DuplicateCandidate>
{
    public void Configure(EntityTypeBuilder<DuplicateCandidate> builder)
    {
        builder.Property(d => d.Reasons).HasMaxLength(DuplicateCandidate.ReasonsMaxLength);
        // Restrict, not cascade: SQL Server refuses two cascade paths from one table to Constituents.
        builder.HasOne<Constituent>().WithMany().HasForeignKey(d => d.FirstId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(d => d.SecondId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.FirstId, d.SecondId }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.Score }); // the review queue: open pairs, best first
    }
}
