using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> builder)
    {
        builder.Property(r => r.Number).HasMaxLength(Receipt.NumberMaxLength);
        builder.Property(r => r.DonorName).HasMaxLength(Receipt.NameMaxLength);
        builder.Property(r => r.DonorAddress).HasMaxLength(Receipt.AddressMaxLength);
        builder.Property(r => r.VoidReason).HasMaxLength(Receipt.ReasonMaxLength);
        builder.Property(r => r.Currency).HasMaxLength(Money.CurrencyLength).IsFixedLength();
        builder.Property(r => r.Amount).IsMoney(14);
        builder.Property(r => r.Deductible).IsMoney(14);
        builder.Ignore(r => r.IsCurrent);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(r => r.DonorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Receipt>().WithMany().HasForeignKey(r => r.ReplacesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.ReceiptId).OnDelete(DeleteBehavior.Cascade);

        // Two issuers racing for the next number: one wins, the other retries with the following one.
        builder.HasIndex(r => new { r.SeriesYear, r.Sequence }).IsUnique();
        builder.HasIndex(r => r.Number).IsUnique();
        builder.HasIndex(r => new { r.DonorId, r.TaxYear });
    }
}
