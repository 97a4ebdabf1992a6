using CoRM.Domain.Access;
using Hangfire.Dashboard;

namespace CoRM.Portal.Security;

/// <summary>
/// Replaces Hangfire's default local-requests-only filter: administrators only, from anywhere.
/// The endpoint also requires the Admin policy, so anonymous users are sent to sign in first.
/// </summary>
internal sealed class HangfireDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
}
