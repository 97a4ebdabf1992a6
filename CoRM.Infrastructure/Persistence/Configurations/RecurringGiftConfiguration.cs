using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class RecurringGiftConfiguration : IEntityTypeConfiguration<RecurringGift>
{
    public void Configure(EntityTypeBuilder<RecurringGift> builder)
    {
        builder.Property(r => r.Amount).IsMoney(14);
        builder.Property(r => r.Currency).HasMaxLength(Money.CurrencyLength).IsFixedLength();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Constituent>().WithMany().HasForeignKey(r => r.DonorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Fund>().WithMany().HasForeignKey(r => r.FundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.DonorId);
    }
}
