using CoRM.Domain.Academics;
using CoRM.Domain.Admissions;
using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class InformationRequestConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    public void Configure(EntityTypeBuilder<InformationRequest> builder)
    {
        builder.Property(r => r.Notes).HasMaxLength(InformationRequest.NotesMaxLength);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(r => r.ProspectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Programme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Term>().WithMany().HasForeignKey(r => r.TermId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AdmissionApplication>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Restrict);

        // The funnel counts requests per term and programme.
        builder.HasIndex(r => new { r.TermId, r.ProgrammeId, r.ApplicationId });
        builder.HasIndex(r => r.ProspectId);
    }
}
