using CoRM.Domain.Advancement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(Appeal.CodeMaxLength);
        builder.Property(a => a.Name).HasMaxLength(Appeal.NameMaxLength);
        builder.Property(a => a.Cost).IsMoney(14);
        builder.HasIndex(a => a.Code).IsUnique();
    }
}
