using Microsoft.EntityFrameworkCore;

namespace CoRM.Infrastructure.Persistence;

/// <summary>Hands out the configured provider's context as the shared <see cref="CormDbContext"/> type.</summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<CormDbContext>
    where TContext : CormDbContext
{
    public CormDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<CormDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
