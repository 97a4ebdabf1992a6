using CoRM.Domain.Advancement;
using CoRM.Domain.Constituents;
using CoRM.Domain.Engagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoRM.Infrastructure.Persistence.Configurations;

internal sealed class PublicFormConfiguration : IEntityTypeConfiguration<PublicForm>
{
    public void Configure(EntityTypeBuilder<PublicForm> builder)
    {
        builder.Property(f => f.Slug).HasMaxLength(PublicForm.SlugMaxLength);
        builder.Property(f => f.Title).HasMaxLength(PublicForm.TitleMaxLength);
        builder.Property(f => f.Text).HasMaxLength(PublicForm.TextMaxLength);
        builder.Property(f => f.FieldsJson).HasMaxLength(2000);
        builder.Property(f => f.ConsentWording).HasMaxLength(PublicForm.ConsentMaxLength);
        builder.Property(f => f.ConsentPurpose).HasMaxLength(PublicForm.ConsentMaxLength);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.Ignore(f => f.Fields);
        builder.HasIndex(f => f.Slug).IsUnique();
        builder.HasOne<ActionType>().WithMany().HasForeignKey(f => f.ActionTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<GivingEvent>().WithMany().HasForeignKey(f => f.EventId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EventSeries>().WithMany().HasForeignKey(f => f.SeriesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Constituent>().WithMany().HasForeignKey(f => f.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}
