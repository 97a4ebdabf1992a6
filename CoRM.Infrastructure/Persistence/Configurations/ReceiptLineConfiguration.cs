using CoRM.Domain.Advancement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class ReceiptLineConfiguration : IEntityTypeConfiguration<ReceiptLine>
{
    public void Configure(EntityTypeBuilder<ReceiptLine> builder)
    {
        builder.Property(l => l.Amount).IsMoney(14);
        builder.Property(l => l.BenefitValue).IsMoney(14);
        builder.Property(l => l.Deductible).IsMoney(14);
        builder.Property(l => l.Description).HasMaxLength(Gift.DescriptionMaxLength);
        // A refunded gift is removed; its lines on voided receipts keep their copied amounts (a current receipt blocks the refund).
        builder.HasOne<Gift>().WithMany().HasForeignKey(l => l.GiftId).OnDelete(DeleteBehavior.SetNull);
        // A gift has at most one current receipt, even when two people issue at once. Brackets quote on both providers.
        builder.HasIndex(l => l.GiftId).IsUnique().HasFilter("[Voided] = 0");
        builder.HasIndex(l => l.ReceiptId);
    }
}
