using System.Diagnostics;
using CoRM.Infrastructure.Observability;
using CoRM.Portal.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

namespace CoRM.Portal.Observability;

/// <summary>
/// Every log written while a circuit handles a user's action (a click, a navigation, a render) carries the circuit id
/// and the portal user's id, so one person's session can be followed through the logs. An action slower than
/// Telemetry:SlowCircuitActivityMilliseconds is logged as a warning with them.
/// </summary>
internal sealed class CircuitLogScope(
    AuthenticationStateProvider authentication, IOptions<TelemetryOptions> options, ILogger<CircuitLogScope> logger) : CircuitHandler
{
    private string? circuitId;
    private string? userId;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuitId = circuit.Id;
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            userId ??= await PortalUserIdAsync();
            using var scope = logger.BeginScope(new Dictionary<string, object?> { ["CircuitId"] = circuitId, ["UserId"] = userId });
            var started = Stopwatch.GetTimestamp();
            await next(context);
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed.TotalMilliseconds >= options.Value.SlowCircuitActivityMilliseconds)
                logger.LogWarning("A portal action took {ElapsedMilliseconds} ms", (long)elapsed.TotalMilliseconds);
        };

    private async Task<string?> PortalUserIdAsync()
    {
        try
        {
            var state = await authentication.GetAuthenticationStateAsync();
            return state.User.FindFirst(CormClaims.PortalUserId)?.Value;
        }
        catch (InvalidOperationException)
        {
            // The authentication state is set as the circuit starts; an activity before that has no user yet.
            return null;
        }
    }
}
