using CoRM.Domain.Constituents;
using CoRM.Domain.Families;
using CoRM.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class ParentInvitationConfiguration : IEntityTypeConfiguration<ParentInvitation>
{
    public void Configure(EntityTypeBuilder<ParentInvitation> builder)
    {
        builder.Property(i => i.SentToEmail).HasMaxLength(Constituent.EmailMaxLength);
        builder.Property(i => i.CodeHash).HasMaxLength(ParentInvitation.CodeHashMaxLength);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(i => i.ParentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(i => i.RedeemedByPortalUserId).OnDelete(DeleteBehavior.Restrict);

        // Redemption looks the code up by its hash.
        builder.HasIndex(i => i.CodeHash).IsUnique();
        builder.HasIndex(i => new { i.ParentId, i.CreatedAt });
    }
}
