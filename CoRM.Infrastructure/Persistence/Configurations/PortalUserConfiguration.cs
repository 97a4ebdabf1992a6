using CoRM.Domain.Constituents;
using CoRM.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.Email).HasMaxLength(Constituent.EmailMaxLength);
        builder.Property(u => u.DisplayName).HasMaxLength(PortalUser.NameMaxLength);
        builder.Property(u => u.ExternalObjectId).HasMaxLength(64);
        builder.Property(u => u.Roles).HasMaxLength(300);
        builder.Property(u => u.PersonaDescription).HasMaxLength(300);
        builder.Property(u => u.TimeZone).HasMaxLength(PortalUser.TimeZoneMaxLength);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(u => u.ConstituentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.ExternalObjectId).IsUnique();
        builder.HasIndex(u => u.Email).IsUnique();
        builder.HasIndex(u => u.ConstituentId).IsUnique();
    }
}
