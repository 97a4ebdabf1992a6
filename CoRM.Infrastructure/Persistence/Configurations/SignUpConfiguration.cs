using CoRM.Domain.Constituents;
using CoRM.Domain.Volunteering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class SignUpConfiguration : IEntityTypeConfiguration<SignUp>
{
    public void Configure(EntityTypeBuilder<SignUp> builder)
    {
        builder.Ignore(s => s.HoldsPlace);
        builder.Property(s => s.Hours).HasPrecision(6, 2);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Shift>().WithMany().HasForeignKey(s => s.ShiftId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(s => s.VolunteerId).OnDelete(DeleteBehavior.Cascade);
        // A roster per shift (with counts by status), and a volunteer's own shifts for double-booking and their profile.
        builder.HasIndex(s => new { s.ShiftId, s.Status });
        builder.HasIndex(s => new { s.VolunteerId, s.Status });
    }
}
