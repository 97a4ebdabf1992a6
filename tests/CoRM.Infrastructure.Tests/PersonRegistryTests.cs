using CoRM.Domain.Constituents;
using CoRM.Infrastructure.Constituents;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CoRM.Infrastructure.Tests;

/// <summary>
/// The person registry accounts for every place a person's data lives. When this fails, a new column points at a
/// constituent or copies text that merge, subject-access export and erasure would not know about: add it to
/// <see cref="PersonRegistry"/> in the same change.
/// </summary>
public sealed class PersonRegistryTests
{
    private static readonly IModel Model =
        new SqliteCormDbContext(new DbContextOptionsBuilder<SqliteCormDbContext>().UseSqlite("Data Source=:memory:").Options).Model;

    private static readonly HashSet<string> Registered = PersonRegistry.Columns.Select(c => c.Name).ToHashSet();

    [Fact]
    public void Every_foreign_key_to_a_constituent_is_registered()
    {
        var unregistered = Model.GetEntityTypes()
            .SelectMany(e => e.GetForeignKeys().Where(f => f.PrincipalEntityType.ClrType == typeof(Constituent))
                .Select(f => $"{e.ClrType.Name}.{string.Join(",", f.Properties.Select(p => p.Name))}"))
            .Where(name => !Registered.Contains(name)).Order().ToList();
        Assert.True(unregistered.Count == 0, "Add to PersonRegistry.Columns: " + string.Join(", ", unregistered));
    }

    [Fact]
    public void Every_person_id_without_a_foreign_key_is_registered_too()
    {
        // Ids of people kept without a foreign key (who recorded it, who it is about in the audit log) by their names.
        static bool NamesAPerson(IProperty p) => p.Name.EndsWith("ById", StringComparison.Ordinal) || p.Name.EndsWith("ConstituentId", StringComparison.Ordinal)
            || p.Name == "AssignedToId";
        var unregistered = Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Where(p => p.ClrType == typeof(int) || p.ClrType == typeof(int?)).Where(NamesAPerson)
                .Select(p => $"{e.ClrType.Name}.{p.Name}"))
            .Where(name => !Registered.Contains(name)).Order().ToList();
        Assert.True(unregistered.Count == 0, "Add to PersonRegistry.Columns: " + string.Join(", ", unregistered));
    }

    [Fact]
    public void Every_registered_column_exists_and_holds_an_id()
    {
        foreach (var column in PersonRegistry.Columns)
        {
            var property = Model.FindEntityType(column.Entity)?.FindProperty(column.Property);
            Assert.True(property is not null, $"{column.Name} is not in the model");
            Assert.Contains(property.ClrType, new[] { typeof(int), typeof(int?) });
        }
        Assert.Equal(PersonRegistry.Columns.Count, Registered.Count); // no duplicates
    }

    [Fact]
    public void Every_text_column_is_a_registered_copy_part_of_a_persons_own_record_or_declared_not_personal()
    {
        var copies = PersonRegistry.Texts.Select(t => t.Name).ToHashSet();
        // Entities whose rows belong to one person (their address, profile, assessment): text there is their own data.
        var own = PersonRegistry.Columns.Where(c => c.Role == PersonRole.Subject).Select(c => c.Entity).Append(typeof(Constituent)).ToHashSet();
        var unclassified = Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Where(p => p.ClrType == typeof(string)).Select(p => (Entity: e.ClrType, Name: $"{e.ClrType.Name}.{p.Name}")))
            .Where(p => !copies.Contains(p.Name) && !PersonRegistry.NotPersonal.Contains(p.Name) && !own.Contains(p.Entity))
            .Select(p => p.Name).Order().ToList();
        Assert.True(unclassified.Count == 0, "Classify in PersonRegistry.Texts or NotPersonal: " + string.Join(", ", unclassified));
    }

    [Fact]
    public void Every_registered_text_names_a_column_that_says_whose_it_is()
    {
        foreach (var text in PersonRegistry.Texts)
        {
            var entity = Model.FindEntityType(text.Entity);
            Assert.True(entity?.FindProperty(text.Property) is not null, $"{text.Name} is not in the model");
            Assert.True(entity!.FindProperty(text.WhoseColumn) is not null, $"{text.Name}: {text.WhoseColumn} is not a column of {text.Entity.Name}");
        }
    }
}
