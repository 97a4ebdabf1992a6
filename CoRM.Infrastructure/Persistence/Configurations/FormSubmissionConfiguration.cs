using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> builder)
    {
        builder.Property(s => s.EmailKey).HasMaxLength(64);
        builder.Property(s => s.ConfirmationTokenHash).HasMaxLength(64);
        builder.Property(s => s.PendingDetails).HasMaxLength(2000);
        builder.Property(s => s.Comment).HasMaxLength(Infrastructure.Engagement.PublicForms.CommentMaxLength);
        builder.HasOne<PublicForm>().WithMany().HasForeignKey(s => s.FormId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(s => s.ConstituentId).OnDelete(DeleteBehavior.Cascade);
        // Submissions per day for staff; the per-address limit; the confirmation link; a person's submissions (segments).
        builder.HasIndex(s => new { s.FormId, s.SubmittedAt });
        builder.HasIndex(s => new { s.EmailKey, s.SubmittedAt });
        builder.HasIndex(s => s.ConfirmationTokenHash).IsUnique().HasFilter("[ConfirmationTokenHash] IS NOT NULL");
        builder.HasIndex(s => s.ConstituentId);
    }
}
