using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class GiftConfiguration : IEntityTypeConfiguration<Gift>
{
    public void Configure(EntityTypeBuilder<Gift> builder)
    {
        builder.Property(g => g.Amount).IsMoney(14);
        builder.Property(g => g.BenefitValue).IsMoney(14);
        builder.Property(g => g.DeductibleAmount).IsMoney(14);
        builder.Property(g => g.Currency).HasMaxLength(Money.CurrencyLength).IsFixedLength();
        builder.Property(g => g.Description).HasMaxLength(Gift.DescriptionMaxLength);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasOne<Constituent>().WithMany().HasForeignKey(g => g.DonorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Fund>().WithMany().HasForeignKey(g => g.FundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Appeal>().WithMany().HasForeignKey(g => g.AppealId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Pledge>().WithMany().HasForeignKey(g => g.PledgeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RecurringGift>().WithMany().HasForeignKey(g => g.RecurringGiftId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.SoftCredits).WithOne().HasForeignKey(s => s.GiftId).OnDelete(DeleteBehavior.Cascade);

        // A donor's history and totals; appeal results by date; pledge and schedule payments.
        builder.HasIndex(g => new { g.DonorId, g.ReceivedOn });
        builder.HasIndex(g => new { g.AppealId, g.ReceivedOn });
        builder.HasIndex(g => g.PledgeId);
        builder.HasIndex(g => new { g.RecurringGiftId, g.ReceivedOn });
    }
}
