using CoRM.Domain.Constituents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoRM.Infrastructure.Persistence.Interceptors;

/// <summary>Keeps every phone contact point's <see cref="ContactPoint.DialKey"/> in step with its value, whoever saves it (forms, imports, merges).</summary>
internal sealed class DialKeyInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Stamp(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries<ContactPoint>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
                entry.Entity.DialKey = entry.Entity.IsPhone ? ContactPoint.DialKeyOf(entry.Entity.Value) : null;
        }
    }
}
