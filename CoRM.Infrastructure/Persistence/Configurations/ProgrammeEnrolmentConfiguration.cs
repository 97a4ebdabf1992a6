using CoRM.Domain.Academics;
using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class ProgrammeEnrolmentConfiguration : IEntityTypeConfiguration<ProgrammeEnrolment>
{
    public void Configure(EntityTypeBuilder<ProgrammeEnrolment> builder)
    {
        builder.HasOne<Constituent>().WithMany().HasForeignKey(e => e.StudentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Programme).WithMany().HasForeignKey(e => e.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Term).WithMany().HasForeignKey(e => e.TermId).OnDelete(DeleteBehavior.Restrict);
        // One enrolment per student and term; cohort analytics group by term and programme.
        // Several programmes (or modules) a term: a module-based university registers each one.
        builder.HasIndex(e => new { e.StudentId, e.TermId, e.ProgrammeId }).IsUnique();
        builder.HasIndex(e => new { e.TermId, e.ProgrammeId, e.Status });
    }
}
