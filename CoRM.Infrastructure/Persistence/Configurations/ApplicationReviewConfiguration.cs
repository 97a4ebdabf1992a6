using CoRM.Domain.Admissions;
using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class ApplicationReviewConfiguration : IEntityTypeConfiguration<ApplicationReview>
{
    public void Configure(EntityTypeBuilder<ApplicationReview> builder)
    {
        builder.Property(r => r.Comments).HasMaxLength(ApplicationReview.CommentsMaxLength);
        builder.Property(r => r.WeightedScore).HasPrecision(4, 2);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(r => r.ReaderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Scores).WithOne().HasForeignKey(s => s.ReviewId).OnDelete(DeleteBehavior.Cascade);

        // One reading per reader per application, enforced by the database as well as the domain.
        builder.HasIndex(r => new { r.ApplicationId, r.ReaderId }).IsUnique();
    }
}
