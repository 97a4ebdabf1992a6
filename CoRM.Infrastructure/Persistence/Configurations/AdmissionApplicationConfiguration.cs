using CoRM.Domain.Academics;
using CoRM.Domain.Admissions;
using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class AdmissionApplicationConfiguration : IEntityTypeConfiguration<AdmissionApplication>
{
    public void Configure(EntityTypeBuilder<AdmissionApplication> builder)
    {
        builder.ToTable("AdmissionApplications");
        builder.Property(a => a.GuardianName).HasMaxLength(AdmissionApplication.NameMaxLength);
        builder.Property(a => a.GuardianEmail).HasMaxLength(Constituent.EmailMaxLength);
        builder.Property(a => a.DepositAmount).IsMoney(12);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Constituent>().WithMany().HasForeignKey(a => a.ApplicantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(a => a.GuardianId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(a => a.CounsellorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Programme>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Term>().WithMany().HasForeignKey(a => a.TermId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TuitionInvoice>().WithMany().HasForeignKey(a => a.DepositInvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Reviews).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);

        // The board counts by term and stage; the reminder job finds stalled files by stage and date.
        builder.HasIndex(a => new { a.TermId, a.Stage, a.ProgrammeId });
        builder.HasIndex(a => new { a.Stage, a.StartedAt });
        builder.HasIndex(a => a.ApplicantId);
    }
}
