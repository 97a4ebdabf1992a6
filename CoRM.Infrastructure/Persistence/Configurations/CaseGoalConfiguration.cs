using CoRM.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class CaseGoalConfiguration : IEntityTypeConfiguration<CaseGoal>
{
    public void Configure(EntityTypeBuilder<CaseGoal> builder) => builder.Property(g => g.Title).HasMaxLength(CaseGoal.TitleMaxLength);
}
