using CoRM.Domain.Cases;
using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class CaseTeamMemberConfiguration : IEntityTypeConfiguration<CaseTeamMember>
{
    public void Configure(EntityTypeBuilder<CaseTeamMember> builder)
    {
        builder.HasOne<Constituent>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Restrict);
        // "My caseload" and every access check: a worker's current memberships.
        builder.HasIndex(m => new { m.MemberId, m.RemovedAt, m.CaseId });
    }
}
