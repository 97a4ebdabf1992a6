using CoRM.Domain.Academics;
using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class CourseResultConfiguration : IEntityTypeConfiguration<CourseResult>
{
    public void Configure(EntityTypeBuilder<CourseResult> builder)
    {
        builder.Property(r => r.Grade).HasPrecision(4, 2);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(r => r.StudentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Course>().WithMany().HasForeignKey(r => r.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Term>().WithMany().HasForeignKey(r => r.TermId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.StudentId, r.TermId, r.CourseId }).IsUnique();
    }
}
