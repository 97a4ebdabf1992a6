using CoRM.Domain.Admissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class ReviewScoreConfiguration : IEntityTypeConfiguration<ReviewScore>
{
    public void Configure(EntityTypeBuilder<ReviewScore> builder)
    {
        builder.Property(s => s.Weight).HasPrecision(4, 2);
        builder.HasIndex(s => new { s.ReviewId, s.Criterion }).IsUnique();
    }
}
