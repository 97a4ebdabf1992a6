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
        builder.Property(s => s.LifetimeTotal).IsMoney(16);
        builder.Property(s => s.LargestGift).IsMoney(14);
        builder.Property(s => s.WindowTotal).IsMoney(16);
        builder.Ignore(s => s.Cell);
        builder.HasOne<Constituent>().WithOne().HasForeignKey<DonorScore>(s => s.ConstituentId).OnDelete(DeleteBehavior.Cascade);

        // Segments select by score and by last gift date.
        builder.HasIndex(s => new { s.Recency, s.Frequency, s.Monetary });
        builder.HasIndex(s => s.LastGiftOn);
    }
}
