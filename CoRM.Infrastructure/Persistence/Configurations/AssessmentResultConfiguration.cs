using CoRM.Domain.Academics;
using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class AssessmentResultConfiguration : IEntityTypeConfiguration<AssessmentResult>
{
    public void Configure(EntityTypeBuilder<AssessmentResult> builder)
    {
        builder.Property(r => r.Code).HasMaxLength(AssessmentResult.CodeMaxLength);
        builder.Property(r => r.Weight).HasPrecision(5, 2);
        builder.Property(r => r.Score).HasPrecision(5, 2);
        builder.Ignore(r => r.Missing);
        builder.Ignore(r => r.KnownFrom);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(r => r.StudentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Course>().WithMany().HasForeignKey(r => r.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Term>().WithMany().HasForeignKey(r => r.TermId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.StudentId, r.TermId, r.CourseId, r.Code }).IsUnique();
        builder.HasIndex(r => new { r.TermId, r.DueOn });
    }
}
