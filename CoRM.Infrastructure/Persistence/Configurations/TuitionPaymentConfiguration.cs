using CoRM.Domain.Academics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class TuitionPaymentConfiguration : IEntityTypeConfiguration<TuitionPayment>
{
    public void Configure(EntityTypeBuilder<TuitionPayment> builder)
    {
        builder.Property(p => p.Amount).IsMoney(12);
        builder.HasIndex(p => new { p.InvoiceId, p.PaidOn });
    }
}
