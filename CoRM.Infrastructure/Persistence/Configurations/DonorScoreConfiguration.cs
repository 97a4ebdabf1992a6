using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class DonorScoreConfiguration : IEntityTypeConfiguration<DonorScore>
{
    public void Configure(EntityTypeBuilder<DonorScore> builder)
    {
        builder.HasKey(s => s.ConstituentId);
        builder.Property(s => s.ConstituentId).ValueGeneratedNever();
        builder.Property(s => s.LifetimeTotal).HasPrecision(16, 2);
        builder.Property(s => s.LargestGift).HasPrecision(14, 2);
        builder.Property(s => s.WindowTotal).HasPrecision(16, 2);
        builder.Ignore(s => s.Cell);
        builder.HasOne<Constituent>().WithOne().HasForeignKey<DonorScore>(s => s.ConstituentId).OnDelete(DeleteBehavior.Cascade);

        // Segments select by score and by last gift date.
        builder.HasIndex(s => new { s.Recency, s.Frequency, s.Monetary });
        builder.HasIndex(s => s.LastGiftOn);
    }
}
