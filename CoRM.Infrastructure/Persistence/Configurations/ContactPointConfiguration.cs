using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class ContactPointConfiguration : IEntityTypeConfiguration<ContactPoint>
{
    public void Configure(EntityTypeBuilder<ContactPoint> builder)
    {
        builder.Property(p => p.Value).HasMaxLength(ContactPoint.ValueMaxLength);
        builder.Property(p => p.Label).HasMaxLength(ContactPoint.LabelMaxLength);
        builder.HasIndex(p => p.ConstituentId);
        // Caller lookup: a phone number typed in any format finds the record through one index seek.
        builder.Property(p => p.DialKey).HasMaxLength(ContactPoint.DialKeyLength);
        builder.HasIndex(p => p.DialKey);
    }
}
