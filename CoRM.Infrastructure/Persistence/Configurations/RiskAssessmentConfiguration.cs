using CoRM.Domain.Constituents;
using CoRM.Domain.StudentSuccess;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class RiskAssessmentConfiguration : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> builder)
    {
        builder.Ignore(a => a.FactorList);
        builder.Property(a => a.Factors).HasMaxLength(RiskAssessment.FactorsMaxLength);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(a => a.StudentId).OnDelete(DeleteBehavior.Cascade);
        // One assessment per student, day and method: a second run of the nightly job on the same day adds nothing.
        builder.HasIndex(a => new { a.StudentId, a.Method, a.AssessedOn }).IsUnique();
        builder.HasIndex(a => new { a.AssessedOn, a.Band });
    }
}
