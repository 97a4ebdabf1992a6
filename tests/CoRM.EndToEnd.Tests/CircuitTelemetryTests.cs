using System.Diagnostics.Metrics;
using CoRM.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static CoRM.Infrastructure.Seeding.DemoSeeder;

namespace CoRM.EndToEnd.Tests;

/// <summary>
/// A real browser's circuit, seen from operations: ASP.NET Core's circuit gauge counts it, and what the portal logs
/// while the user acts carries their portal user id and the circuit id.
/// </summary>
public sealed class CircuitTelemetryTests(CircuitTelemetryTests.Session session) : IClassFixture<CircuitTelemetryTests.Session>
{
    /// <summary>Every action counts as slow here, so each one writes a warning we can read the scope of.</summary>
    public sealed class Session : BrowserSession
    {
        protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Telemetry:SlowCircuitActivityMilliseconds"] = "0" };
    }

    [Fact]
    public async Task A_circuit_is_counted_and_its_actions_are_logged_with_the_user_and_circuit()
    {
        var meters = session.Portal.Services.GetRequiredService<IMeterFactory>();
        long active = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == "aspnetcore.components.circuit.active") l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, delta, _, _) => Interlocked.Add(ref active, delta));
        listener.Start();

        var page = await session.SignedInAsync(Personas.Faculty);
        await page.Locator("[data-testid=nav] a", new() { HasText = "My advisees" }).First.ClickAsync();
        await page.WaitForURLAsync("**/advising**");

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Interlocked.Read(ref active) < 1 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(Interlocked.Read(ref active) >= 1, "the circuit gauge never counted the browser's circuit");

        await using var db = await session.Portal.Services.GetRequiredService<IDbContextFactory<CormDbContext>>().CreateDbContextAsync();
        var userId = (await db.PortalUsers.SingleAsync(u => u.Email == Personas.Faculty)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var actions = session.Portal.Logs.Entries.Where(e => e.Category.EndsWith("CircuitLogScope", StringComparison.Ordinal) && e.Level == LogLevel.Warning).ToList();
        Assert.NotEmpty(actions);
        var mine = actions.Where(e => Equals(e.Scope.GetValueOrDefault("UserId"), userId)).ToList();
        Assert.NotEmpty(mine);
        Assert.All(mine, e => Assert.True(e.Scope.GetValueOrDefault("CircuitId") is string { Length: > 0 }, "an action logged without its circuit"));
        Assert.Single(mine.Select(e => e.Scope["CircuitId"]).Distinct());
    }
}
