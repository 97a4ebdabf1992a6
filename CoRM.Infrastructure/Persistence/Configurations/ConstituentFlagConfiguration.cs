using CoRM.Domain.Cases;
using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class ConstituentFlagConfiguration : IEntityTypeConfiguration<ConstituentFlag>
{
    public void Configure(EntityTypeBuilder<ConstituentFlag> builder)
    {
        builder.Property(f => f.Label).HasMaxLength(ConstituentFlag.LabelMaxLength);
        builder.Property(f => f.Note).HasMaxLength(ConstituentFlag.NoteMaxLength);
        builder.Property(f => f.RemovalReason).HasMaxLength(ConstituentFlag.NoteMaxLength);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(f => f.ConstituentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(f => f.RaisedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(f => f.RemovedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.ConstituentId, f.RemovedAt });
    }
}
