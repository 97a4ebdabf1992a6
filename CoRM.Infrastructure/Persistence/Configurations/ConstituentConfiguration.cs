using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class ConstituentConfiguration : IEntityTypeConfiguration<Constituent>
{
    public void Configure(EntityTypeBuilder<Constituent> builder)
    {
        builder.Property(c => c.FirstName).HasMaxLength(Constituent.NameMaxLength);
        builder.Property(c => c.LastName).HasMaxLength(Constituent.NameMaxLength);
        builder.Property(c => c.DisplayName).HasMaxLength(Constituent.DisplayNameMaxLength);
        builder.Property(c => c.SortName).HasMaxLength(Constituent.DisplayNameMaxLength);
        builder.Property(c => c.Email).HasMaxLength(Constituent.EmailMaxLength);
        builder.Property(c => c.EmailHoldReason).HasMaxLength(Constituent.EmailHoldReasonMaxLength);
        builder.Property(c => c.Region).HasMaxLength(Constituent.RegionMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();

        // Search is a prefix match on the name or an exact e-mail: both served by these indexes.
        builder.Property(c => c.SearchName).HasMaxLength(Constituent.DisplayNameMaxLength);
        builder.HasIndex(c => c.SortName);
        builder.HasIndex(c => c.SearchName);
        builder.HasIndex(c => c.Email);
        builder.HasIndex(c => c.BirthDate); // matching incoming people: a name typo still shares the birth date
        builder.Property(c => c.StudentNumber).HasMaxLength(Constituent.StudentNumberMaxLength);
        builder.HasIndex(c => c.StudentNumber).IsUnique();
        builder.Property(c => c.ExternalId).HasMaxLength(Constituent.ExternalIdMaxLength);
        builder.HasIndex(c => c.ExternalId).IsUnique();
        builder.Property(c => c.Source).HasMaxLength(Constituent.SourceMaxLength);

        builder.HasOne<Constituent>().WithMany().HasForeignKey(c => c.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        // Only merged-away records: the index finds what was merged into a record. A full index (every current record NULL)
        // looked selective to SQLite without statistics, which then scanned it for every "current records" query instead of
        // the name index (a surname prefix among 600,000 people: 162 ms instead of a few).
        builder.HasIndex(c => c.MergedIntoId).HasFilter("\"MergedIntoId\" IS NOT NULL");
        builder.HasMany(c => c.Hats).WithOne().HasForeignKey(h => h.ConstituentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.ContactPoints).WithOne().HasForeignKey(p => p.ConstituentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Addresses).WithOne().HasForeignKey(a => a.ConstituentId).OnDelete(DeleteBehavior.Cascade);
    }
}
