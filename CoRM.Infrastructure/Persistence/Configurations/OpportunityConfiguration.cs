using CoRM.Domain.Constituents;
using CoRM.Domain.Volunteering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.Ignore(o => o.SkillList);
        builder.Property(o => o.Title).HasMaxLength(Opportunity.TitleMaxLength);
        builder.Property(o => o.Description).HasMaxLength(Opportunity.TextMaxLength);
        builder.Property(o => o.Location).HasMaxLength(Opportunity.TitleMaxLength);
        builder.Property(o => o.Skills).HasMaxLength(Opportunity.TitleMaxLength);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(o => o.CoordinatorId).OnDelete(DeleteBehavior.Restrict);
    }
}
