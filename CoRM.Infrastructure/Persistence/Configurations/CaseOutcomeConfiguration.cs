using CoRM.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class CaseOutcomeConfiguration : IEntityTypeConfiguration<CaseOutcome>
{
    public void Configure(EntityTypeBuilder<CaseOutcome> builder) => builder.Property(o => o.Name).HasMaxLength(CaseOutcome.NameMaxLength);
}
