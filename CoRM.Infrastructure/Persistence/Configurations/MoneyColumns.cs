using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoRM.Infrastructure.Persistence.Configurations;

/// <summary>
/// Money is exact on every provider. SQL Server and PostgreSQL keep <c>decimal(p,2)</c>; SQLite has no decimal type,
/// so a money column there holds whole minor units (cents) as an INTEGER: sums and comparisons in SQL stay exact
/// (10,000 gifts of 0.10 sum to exactly 1,000.00), where REAL would drift.
/// </summary>
public static class MoneyColumns
{
    public const string Annotation = "CoRM:Money";
    private const decimal MinorUnitsPerUnit = 100m;

    /// <summary>Marks an amount of money: <paramref name="precision"/> digits, two after the point.</summary>
    public static PropertyBuilder<TProperty> IsMoney<TProperty>(this PropertyBuilder<TProperty> property, int precision = 14) =>
        property.HasPrecision(precision, 2).HasAnnotation(Annotation, true);

    public static bool IsMoney(this IReadOnlyProperty property) => property.FindAnnotation(Annotation)?.Value is true;

    /// <summary>Stores every money column of the model as minor units (SQLite only).</summary>
    public static void StoreMoneyAsMinorUnits(this ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.IsMoney()))
        {
            property.SetProviderClrType(null); // the REAL convention for other decimals would otherwise win over the converter
            property.SetValueConverter(property.ClrType == typeof(decimal?) ? NullableMinorUnits : MinorUnits);
        }
    }

    // A value with more than two decimals never reaches here: the domain rounds money to cents (Money.Round), and
    // rounding, not truncation, is what a stray third decimal should get.
    private static readonly ValueConverter<decimal, long> MinorUnits =
        new(d => (long)Math.Round(d * MinorUnitsPerUnit, MidpointRounding.AwayFromZero), v => v / MinorUnitsPerUnit);

    private static readonly ValueConverter<decimal?, long?> NullableMinorUnits =
        new(d => d == null ? null : (long)Math.Round(d.Value * MinorUnitsPerUnit, MidpointRounding.AwayFromZero), v => v == null ? null : v.Value / MinorUnitsPerUnit);
}
