using CoRM.Domain.Access;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CoRM.Portal.Security;

/// <summary>
/// The signed-in user's scope inside a Blazor circuit, read from the authentication state (not from
/// HttpContext, which a circuit does not have). Event handlers call it again, so a permission is
/// checked at the moment of the action.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, ClientOrigin origin)
{
    public async Task<UserScope?> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return CormClaims.ScopeOf(state.User, origin.RemoteAddress);
    }

    /// <summary>For handlers that must not run without a user: the page's own authorization already guarantees one.</summary>
    public async Task<UserScope> RequireAsync() =>
        await GetAsync() ?? throw new InvalidOperationException("This action needs a signed-in user linked to a constituent record.");
}

/// <summary>Where the circuit's user connects from, kept for the audit log.</summary>
public sealed class ClientOrigin
{
    public string? RemoteAddress { get; set; }
}

/// <summary>Captures the remote address when the circuit opens: the only moment its HTTP connection is at hand.</summary>
internal sealed class ClientOriginCircuitHandler(IHttpContextAccessor http, ClientOrigin origin) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        origin.RemoteAddress ??= http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        return Task.CompletedTask;
    }
}
