using CoRM.Domain.Cases;
using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class CaseClientConfiguration : IEntityTypeConfiguration<CaseClient>
{
    public void Configure(EntityTypeBuilder<CaseClient> builder)
    {
        // Restrict: a case's history outlives any one record; erasure anonymises rather than deletes.
        builder.HasOne<Constituent>().WithMany().HasForeignKey(c => c.ConstituentId).OnDelete(DeleteBehavior.Restrict);
        // Not unique: a merge may briefly bring both records of one person onto the same case.
        builder.HasIndex(c => new { c.ConstituentId, c.CaseId });
    }
}
