using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class EngagementScoreConfiguration : IEntityTypeConfiguration<EngagementScore>
{
    public void Configure(EntityTypeBuilder<EngagementScore> builder)
    {
        builder.HasKey(s => s.ConstituentId);
        builder.Property(s => s.ConstituentId).ValueGeneratedNever();
        builder.Property(s => s.VolunteerHours).HasPrecision(9, 2);
        builder.Ignore(s => s.Inputs);
        builder.HasOne<Constituent>().WithOne().HasForeignKey<EngagementScore>(s => s.ConstituentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<EngagementLevel>().WithMany().HasForeignKey(s => s.LevelId).OnDelete(DeleteBehavior.Restrict);
        // Segments and the dashboard select by score and by rung.
        builder.HasIndex(s => s.Score);
        builder.HasIndex(s => s.LevelId);
    }
}
