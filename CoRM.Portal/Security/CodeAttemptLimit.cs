using System.Threading.RateLimiting;

namespace CoRM.Portal.Security;

/// <summary>
/// The pages that take a code or token from someone without an account — a parent's invitation (/join), the short
/// code on a letter (/u) and the unsubscribe link — answer a limited number of requests per minute from one address,
/// so nobody can try codes by the thousand. Everything else is unlimited.
/// </summary>
internal static class CodeAttemptLimit
{
    public const string Setting = "Security:CodeAttemptsPerMinute";

    public static void AddCodeAttemptLimit(this WebApplicationBuilder builder)
    {
        var perMinute = builder.Configuration.GetValue(Setting, 30);
        if (perMinute < 1) throw new InvalidOperationException($"{Setting} must be at least 1.");
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (rejected, ct) =>
            {
                rejected.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await rejected.HttpContext.Response.WriteAsync("Too many attempts from your address. Wait a minute and try again.", ct);
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Guarded(http.Request.Path)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(""));
        });
    }

    private static bool Guarded(PathString path) =>
        path.StartsWithSegments("/u") || path.StartsWithSegments("/f") || path.StartsWithSegments("/join") || path.StartsWithSegments("/account/join") || path.StartsWithSegments("/unsubscribe");
}
