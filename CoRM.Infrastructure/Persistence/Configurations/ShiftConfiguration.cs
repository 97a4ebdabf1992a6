using CoRM.Domain.Volunteering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class ShiftConfiguration : IEntityTypeConfiguration<Shift>
{
    public void Configure(EntityTypeBuilder<Shift> builder)
    {
        builder.Ignore(s => s.Duration);
        builder.Property(s => s.Location).HasMaxLength(Opportunity.TitleMaxLength);
        builder.Property(s => s.RequiredSkills).HasMaxLength(Opportunity.TitleMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(s => s.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        // The calendar reads shifts by time range.
        builder.HasIndex(s => s.StartsAt);
        builder.HasIndex(s => new { s.OpportunityId, s.StartsAt });
    }
}
