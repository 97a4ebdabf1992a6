using CoRM.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class CasePlanTemplateItemConfiguration : IEntityTypeConfiguration<CasePlanTemplateItem>
{
    public void Configure(EntityTypeBuilder<CasePlanTemplateItem> builder) => builder.Property(i => i.Title).HasMaxLength(CasePlanTemplateItem.TitleMaxLength);
}
