using CoRM.Domain.Academics;
using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class TuitionInvoiceConfiguration : IEntityTypeConfiguration<TuitionInvoice>
{
    public void Configure(EntityTypeBuilder<TuitionInvoice> builder)
    {
        builder.Property(i => i.Description).HasMaxLength(TuitionInvoice.DescriptionMaxLength);
        builder.Property(i => i.Amount).IsMoney(12);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(i => i.StudentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Term>().WithMany().HasForeignKey(i => i.TermId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Payments).WithOne().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.StudentId, i.DueOn });
        builder.Property(i => i.Number).HasMaxLength(TuitionInvoice.NumberMaxLength);
        builder.HasIndex(i => i.Number).IsUnique();
    }
}
