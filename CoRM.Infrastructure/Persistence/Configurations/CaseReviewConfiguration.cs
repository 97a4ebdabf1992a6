using CoRM.Domain.Cases;
using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class CaseReviewConfiguration : IEntityTypeConfiguration<CaseReview>
{
    public void Configure(EntityTypeBuilder<CaseReview> builder)
    {
        builder.Property(r => r.Notes).HasMaxLength(CaseReview.NotesMaxLength);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(r => r.CompletedById).OnDelete(DeleteBehavior.Restrict);
        // The reminder job: open reviews by due date.
        builder.HasIndex(r => new { r.CompletedAt, r.DueOn });
    }
}
