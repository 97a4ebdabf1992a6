using CoRM.Domain.Engagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class ActionTypeConfiguration : IEntityTypeConfiguration<ActionType>
{
    public void Configure(EntityTypeBuilder<ActionType> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(ActionType.NameMaxLength);
        builder.Property(t => t.Description).HasMaxLength(ActionType.DescriptionMaxLength);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasData(ActionType.ReadyMade.Select(t => new ActionType
        {
            Id = t.Id, Name = t.Name, Category = t.Category, AsksTarget = t.AsksTarget, IsActive = true,
            Version = new Guid($"00000000-0000-0000-0001-{t.Id:D12}"),
        }));
    }
}
