using CoRM.Domain.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class SavedImportMappingConfiguration : IEntityTypeConfiguration<SavedImportMapping>
{
    public void Configure(EntityTypeBuilder<SavedImportMapping> builder)
    {
        builder.Property(m => m.Importer).HasMaxLength(SavedImportMapping.ImporterMaxLength);
        builder.Property(m => m.Source).HasMaxLength(SavedImportMapping.SourceMaxLength);
        builder.Property(m => m.Columns).HasMaxLength(SavedImportMapping.ColumnsMaxLength);
        builder.HasIndex(m => new { m.Importer, m.Source }).IsUnique();
    }
}
