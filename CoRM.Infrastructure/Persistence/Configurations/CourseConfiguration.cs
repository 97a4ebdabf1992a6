using CoRM.Domain.Academics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(Course.CodeMaxLength);
        builder.Property(c => c.Name).HasMaxLength(Course.NameMaxLength);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.SetNull);
    }
}
