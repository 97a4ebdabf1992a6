using CoRM.Domain.Constituents;
using CoRM.Domain.Volunteering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class VolunteerProfileConfiguration : IEntityTypeConfiguration<VolunteerProfile>
{
    public void Configure(EntityTypeBuilder<VolunteerProfile> builder)
    {
        builder.HasKey(v => v.ConstituentId);
        builder.Ignore(v => v.SkillList);
        builder.Property(v => v.Skills).HasMaxLength(VolunteerProfile.SkillsMaxLength);
        builder.Property(v => v.Availability).HasMaxLength(VolunteerProfile.AvailabilityMaxLength);
        builder.HasOne<Constituent>().WithOne().HasForeignKey<VolunteerProfile>(v => v.ConstituentId).OnDelete(DeleteBehavior.Cascade);
    }
}
