using CoRM.Domain.Academics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class TermConfiguration : IEntityTypeConfiguration<Term>
{
    public void Configure(EntityTypeBuilder<Term> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(Term.CodeMaxLength);
        builder.Property(t => t.Name).HasMaxLength(Term.NameMaxLength);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.HasIndex(t => t.StartsOn);
    }
}
