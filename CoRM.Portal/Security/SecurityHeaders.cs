using System.Security.Cryptography;

namespace CoRM.Portal.Security;

/// <summary>
/// The headers every response carries (OWASP ASVS 14.4): a Content-Security-Policy that allows Blazor Server and
/// MudBlazor and nothing inline but the import map (by a per-request nonce), no MIME sniffing, no referrer leaving the
/// site, and no framing anywhere, the job dashboard included.
/// </summary>
internal static class SecurityHeaders
{
    private const string NonceItem = "corm.csp-nonce";

    /// <summary>The nonce this response's Content-Security-Policy allows, for the one inline script (the import map).</summary>
    public static string NonceOf(HttpContext http) => http.Items[NonceItem] as string ?? "";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)); // hex: nothing for HTML to escape
        http.Items[NonceItem] = nonce;
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            // MudBlazor sets style attributes from code, so styles may be inline; scripts may not.
            headers.ContentSecurityPolicy =
                "default-src 'self'; " +
                $"script-src 'self' 'nonce-{nonce}'; " +
                "style-src 'self' 'unsafe-inline'; " +
                "img-src 'self' data:; font-src 'self' data:; " +
                "connect-src 'self' ws: wss:; " +
                "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next(http);
    });
}
