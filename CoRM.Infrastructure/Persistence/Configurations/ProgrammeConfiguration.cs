using CoRM.Domain.Academics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(Programme.CodeMaxLength);
        builder.Property(p => p.Name).HasMaxLength(Programme.NameMaxLength);
        builder.HasIndex(p => p.Code).IsUnique();
    }
}
