using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class CampaignRecipientConfiguration : IEntityTypeConfiguration<CampaignRecipient>
{
    public void Configure(EntityTypeBuilder<CampaignRecipient> builder)
    {
        builder.Property(r => r.MailingAddress).HasMaxLength(Receipt.AddressMaxLength);
        builder.Property(r => r.LetterBody).HasMaxLength(AppealCampaign.BodyMaxLength * 2);
        builder.HasOne<AppealCampaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(r => r.ConstituentId).OnDelete(DeleteBehavior.Cascade);
        // One row per person per campaign (the snapshot cannot double anyone); the renderer walks the queue in order.
        builder.HasIndex(r => new { r.CampaignId, r.ConstituentId }).IsUnique();
        builder.HasIndex(r => new { r.CampaignId, r.Status, r.Id });
        builder.HasIndex(r => r.ConstituentId);
        builder.Property(r => r.OptOutCode).HasMaxLength(CampaignRecipient.OptOutCodeLength);
        // Looked up from the printed link; NULL for e-mails (filtered: SQL Server treats NULLs as equal in unique indexes).
        builder.HasIndex(r => r.OptOutCode).IsUnique().HasFilter("[OptOutCode] IS NOT NULL");
    }
}
