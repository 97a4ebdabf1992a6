using CoRM.Domain.Advancement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class PledgeInstalmentConfiguration : IEntityTypeConfiguration<PledgeInstalment>
{
    public void Configure(EntityTypeBuilder<PledgeInstalment> builder)
    {
        builder.Property(i => i.Amount).IsMoney(14);
        builder.HasIndex(i => new { i.PledgeId, i.Number }).IsUnique();
        // "Pledge instalment due" reminders look instalments up by date.
        builder.HasIndex(i => i.DueOn);
    }
}
