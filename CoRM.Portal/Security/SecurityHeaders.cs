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

    /// <summary>
    /// Where forms may lead: this site, and with Entra its sign-in host — a sign-out or an invitation code is posted
    /// here and answered with a redirect to Microsoft, and browsers hold that redirect to form-action too.
    /// </summary>
    internal static string FormAction(IConfiguration configuration)
    {
        var azureAd = configuration.GetSection("AzureAd");
        if (string.IsNullOrWhiteSpace(azureAd["ClientId"])) return "'self'";
        var instance = Uri.TryCreate(azureAd["Instance"] ?? "https://login.microsoftonline.com/", UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "https://login.microsoftonline.com";
        return $"'self' {instance}";
    }

    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        var formAction = FormAction(app.Configuration);
        return app.Use((http, next) => Apply(http, next, formAction));
    }

    private static Task Apply(HttpContext http, RequestDelegate next, string formAction)
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
                $"object-src 'none'; base-uri 'self'; form-action {formAction}; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next(http);
    }
}
