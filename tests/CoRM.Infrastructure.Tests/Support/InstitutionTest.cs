namespace CoRM.Infrastructure.Tests.Support;

/// <summary>A test class whose every test gets its own copy of the seeded institution.</summary>
public abstract class InstitutionTest : IAsyncLifetime
{
    protected TestInstitution Institution { get; private set; } = default!;

    public async Task InitializeAsync() => Institution = await TestInstitution.CreateAsync();

    public async Task DisposeAsync() => await Institution.DisposeAsync();
}
