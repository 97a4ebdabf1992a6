using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class AddressConfiguration : IEntityTypeConfiguration<Address>
{
    public void Configure(EntityTypeBuilder<Address> builder)
    {
        builder.Property(a => a.Street).HasMaxLength(Address.LineMaxLength);
        builder.Property(a => a.City).HasMaxLength(Address.CityMaxLength);
        builder.Property(a => a.PostalCode).HasMaxLength(Address.PostalCodeMaxLength);
        builder.Property(a => a.Region).HasMaxLength(Constituent.RegionMaxLength);
        builder.Property(a => a.Country).HasMaxLength(Address.CountryMaxLength);
        builder.HasIndex(a => a.ConstituentId);
    }
}
