using CoRM.Domain.Constituents;
using CoRM.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.Property(c => c.How).HasMaxLength(ConsentRecord.TextMaxLength);
        builder.Property(c => c.Wording).HasMaxLength(ConsentRecord.TextMaxLength);
        builder.Property(c => c.Purpose).HasMaxLength(ConsentRecord.TextMaxLength);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(c => c.ConstituentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(c => c.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ConstituentId, c.At });
    }
}
