using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class SoftCreditConfiguration : IEntityTypeConfiguration<SoftCredit>
{
    public void Configure(EntityTypeBuilder<SoftCredit> builder)
    {
        builder.Property(s => s.Amount).IsMoney(14);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(s => s.ConstituentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.GiftId, s.ConstituentId }).IsUnique();
        builder.HasIndex(s => s.ConstituentId);
    }
}
