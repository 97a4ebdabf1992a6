using CoRM.Domain.Advancement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class FundConfiguration : IEntityTypeConfiguration<Fund>
{
    public void Configure(EntityTypeBuilder<Fund> builder)
    {
        builder.Property(f => f.Code).HasMaxLength(Fund.CodeMaxLength);
        builder.Property(f => f.Name).HasMaxLength(Fund.NameMaxLength);
        builder.HasIndex(f => f.Code).IsUnique();
    }
}
